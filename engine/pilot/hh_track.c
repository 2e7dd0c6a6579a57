/* hh_track.c - text control tracks: piecewise-constant controls over time segments.
 *
 * Format, one segment per line ('#' starts a comment, blank lines ignored):
 *   t0 t1 gantry trolley hoist [lock] [unlock] [estop] [finish]
 * t0, t1 in seconds (t0 < t1, segments in time order, non-overlapping); gantry, trolley
 * and hoist are stick values in [-1, 1]. Numbers are read in the C locale.
 */
#include "hh_pilot.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* parse one number token at *s; advances *s; 0 on failure */
static int read_number(char **s, double *out) {
  while (**s == ' ' || **s == '\t') (*s)++;
  if (**s == '\0') return 0;
  char *end;
  errno = 0;
  double v = strtod(*s, &end);
  if (end == *s || errno || (*end && *end != ' ' && *end != '\t')) return 0;
  *s = end;
  *out = v;
  return 1;
}

int hh_track_load(const char *path, hh_track *t, hh_error *err) {
  FILE *f = fopen(path, "rb");
  if (!f) return hh_error_set(err, HH_E_FILE_NOT_FOUND, path, 0, 0, "cannot open control track");
  hh_track tmp;
  memset(&tmp, 0, sizeof tmp);
  char line[512];
  int lineno = 0;
  int rc = HH_OK;
  while (rc == HH_OK && fgets(line, sizeof line, f)) {
    lineno++;
    char *hash = strchr(line, '#');
    if (hash) *hash = '\0';
    line[strcspn(line, "\r\n")] = '\0';
    char *s = line;
    while (*s == ' ' || *s == '\t') s++;
    if (*s == '\0') continue;
    double v[5];
    for (int i = 0; i < 5; i++) {
      char *at = s;
      if (!read_number(&s, &v[i])) {
        rc = hh_error_set(err, HH_E_USAGE, path, lineno, (int)(at - line) + 1,
                          "expected a number (t0 t1 gantry trolley hoist)");
        break;
      }
    }
    if (rc != HH_OK) break;
    if (!(v[0] >= 0 && v[1] > v[0])) {
      rc = hh_error_set(err, HH_E_USAGE, path, lineno, 1, "segment needs 0 <= t0 < t1");
      break;
    }
    if (tmp.n > 0 && v[0] < tmp.seg[tmp.n - 1].t1) {
      rc = hh_error_set(err, HH_E_USAGE, path, lineno, 1, "segment overlaps the previous one");
      break;
    }
    for (int i = 2; i < 5 && rc == HH_OK; i++)
      if (!(v[i] >= -1.0 && v[i] <= 1.0))
        rc = hh_error_set(err, HH_E_USAGE, path, lineno, 1, "stick value outside [-1, 1]");
    if (rc != HH_OK) break;
    if (tmp.n == HH_TRACK_MAX_SEGMENTS) {
      rc = hh_error_set(err, HH_E_USAGE, path, lineno, 1, "more than %d segments",
                        HH_TRACK_MAX_SEGMENTS);
      break;
    }
    hh_track_segment *g = &tmp.seg[tmp.n];
    g->t0 = v[0];
    g->t1 = v[1];
    g->c.axis[HH_AXIS_GANTRY] = (float)v[2];
    g->c.axis[HH_AXIS_TROLLEY] = (float)v[3];
    g->c.axis[HH_AXIS_HOIST] = (float)v[4];
    char *word;
    while (rc == HH_OK && (word = strtok(s, " \t")) != NULL) {
      s = NULL;
      if (strcmp(word, "lock") == 0) g->c.buttons |= HH_BTN_LOCK;
      else if (strcmp(word, "unlock") == 0) g->c.buttons |= HH_BTN_UNLOCK;
      else if (strcmp(word, "estop") == 0) g->c.buttons |= HH_BTN_ESTOP;
      else if (strcmp(word, "finish") == 0) g->c.buttons |= HH_BTN_FINISH;
      else rc = hh_error_set(err, HH_E_USAGE, path, lineno, (int)(word - line) + 1,
                             "unknown button '%s' (lock, unlock, estop, finish)", word);
    }
    if (rc == HH_OK) tmp.n++;
  }
  fclose(f);
  if (rc == HH_OK) *t = tmp;
  return rc;
}

void hh_track_controls(const hh_track *t, uint64_t tick, double dt, hh_controls *out) {
  memset(out, 0, sizeof *out);
  double time_s = (double)tick * dt;
  for (int i = 0; i < t->n; i++)
    if (time_s >= t->seg[i].t0 && time_s < t->seg[i].t1) {
      *out = t->seg[i].c;
      return;
    }
}
