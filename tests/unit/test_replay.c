/* test_replay.c - replay files: exact round trip, every region's corruption detected,
 * truncation detected, scenario content checked, atomic write. */
#include "hh_test.h"
#include "sim/hh_replay.h"
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static char dir[512];

/* a deterministic pseudo-random control sequence (xorshift), awkward floats included */
static void make_controls(hh_controls *c, int n) {
  uint32_t x = 0x9e3779b9u;
  for (int i = 0; i < n; i++) {
    memset(&c[i], 0, sizeof c[i]);
    for (int a = 0; a < HH_AXIS_COUNT; a++) {
      x ^= x << 13; x ^= x >> 17; x ^= x << 5;
      c[i].axis[a] = (float)((double)x / 4294967295.0 * 2.0 - 1.0);
    }
    c[i].axis[5] = i == 3 ? -0.0f : c[i].axis[5];
    c[i].axis[6] = 1e-40f; /* subnormal survives bit for bit */
    c[i].buttons = x & 0x1Fu;
  }
}

/* model with the identity a replay is checked against */
static void make_model(hh_model *m) {
  hh_model_defaults(m);
  snprintf(m->id, sizeof m->id, "test/replay");
  snprintf(m->source, sizeof m->source, "/tmp/test_replay.lua");
  m->content_hash = 0x0123456789abcdefULL;
  m->seed = 42;
}

/* read the whole file */
static unsigned char *slurp(const char *path, size_t *n) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long sz = ftell(f);
  fseek(f, 0, SEEK_SET);
  unsigned char *p = malloc((size_t)sz + 1);
  *n = fread(p, 1, (size_t)sz, f);
  fclose(f);
  return p;
}

/* write bytes to path */
static void spit(const char *path, const unsigned char *p, size_t n) {
  FILE *f = fopen(path, "wb");
  if (!f) return;
  fwrite(p, 1, n, f);
  fclose(f);
}

/* write a replay of n ticks; returns 0 on success */
static int record(const char *path, const hh_model *m, const hh_controls *c, int n,
                  hh_replay_footer *foot) {
  static hh_replay_writer w;
  hh_replay_header h;
  hh_error err;
  memset(&err, 0, sizeof err);
  hh_replay_header_from_model(&h, m, m->source);
  if (hh_replay_writer_open(&w, path, &h, &err)) return -1;
  for (int i = 0; i < n; i++)
    if (hh_replay_writer_push(&w, &c[i], &err)) return -1;
  return hh_replay_writer_close(&w, foot, &err) ? -1 : 0;
}

/* 1 when reading path fails with a format or corruption error naming an offset */
static int rejected(const char *path, const char *why, size_t at) {
  hh_replay r;
  hh_error err;
  memset(&err, 0, sizeof err);
  int rc = hh_replay_read(path, &r, &err);
  int ok = (rc == HH_E_REPLAY_CORRUPT || rc == HH_E_REPLAY_FORMAT) &&
           strstr(err.text, "offset") != NULL && !strcmp(err.file, path) && r.ctl == NULL;
  if (!ok) fprintf(stderr, "  not rejected properly: %s at %zu (rc %d: %s)\n", why, at, rc, err.text);
  if (rc == HH_OK) hh_replay_free(&r);
  return ok;
}

int main(void) {
  snprintf(dir, sizeof dir, "%s/test_replay_tmp", HH_BUILD_DIR);
  mkdir(dir, 0755);
  char path[600], bad[600], tmp[620];
  snprintf(path, sizeof path, "%s/a.hhr", dir);
  snprintf(bad, sizeof bad, "%s/bad.hhr", dir);
  snprintf(tmp, sizeof tmp, "%s.tmp", path);
  static hh_model m;
  make_model(&m);
  enum { N = 2 * HH_REPLAY_CHUNK + 123 };
  static hh_controls ctl[N];
  make_controls(ctl, N);
  hh_replay_footer foot = {0, 87.25, 1, 0xfeedfacecafebeefULL};

  /* round trip: exact controls, header and footer */
  remove(path);
  CHECK(record(path, &m, ctl, N, &foot) == 0);
  struct stat st;
  CHECK(stat(tmp, &st) != 0); /* the .tmp was renamed away */
  hh_replay r;
  hh_error err;
  memset(&err, 0, sizeof err);
  CHECK(hh_replay_read(path, &r, &err) == HH_OK);
  if (err.code) hh_error_print(&err, stderr);
  CHECK(r.foot.ticks == N);
  CHECK(r.ctl && memcmp(r.ctl, ctl, sizeof ctl) == 0);
  CHECK(r.foot.score == 87.25 && r.foot.passed == 1);
  CHECK(r.foot.state_hash == 0xfeedfacecafebeefULL);
  CHECK(r.head.content_hash == m.content_hash && r.head.seed == 42);
  CHECK(r.head.tick_hz == HH_TICK_HZ && r.head.version == HH_REPLAY_VERSION);
  CHECK(!strcmp(r.head.scenario_id, "test/replay"));
  CHECK(!strcmp(r.head.scenario_path, "/tmp/test_replay.lua"));
  CHECK(!strcmp(r.head.build, HH_BUILD_ID));
  CHECK(hh_replay_check_model(&r, &m, path, &err) == HH_OK);

  /* another scenario's content or seed is refused */
  static hh_model other;
  other = m;
  other.content_hash ^= 1;
  CHECK(hh_replay_check_model(&r, &other, path, &err) == HH_E_REPLAY_SCENARIO);
  other = m;
  other.seed = 43;
  CHECK(hh_replay_check_model(&r, &other, path, &err) == HH_E_REPLAY_SCENARIO);
  hh_replay_free(&r);
  CHECK(r.ctl == NULL);

  /* layout: header | 3 chunks | footer, sizes as documented */
  size_t n = 0;
  unsigned char *file = slurp(path, &n);
  size_t hdr = 8 + 4 * 4 + 8 + 2 + strlen(HH_BUILD_ID) + 2 + strlen("test/replay") + 2 +
               strlen("/tmp/test_replay.lua") + 4;
  size_t chunks = 3 * 16 + (size_t)N * HH_REPLAY_CONTROLS_SIZE;
  size_t foot_len = 4 + 8 + 8 + 4 + 8 + 4;
  CHECK(file != NULL && n == hdr + chunks + foot_len);
  CHECK(file && !memcmp(file, "HHRPLY\0\1", 8));
  CHECK(file && !memcmp(file + hdr, "CHNK", 4));
  CHECK(file && !memcmp(file + n - foot_len, "FOOT", 4));

  /* one byte flipped anywhere in the header, in chunks (heads, payloads, CRCs) and
     in the footer is rejected */
  int flips = 0, caught = 0;
  for (size_t at = 0; file && at < n; at++) {
    int in_chunk_body = at >= hdr + 16 && at < n - foot_len - 16;
    if (in_chunk_body && at % 97 != 0) continue; /* sample the long payloads */
    file[at] ^= 0x40;
    spit(bad, file, n);
    file[at] ^= 0x40;
    flips++;
    caught += rejected(bad, "flipped byte", at);
  }
  CHECK(flips > 300 && caught == flips);

  /* a bad magic or an unknown version is a format error, not a corruption */
  if (file) {
    file[0] = 'X';
    spit(bad, file, n);
    file[0] = 'H';
    CHECK(hh_replay_read(bad, &r, &err) == HH_E_REPLAY_FORMAT);
    file[8] = 2;
    spit(bad, file, n);
    file[8] = 1;
    CHECK(hh_replay_read(bad, &r, &err) == HH_E_REPLAY_FORMAT);
  }

  /* truncation anywhere (empty, inside the magic, header, chunk, at a chunk boundary
     without a footer, inside the footer, one byte short) is rejected */
  size_t cuts[] = {0, 1, 7, 8, 12, 30, hdr - 1, hdr, hdr + 5, hdr + 100,
                   hdr + 16 + HH_REPLAY_CHUNK * HH_REPLAY_CONTROLS_SIZE,
                   n - foot_len, n - foot_len + 10, n - 1};
  for (size_t i = 0; file && i < sizeof cuts / sizeof cuts[0]; i++) {
    spit(bad, file, cuts[i]);
    CHECK(rejected(bad, "truncated", cuts[i]));
    CHECK(hh_replay_read(bad, &r, &err) == HH_E_REPLAY_CORRUPT);
  }
  /* a trailing byte after the footer is rejected too */
  if (file) {
    unsigned char *longer = malloc(n + 1);
    memcpy(longer, file, n);
    longer[n] = 0;
    spit(bad, longer, n + 1);
    CHECK(rejected(bad, "trailing byte", n));
    free(longer);
  }
  /* two chunks swapped (each CRC still valid) are caught by the chunk index */
  if (file) {
    size_t c = 16 + HH_REPLAY_CHUNK * HH_REPLAY_CONTROLS_SIZE;
    unsigned char *sw = malloc(n);
    memcpy(sw, file, n);
    memcpy(sw + hdr, file + hdr + c, c);
    memcpy(sw + hdr + c, file + hdr, c);
    spit(bad, sw, n);
    CHECK(hh_replay_read(bad, &r, &err) == HH_E_REPLAY_CORRUPT);
    CHECK(strstr(err.text, "chunk") != NULL);
    free(sw);
  }
  free(file);

  /* an empty attempt (zero ticks) round-trips */
  CHECK(record(path, &m, ctl, 0, &foot) == 0);
  CHECK(hh_replay_read(path, &r, &err) == HH_OK && r.foot.ticks == 0);
  hh_replay_free(&r);

  /* a missing file is "not found", not corruption */
  snprintf(bad, sizeof bad, "%s/none.hhr", dir);
  remove(bad);
  CHECK(hh_replay_read(bad, &r, &err) == HH_E_FILE_NOT_FOUND);

  /* nothing appears at the final path until close; abort removes the .tmp */
  {
    static hh_replay_writer w;
    hh_replay_header h;
    hh_replay_header_from_model(&h, &m, m.source);
    remove(path);
    CHECK(hh_replay_writer_open(&w, path, &h, &err) == HH_OK);
    for (int i = 0; i < HH_REPLAY_CHUNK + 5; i++) hh_replay_writer_push(&w, &ctl[i], &err);
    CHECK(stat(path, &st) != 0);
    CHECK(stat(tmp, &st) == 0);
    hh_replay_writer_abort(&w);
    CHECK(stat(tmp, &st) != 0);
    CHECK(stat(path, &st) != 0);
  }
  /* an unwritable place is a write error */
  CHECK(hh_replay_writer_open(&(hh_replay_writer){0}, "/nonexistent-dir/x.hhr",
                              &(hh_replay_header){0}, &err) == HH_E_FILE_WRITE);
  return hh_test_done("test_replay");
}
