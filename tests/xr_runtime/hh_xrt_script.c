/* hh_xrt_script.c - the scripted headset: a text file named by $HH_XRT_SCRIPT, one
 * directive per line, '#' starts a comment, numbers in the C locale, frames count
 * xrWaitFrame calls from 1 (see docs/vr.md for the format). */
#include "hh_xrt_int.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* defaults: a 90 Hz headset, 320x320 per eye, 90 degree square fov, looking ahead */
static void defaults(xrt_script *s) {
  memset(s, 0, sizeof *s);
  s->period_s = 1.0 / 90.0;
  s->width = s->height = 320;
  s->ipd = 0.064f;
  s->fov[0] = -45, s->fov[1] = 45, s->fov[2] = 45, s->fov[3] = -45;
  snprintf(s->profile, sizeof s->profile, "%s", xrt_profiles[1]);
  s->lose_at = s->exit_at = s->instance_lose_at = s->capture_at = -1;
}

/* parse one directive; 0 ok, -1 with *why set */
static int directive(xrt_script *s, char *line, const char **why) {
  char word[32], str[512];
  float f[6];
  long a, b;
  int n = 0;
  if (sscanf(line, "%31s%n", word, &n) != 1) return 0;
  const char *rest = line + n;
  *why = "wrong arguments";
  if (!strcmp(word, "period")) {
    if (sscanf(rest, "%f", &f[0]) != 1 || !(f[0] > 0.001f && f[0] < 1.0f)) return -1;
    s->period_s = f[0];
  } else if (!strcmp(word, "pace")) {
    if (sscanf(rest, "%ld", &a) != 1) return -1;
    s->pace = a != 0;
  } else if (!strcmp(word, "size")) {
    if (sscanf(rest, "%ld %ld", &a, &b) != 2 || a < 16 || b < 16 || a > 4096 || b > 4096) return -1;
    s->width = (int)a, s->height = (int)b;
  } else if (!strcmp(word, "ipd")) {
    if (sscanf(rest, "%f", &s->ipd) != 1) return -1;
  } else if (!strcmp(word, "fov")) {
    if (sscanf(rest, "%f %f %f %f", &s->fov[0], &s->fov[1], &s->fov[2], &s->fov[3]) != 4) return -1;
  } else if (!strcmp(word, "profile")) {
    if (sscanf(rest, "%127s", s->profile) != 1) return -1;
  } else if (!strcmp(word, "head")) {
    if (s->n_head >= XRT_MAX_HEAD) return *why = "too many head poses", -1;
    xrt_head *h = &s->head[s->n_head];
    if (sscanf(rest, "%ld %f %f %f %f %f %f", &h->from, &h->pos[0], &h->pos[1], &h->pos[2], &h->yaw,
               &h->pitch, &h->roll) != 7)
      return -1;
    s->n_head++;
  } else if (!strcmp(word, "aim")) { /* aim FROM x y z yaw pitch roll: the hands' pose */
    if (s->n_aim >= XRT_MAX_HEAD) return *why = "too many aim poses", -1;
    xrt_head *h = &s->aim[s->n_aim];
    if (sscanf(rest, "%ld %f %f %f %f %f %f", &h->from, &h->pos[0], &h->pos[1], &h->pos[2], &h->yaw,
               &h->pitch, &h->roll) != 7)
      return -1;
    s->n_aim++;
  } else if (!strcmp(word, "input")) {
    if (s->n_in >= XRT_MAX_INPUT) return *why = "too many inputs", -1;
    xrt_input *in = &s->in[s->n_in];
    if (sscanf(rest, "%ld %ld %127s %f", &in->from, &in->to, in->path, &in->value) != 4 || in->to < in->from)
      return -1;
    s->n_in++;
  } else if (!strcmp(word, "lose")) {
    if (sscanf(rest, "%ld", &s->lose_at) != 1) return -1;
  } else if (!strcmp(word, "exit")) {
    if (sscanf(rest, "%ld", &s->exit_at) != 1) return -1;
  } else if (!strcmp(word, "instance_loss")) {
    if (sscanf(rest, "%ld", &s->instance_lose_at) != 1) return -1;
  } else if (!strcmp(word, "capture")) {
    if (sscanf(rest, "%ld %ld %511s", &s->capture_at, &a, str) != 3 || a < 0 || a > 1) return -1;
    s->capture_eye = (int)a;
    snprintf(s->capture_path, sizeof s->capture_path, "%s", str);
  } else if (!strcmp(word, "log")) {
    if (sscanf(rest, "%511s", s->log_path) != 1) return -1;
  } else {
    *why = "unknown directive";
    return -1;
  }
  return 0;
}

/* load the script named by $HH_XRT_SCRIPT over the defaults */
int xrt_script_load(xrt_script *s) {
  defaults(s);
  const char *path = getenv("HH_XRT_SCRIPT");
  if (path && path[0]) {
    FILE *f = fopen(path, "r");
    if (!f) {
      fprintf(stderr, "hh_xr_test_runtime: %s: cannot open the script\n", path);
      return -1;
    }
    snprintf(s->source, sizeof s->source, "%s", path);
    char line[1024];
    int no = 0;
    while (fgets(line, sizeof line, f)) {
      no++;
      char *hash = strchr(line, '#');
      if (hash) *hash = 0;
      const char *why = "";
      if (directive(s, line, &why) != 0) {
        fprintf(stderr, "hh_xr_test_runtime: %s:%d: %s\n", path, no, why);
        fclose(f);
        return -1;
      }
    }
    fclose(f);
  }
  const char *log = getenv("HH_XRT_LOG");
  if (log && log[0]) snprintf(s->log_path, sizeof s->log_path, "%s", log);
  return 0;
}

/* quaternion of a rotation by angle a (rad) about unit axis (x, y, z) */
static void axis_q(float x, float y, float z, float a, float q[4]) {
  float s = sinf(0.5f * a);
  q[0] = x * s, q[1] = y * s, q[2] = z * s, q[3] = cosf(0.5f * a);
}

/* q = a * b */
static void qmul(const float a[4], const float b[4], float q[4]) {
  float r[4] = {a[3] * b[0] + a[0] * b[3] + a[1] * b[2] - a[2] * b[1],
                a[3] * b[1] - a[0] * b[2] + a[1] * b[3] + a[2] * b[0],
                a[3] * b[2] + a[0] * b[1] - a[1] * b[0] + a[2] * b[3],
                a[3] * b[3] - a[0] * b[0] - a[1] * b[1] - a[2] * b[2]};
  memcpy(q, r, sizeof r);
}

/* the pose of list p (n entries) in force at frame f; 0 when none */
static int pose_at(const xrt_head *p, int n, long f, float pos[3], float q[4]) {
  const xrt_head *h = NULL;
  for (int i = 0; i < n; i++)
    if (p[i].from <= f && (!h || p[i].from >= h->from)) h = &p[i];
  pos[0] = pos[1] = pos[2] = 0;
  q[0] = q[1] = q[2] = 0, q[3] = 1;
  if (!h) return 0;
  memcpy(pos, h->pos, sizeof h->pos);
  const float d = 3.14159265f / 180.0f;
  float qy[4], qx[4], qz[4], t[4];
  axis_q(0, 1, 0, h->yaw * d, qy);
  axis_q(1, 0, 0, h->pitch * d, qx);
  axis_q(0, 0, 1, h->roll * d, qz);
  qmul(qy, qx, t);
  qmul(t, qz, q);
  return 1;
}

/* the head pose in force at frame f */
void xrt_script_head(const xrt_script *s, long f, float pos[3], float q[4]) {
  pose_at(s->head, s->n_head, f, pos, q);
}

/* the controller aim pose in force at frame f; 0 when none is scripted */
int xrt_script_aim(const xrt_script *s, long f, float pos[3], float q[4]) {
  return pose_at(s->aim, s->n_aim, f, pos, q);
}

/* the scripted value of input path at frame f */
float xrt_script_input(const xrt_script *s, long f, const char *path) {
  float v = 0;
  for (int i = 0; i < s->n_in; i++)
    if (f >= s->in[i].from && f < s->in[i].to && !strcmp(s->in[i].path, path)) v = s->in[i].value;
  return v;
}
