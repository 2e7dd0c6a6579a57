/* hh_competition.c - competition mode: what it refuses, the mandatory recording's
 * default path, and the attempt metadata signed with the result. */
#define _DEFAULT_SOURCE
#include "hh_competition.h"
#include "hh_results.h"
#include "../core/hh_i18n.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_TRAINEE 64

/* copy s into out keeping only [A-Za-z0-9._-] (others become '_') */
static void file_safe(char *out, size_t cap, const char *s) {
  size_t k = 0;
  for (; *s && k + 1 < cap; s++) {
    char c = *s;
    int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
             c == '.' || c == '-';
    out[k++] = ok ? c : '_';
  }
  out[k] = '\0';
}

/* a trainee id: 1..64 bytes, no control characters */
static int trainee_ok(const char *s) {
  size_t n = strlen(s);
  if (n == 0 || n > MAX_TRAINEE) return 0;
  for (; *s; s++)
    if ((unsigned char)*s < 0x20 || *s == 0x7f) return 0;
  return 1;
}

/* <data dir>/replays/<scenario>-<trainee>-<UTC time>-<pid>.hhr, folder created */
static int default_record(const hh_run_opts *o, char *out, size_t cap) {
  char dir[HH_PATH];
  hh_error err;
  memset(&err, 0, sizeof err);
  if (hh_data_dir(dir, sizeof dir, 1, &err) != HH_OK) return hh_cli_fail(&err);
  char rdir[HH_PATH + 16];
  snprintf(rdir, sizeof rdir, "%s/replays", dir);
  if (mkdir(rdir, 0700) != 0 && errno != EEXIST) {
    hh_error_set(&err, HH_E_FILE_WRITE, rdir, 0, 0, hh_tr("cannot create the data folder: %s"),
                 strerror(errno));
    return hh_cli_fail(&err);
  }
  const char *base = strrchr(o->scenario, '/');
  char scen[64], who[MAX_TRAINEE + 1], when[32];
  file_safe(scen, sizeof scen, base ? base + 1 : o->scenario);
  file_safe(who, sizeof who, o->trainee);
  time_t t = time(NULL);
  struct tm tm;
  gmtime_r(&t, &tm);
  strftime(when, sizeof when, "%Y%m%dT%H%M%SZ", &tm);
  if ((size_t)snprintf(out, cap, "%s/%s-%s-%s-%ld.hhr", rdir, scen, who, when, (long)getpid()) >= cap) {
    hh_error_set(&err, HH_E_FILE_WRITE, rdir, 0, 0, "%s", hh_tr("path too long"));
    return hh_cli_fail(&err);
  }
  return 0;
}

/* validate competition options and fill in the default recording; exit status or 0 */
int hh_competition_check(hh_run_opts *o) {
  static char record[HH_PATH];
  if (o->trainee && !trainee_ok(o->trainee))
    return hh_cli_usage_error("%s: --trainee", hh_tr("trainee id must be 1 to 64 printable characters"));
  if (!o->competition) {
    if (o->event_key && !o->record)
      return hh_cli_usage_error("%s", hh_tr("--event-key signs a recording: add --record F or --competition"));
    return 0;
  }
  if (o->autopilot)
    return hh_cli_usage_error("%s", hh_tr("--competition does not allow --autopilot"));
  if (o->replay)
    return hh_cli_usage_error("%s", hh_tr("--competition does not allow --replay: the trainee drives"));
  if (!o->trainee)
    return hh_cli_usage_error("%s", hh_tr("--competition needs --trainee ID"));
  if (!o->record) {
    int rc = default_record(o, record, sizeof record);
    if (rc) return rc;
    o->record = record;
  }
  return 0;
}

/* append s as a JSON string to f */
static void json_text(FILE *f, const char *s) {
  fputc('"', f);
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (*p == '"' || *p == '\\') fprintf(f, "\\%c", *p);
    else if (*p < 0x20 || *p == 0x7f) fprintf(f, "\\u%04x", *p);
    else fputc(*p, f);
  }
  fputc('"', f);
}

/* metadata of the attempt as JSON (free()) */
char *hh_competition_meta(const hh_run_opts *o, const hh_model *m, time_t started) {
  char *buf = NULL;
  size_t n = 0;
  FILE *f = open_memstream(&buf, &n);
  if (!f) return NULL;
  char when[32], host[128] = "";
  struct tm tm;
  gmtime_r(&started, &tm);
  strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
  gethostname(host, sizeof host - 1);
  fputs("{\"mode\": ", f);
  json_text(f, o->competition ? "competition" : "practice");
  fputs(", \"trainee\": ", f);
  json_text(f, o->trainee ? o->trainee : "");
  fputs(", \"scenario\": ", f);
  json_text(f, m->id);
  fprintf(f, ", \"content_hash\": \"%016llx\", \"seed\": %u, \"time_limit_s\": %.17g",
          (unsigned long long)m->content_hash, (unsigned)m->seed, m->time_limit_s);
  fputs(", \"started\": ", f);
  json_text(f, when);
  fputs(", \"station\": ", f);
  json_text(f, host);
  fputs(", \"build\": ", f);
  json_text(f, HH_BUILD_ID);
  fputs("}", f);
  if (fclose(f) != 0) {
    free(buf);
    return NULL;
  }
  return buf;
}
