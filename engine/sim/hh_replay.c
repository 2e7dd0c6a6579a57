/* hh_replay.c - replay file writer and validating reader (format in hh_replay.h). */
#include "hh_replay.h"
#include "../core/hh_hash.h"
#include "../core/hh_i18n.h"
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#ifndef HH_BUILD_ID
#define HH_BUILD_ID "haihe-unknown"
#endif

#define FOOTER_BYTES (4 + 8 + 8 + 4 + 8 + 4)

/* ------------------------------------------------------------ little-endian bytes */

/* store v little-endian at p */
static void put_u16(unsigned char *p, uint16_t v) {
  p[0] = (unsigned char)v;
  p[1] = (unsigned char)(v >> 8);
}
/* store v little-endian at p (4 bytes) */
static void put_u32(unsigned char *p, uint32_t v) {
  for (int i = 0; i < 4; i++) p[i] = (unsigned char)(v >> (8 * i));
}
/* store v little-endian at p (8 bytes) */
static void put_u64(unsigned char *p, uint64_t v) {
  for (int i = 0; i < 8; i++) p[i] = (unsigned char)(v >> (8 * i));
}
/* load a little-endian value from p */
static uint16_t get_u16(const unsigned char *p) { return (uint16_t)(p[0] | (p[1] << 8)); }
/* load a little-endian u32 */
static uint32_t get_u32(const unsigned char *p) {
  uint32_t v = 0;
  for (int i = 3; i >= 0; i--) v = (v << 8) | p[i];
  return v;
}
/* load a little-endian u64 */
static uint64_t get_u64(const unsigned char *p) {
  uint64_t v = 0;
  for (int i = 7; i >= 0; i--) v = (v << 8) | p[i];
  return v;
}
/* IEEE bit patterns of a float / double and back */
static uint32_t f32_bits(float f) {
  uint32_t u;
  memcpy(&u, &f, 4);
  return u;
}
/* float from its IEEE bits */
static float bits_f32(uint32_t u) {
  float f;
  memcpy(&f, &u, 4);
  return f;
}
/* IEEE bits of a double */
static uint64_t f64_bits(double f) {
  uint64_t u;
  memcpy(&u, &f, 8);
  return u;
}
/* double from its IEEE bits */
static double bits_f64(uint64_t u) {
  double f;
  memcpy(&f, &u, 8);
  return f;
}

/* encode one tick of controls into HH_REPLAY_CONTROLS_SIZE bytes */
static void put_controls(unsigned char *p, const hh_controls *c) {
  for (int a = 0; a < HH_AXIS_COUNT; a++) put_u32(p + 4 * a, f32_bits(c->axis[a]));
  put_u32(p + 32, c->buttons);
  put_u32(p + 36, c->reserved);
}
/* decode one tick of controls */
static void get_controls(const unsigned char *p, hh_controls *c) {
  for (int a = 0; a < HH_AXIS_COUNT; a++) c->axis[a] = bits_f32(get_u32(p + 4 * a));
  c->buttons = get_u32(p + 32);
  c->reserved = get_u32(p + 36);
}

/* ------------------------------------------------------------------ writer */

/* header fields for a recording of m */
void hh_replay_header_from_model(hh_replay_header *h, const hh_model *m,
                                 const char *scenario_path) {
  memset(h, 0, sizeof *h);
  h->version = HH_REPLAY_VERSION;
  h->tick_hz = HH_TICK_HZ;
  h->seed = m->seed;
  h->content_hash = m->content_hash;
  snprintf(h->build, sizeof h->build, "%s", HH_BUILD_ID);
  snprintf(h->scenario_id, sizeof h->scenario_id, "%s", m->id);
  snprintf(h->scenario_path, sizeof h->scenario_path, "%s",
           scenario_path ? scenario_path : m->source);
  if (m->machine == HH_MACHINE_OFFSHORE_CRANE && m->marine.sea_state_override > 0) {
    h->sea_state = (uint32_t)m->marine.sea_state_override;
    h->version = HH_REPLAY_VERSION | HH_REPLAY_FLAG_SEA;
  }
}

/* write n bytes or fail with HH_E_FILE_WRITE naming the tmp file */
static int write_all(hh_replay_writer *w, const void *p, size_t n, hh_error *err) {
  if (fwrite(p, 1, n, w->f) != n)
    return hh_error_set(err, HH_E_FILE_WRITE, w->tmp, 0, 0, hh_tr("cannot write replay: %s"),
                        strerror(errno));
  return HH_OK;
}

/* append a length-prefixed string to buf at *k */
static void put_str(unsigned char *buf, size_t *k, const char *s) {
  size_t n = strlen(s);
  put_u16(buf + *k, (uint16_t)n);
  memcpy(buf + *k + 2, s, n);
  *k += 2 + n;
}

/* create path.tmp and write the header */
int hh_replay_writer_open(hh_replay_writer *w, const char *path,
                          const hh_replay_header *h, hh_error *err) {
  memset(w, 0, offsetof(hh_replay_writer, buf)); /* the tick buffer needs no clearing */
  w->n = 0;
  w->chunk_index = 0;
  w->ticks = 0;
  if (strlen(path) + 5 > sizeof w->path)
    return hh_error_set(err, HH_E_FILE_WRITE, path, 0, 0, hh_tr("replay path too long"));
  snprintf(w->path, sizeof w->path, "%s", path);
  snprintf(w->tmp, sizeof w->tmp, "%s.tmp", path);
  w->f = fopen(w->tmp, "wb");
  if (!w->f)
    return hh_error_set(err, HH_E_FILE_WRITE, w->tmp, 0, 0, hh_tr("cannot create replay: %s"),
                        strerror(errno));
  unsigned char buf[8 + 4 * 4 + 8 + 3 * 2 + 128 + HH_NAME + 1024 + 4 + 4];
  size_t k = 0;
  memcpy(buf, HH_REPLAY_MAGIC, 8);
  k = 8;
  put_u32(buf + k, HH_REPLAY_VERSION | (h->sea_state ? HH_REPLAY_FLAG_SEA : 0u)); k += 4;
  put_u32(buf + k, HH_REPLAY_CONTROLS_SIZE); k += 4;
  put_u32(buf + k, h->tick_hz); k += 4;
  put_u32(buf + k, h->seed); k += 4;
  put_u64(buf + k, h->content_hash); k += 8;
  put_str(buf, &k, h->build);
  put_str(buf, &k, h->scenario_id);
  put_str(buf, &k, h->scenario_path);
  if (h->sea_state) { put_u32(buf + k, h->sea_state); k += 4; }
  put_u32(buf + k, hh_crc32(0, buf, k)); k += 4;
  int rc = write_all(w, buf, k, err);
  if (rc) hh_replay_writer_abort(w);
  return rc;
}

/* write the buffered ticks as one chunk (CRC computed as the bytes go out) */
static int flush_chunk(hh_replay_writer *w, hh_error *err) {
  if (w->n == 0) return HH_OK;
  unsigned char head[12], tick[HH_REPLAY_CONTROLS_SIZE], tail[4];
  memcpy(head, "CHNK", 4);
  put_u32(head + 4, w->chunk_index);
  put_u32(head + 8, (uint32_t)w->n);
  uint32_t crc = hh_crc32(0, head, sizeof head);
  int rc = write_all(w, head, sizeof head, err);
  for (int i = 0; !rc && i < w->n; i++) {
    put_controls(tick, &w->buf[i]);
    crc = hh_crc32(crc, tick, sizeof tick);
    rc = write_all(w, tick, sizeof tick, err);
  }
  put_u32(tail, crc);
  if (!rc) rc = write_all(w, tail, sizeof tail, err);
  if (rc) return rc;
  w->chunk_index++;
  w->n = 0;
  return HH_OK;
}

/* buffer one tick; a full buffer is written as a chunk */
int hh_replay_writer_push(hh_replay_writer *w, const hh_controls *c, hh_error *err) {
  if (!w->f) return hh_error_set(err, HH_E_INTERNAL, w->path, 0, 0, hh_tr("replay not open"));
  w->buf[w->n++] = *c;
  w->ticks++;
  if (w->n == HH_REPLAY_CHUNK) return flush_chunk(w, err);
  return HH_OK;
}

/* read back the tmp file written so far (after a flush) into a new buffer with room
   for extra more bytes */
static int read_back(hh_replay_writer *w, unsigned char **out, size_t *n, size_t extra,
                     hh_error *err) {
  long end = ftell(w->f);
  FILE *f = end < 0 ? NULL : fopen(w->tmp, "rb");
  unsigned char *p = f ? malloc((size_t)end + extra) : NULL;
  int ok = p && fread(p, 1, (size_t)end, f) == (size_t)end;
  if (f) fclose(f);
  if (!ok) {
    free(p);
    return hh_error_set(err, HH_E_FILE_WRITE, w->tmp, 0, 0, "%s",
                        hh_tr("cannot read back the replay to sign it"));
  }
  *out = p;
  *n = (size_t)end;
  return HH_OK;
}

/* append the signature block of s: everything before the signature is signed */
static int write_signature(hh_replay_writer *w, const hh_replay_signing *s, hh_error *err) {
  size_t ml = strlen(s->meta), rl = strlen(s->result);
  if (ml > HH_SIG_MAX_TEXT || rl > HH_SIG_MAX_TEXT)
    return hh_error_set(err, HH_E_INTERNAL, w->tmp, 0, 0, "%s",
                        hh_tr("signed result too large"));
  if (fflush(w->f) != 0)
    return hh_error_set(err, HH_E_FILE_WRITE, w->tmp, 0, 0, hh_tr("cannot write replay: %s"),
                        strerror(errno));
  size_t head = 4 + 4 + 32 + 4 + ml + 4 + rl, n = 0;
  unsigned char *msg = NULL;
  int rc = read_back(w, &msg, &n, head + 64 + 4, err);
  if (rc) return rc;
  unsigned char *b = msg + n;
  size_t k = 0;
  memcpy(b, "SIGN", 4); k = 4;
  put_u32(b + k, s->scheme); k += 4;
  memcpy(b + k, s->key_id, 32); k += 32;
  put_u32(b + k, (uint32_t)ml); k += 4;
  memcpy(b + k, s->meta, ml); k += ml;
  put_u32(b + k, (uint32_t)rl); k += 4;
  memcpy(b + k, s->result, rl); k += rl;
  unsigned char sig[64];
  memset(sig, 0, sizeof sig);
  rc = s->sign(s->ctx, msg, n + k, sig, err);
  if (!rc) {
    memcpy(b + k, sig, 64); k += 64;
    put_u32(b + k, hh_crc32(0, b, k)); k += 4;
    rc = write_all(w, b, k, err);
  }
  free(msg);
  return rc;
}

/* last chunk, footer, close, rename path.tmp to path */
int hh_replay_writer_close(hh_replay_writer *w, const hh_replay_footer *foot,
                           hh_error *err) {
  return hh_replay_writer_close_signed(w, foot, NULL, err);
}

/* last chunk, footer, signature block (when s is not NULL), close, rename */
int hh_replay_writer_close_signed(hh_replay_writer *w, const hh_replay_footer *foot,
                                  const hh_replay_signing *s, hh_error *err) {
  if (!w->f) return hh_error_set(err, HH_E_INTERNAL, w->path, 0, 0, hh_tr("replay not open"));
  int rc = flush_chunk(w, err);
  if (!rc) {
    unsigned char buf[FOOTER_BYTES];
    size_t k = 0;
    memcpy(buf, "FOOT", 4); k = 4;
    put_u64(buf + k, w->ticks); k += 8;
    put_u64(buf + k, f64_bits(foot->score)); k += 8;
    put_u32(buf + k, foot->passed ? 1u : 0u); k += 4;
    put_u64(buf + k, foot->state_hash); k += 8;
    put_u32(buf + k, hh_crc32(0, buf, k)); k += 4;
    rc = write_all(w, buf, k, err);
  }
  if (!rc && s) rc = write_signature(w, s, err);
  if (!rc && fflush(w->f) != 0)
    rc = hh_error_set(err, HH_E_FILE_WRITE, w->tmp, 0, 0, hh_tr("cannot write replay: %s"),
                      strerror(errno));
  if (rc) {
    hh_replay_writer_abort(w);
    return rc;
  }
  int bad = fclose(w->f) != 0;
  w->f = NULL;
  if (bad || rename(w->tmp, w->path) != 0) {
    rc = hh_error_set(err, HH_E_FILE_WRITE, w->path, 0, 0, hh_tr("cannot finish replay: %s"),
                      strerror(errno));
    remove(w->tmp);
  }
  return rc;
}

/* close and delete path.tmp */
void hh_replay_writer_abort(hh_replay_writer *w) {
  if (w->f) {
    fclose(w->f);
    w->f = NULL;
    remove(w->tmp);
  }
}

/* ------------------------------------------------------------------ reader */

typedef struct rd {
  const unsigned char *p;
  size_t size, at;
  const char *path;
  hh_error *err;
} rd;

/* fail unless n more bytes are present at the cursor */
static int need(rd *r, size_t n, const char *what) {
  if (r->size - r->at >= n) return HH_OK;
  return hh_error_set(r->err, HH_E_REPLAY_CORRUPT, r->path, 0, 0,
                      hh_tr("replay truncated at byte offset %zu: %s needs %zu bytes, %zu left"),
                      r->at, what, n, r->size - r->at);
}

/* read a length-prefixed string of at most cap-1 bytes into out */
static int read_str(rd *r, char *out, size_t cap, const char *what) {
  int rc = need(r, 2, what);
  if (rc) return rc;
  size_t n = get_u16(r->p + r->at);
  if (n >= cap)
    return hh_error_set(r->err, HH_E_REPLAY_CORRUPT, r->path, 0, 0,
                        hh_tr("replay header corrupt at byte offset %zu: %s length %zu over %zu"),
                        r->at, what, n, cap - 1);
  r->at += 2;
  if ((rc = need(r, n, what))) return rc;
  memcpy(out, r->p + r->at, n);
  out[n] = '\0';
  r->at += n;
  return HH_OK;
}

/* check the CRC-32 stored at the cursor against bytes [from, cursor) */
static int check_crc(rd *r, size_t from, const char *what) {
  int rc = need(r, 4, what);
  if (rc) return rc;
  uint32_t want = get_u32(r->p + r->at);
  uint32_t got = hh_crc32(0, r->p + from, r->at - from);
  if (want != got)
    return hh_error_set(r->err, HH_E_REPLAY_CORRUPT, r->path, 0, 0,
                        hh_tr("replay corrupt: %s checksum mismatch for byte offsets %zu-%zu "
                        "(stored %08x, computed %08x)"),
                        what, from, r->at - 1, (unsigned)want, (unsigned)got);
  r->at += 4;
  return HH_OK;
}

/* parse and validate the header */
static int read_header(rd *r, hh_replay_header *h) {
  static const char magic[8] = HH_REPLAY_MAGIC;
  size_t m = r->size < 8 ? r->size : 8;
  if (memcmp(r->p, magic, m) != 0)
    return hh_error_set(r->err, HH_E_REPLAY_FORMAT, r->path, 0, 0,
                        hh_tr("not a Haihe replay file (bad magic at byte offset 0)"));
  int rc = need(r, 8 + 4, hh_tr("header"));
  if (rc) return rc;
  r->at = 8;
  h->version = get_u32(r->p + r->at);
  if (h->version != HH_REPLAY_VERSION && h->version != (HH_REPLAY_VERSION | HH_REPLAY_FLAG_SEA))
    return hh_error_set(r->err, HH_E_REPLAY_FORMAT, r->path, 0, 0,
                        hh_tr("unsupported replay format version %u at byte offset 8 "
                        "(this build reads version %u)"),
                        (unsigned)h->version, HH_REPLAY_VERSION);
  r->at += 4;
  if ((rc = need(r, 4 + 4 + 4 + 8, hh_tr("header")))) return rc;
  uint32_t csize = get_u32(r->p + r->at);
  r->at += 4;
  h->tick_hz = get_u32(r->p + r->at); r->at += 4;
  h->seed = get_u32(r->p + r->at); r->at += 4;
  h->content_hash = get_u64(r->p + r->at); r->at += 8;
  if ((rc = read_str(r, h->build, sizeof h->build, hh_tr("build id")))) return rc;
  if ((rc = read_str(r, h->scenario_id, sizeof h->scenario_id, hh_tr("scenario id")))) return rc;
  if ((rc = read_str(r, h->scenario_path, sizeof h->scenario_path, hh_tr("scenario path"))))
    return rc;
  h->sea_state = 0;
  if (h->version & HH_REPLAY_FLAG_SEA) {
    if ((rc = need(r, 4, hh_tr("header")))) return rc;
    h->sea_state = get_u32(r->p + r->at);
    r->at += 4;
  }
  if ((rc = check_crc(r, 0, hh_tr("header")))) return rc;
  if ((h->version & HH_REPLAY_FLAG_SEA) && (h->sea_state < 1 || h->sea_state > 6))
    return hh_error_set(r->err, HH_E_REPLAY_FORMAT, r->path, 0, 0,
                        hh_tr("replay sea state %u at byte offset %zu: expected 1..6"),
                        (unsigned)h->sea_state, r->at - 8);
  if (csize != HH_REPLAY_CONTROLS_SIZE)
    return hh_error_set(r->err, HH_E_REPLAY_FORMAT, r->path, 0, 0,
                        hh_tr("replay stores %u bytes of controls per tick at byte offset 12; "
                        "this build uses %u"), (unsigned)csize, HH_REPLAY_CONTROLS_SIZE);
  return HH_OK;
}

/* parse one chunk at the cursor (tag already checked) appending to ctl */
static int read_chunk(rd *r, uint32_t index, hh_controls *ctl, uint64_t *n, uint64_t max) {
  size_t start = r->at;
  int rc = need(r, 12, hh_tr("chunk header"));
  if (rc) return rc;
  uint32_t idx = get_u32(r->p + start + 4);
  uint32_t ticks = get_u32(r->p + start + 8);
  if (ticks == 0 || ticks > HH_REPLAY_CHUNK)
    return hh_error_set(r->err, HH_E_REPLAY_CORRUPT, r->path, 0, 0,
                        hh_tr("replay corrupt at byte offset %zu: chunk of %u ticks (1-%d allowed)"),
                        start + 8, (unsigned)ticks, HH_REPLAY_CHUNK);
  r->at += 12;
  if ((rc = need(r, (size_t)ticks * HH_REPLAY_CONTROLS_SIZE, hh_tr("chunk payload")))) return rc;
  r->at += (size_t)ticks * HH_REPLAY_CONTROLS_SIZE;
  if ((rc = check_crc(r, start, hh_tr("chunk")))) return rc;
  if (idx != index)
    return hh_error_set(r->err, HH_E_REPLAY_CORRUPT, r->path, 0, 0,
                        hh_tr("replay corrupt at byte offset %zu: chunk %u found where chunk %u "
                        "belongs"), start + 4, (unsigned)idx, (unsigned)index);
  if (*n + ticks > max)
    return hh_error_set(r->err, HH_E_REPLAY_CORRUPT, r->path, 0, 0,
                        hh_tr("replay corrupt at byte offset %zu: more ticks than the file holds"),
                        start);
  for (uint32_t i = 0; i < ticks; i++)
    get_controls(r->p + start + 12 + (size_t)i * HH_REPLAY_CONTROLS_SIZE, &ctl[*n + i]);
  *n += ticks;
  return HH_OK;
}

/* parse the footer at the cursor (tag already checked) and require the end of file */
static int read_footer(rd *r, hh_replay_footer *f, uint64_t ticks) {
  size_t start = r->at;
  int rc = need(r, FOOTER_BYTES - 4, hh_tr("footer"));
  if (rc) return rc;
  r->at += FOOTER_BYTES - 4;
  if ((rc = check_crc(r, start, hh_tr("footer")))) return rc;
  const unsigned char *p = r->p + start + 4;
  f->ticks = get_u64(p);
  f->score = bits_f64(get_u64(p + 8));
  uint32_t passed = get_u32(p + 16);
  f->state_hash = get_u64(p + 20);
  f->passed = passed != 0;
  if (f->ticks != ticks)
    return hh_error_set(r->err, HH_E_REPLAY_CORRUPT, r->path, 0, 0,
                        hh_tr("replay corrupt at byte offset %zu: footer says %llu ticks, chunks "
                        "hold %llu"), start + 4, (unsigned long long)f->ticks,
                        (unsigned long long)ticks);
  if (passed > 1)
    return hh_error_set(r->err, HH_E_REPLAY_CORRUPT, r->path, 0, 0,
                        hh_tr("replay corrupt at byte offset %zu: passed flag %u"), start + 20,
                        (unsigned)passed);
  return HH_OK;
}

/* read a u32-length-prefixed text of at most HH_SIG_MAX_TEXT bytes into a new string */
static int read_text(rd *r, char **out, const char *what) {
  int rc = need(r, 4, what);
  if (rc) return rc;
  uint32_t n = get_u32(r->p + r->at);
  if (n > HH_SIG_MAX_TEXT)
    return hh_error_set(r->err, HH_E_REPLAY_CORRUPT, r->path, 0, 0,
                        hh_tr("replay corrupt at byte offset %zu: %s length %u over %u"),
                        r->at, what, (unsigned)n, HH_SIG_MAX_TEXT);
  r->at += 4;
  if ((rc = need(r, n, what))) return rc;
  *out = malloc((size_t)n + 1);
  if (!*out) return hh_error_set(r->err, HH_E_NOMEM, r->path, 0, 0, hh_tr("out of memory"));
  memcpy(*out, r->p + r->at, n);
  (*out)[n] = '\0';
  r->at += n;
  return HH_OK;
}

/* parse the signature block at the cursor (tag already checked); keeps the signed bytes */
static int read_signature(rd *r, hh_replay_sig *s) {
  size_t start = r->at;
  int rc = need(r, 4 + 4 + 32, hh_tr("signature"));
  if (rc) return rc;
  s->scheme = get_u32(r->p + start + 4);
  memcpy(s->key_id, r->p + start + 8, 32);
  r->at += 40;
  if ((rc = read_text(r, &s->meta, hh_tr("signature metadata")))) return rc;
  if ((rc = read_text(r, &s->result, hh_tr("signed result")))) return rc;
  s->msg_len = r->at;
  if ((rc = need(r, 64, hh_tr("signature")))) return rc;
  memcpy(s->sig, r->p + r->at, 64);
  r->at += 64;
  if ((rc = check_crc(r, start, hh_tr("signature")))) return rc;
  if (s->scheme != HH_SIG_ED25519 && s->scheme != HH_SIG_HMAC_SHA256)
    return hh_error_set(r->err, HH_E_REPLAY_FORMAT, r->path, 0, 0,
                        hh_tr("unknown signature scheme %u at byte offset %zu"),
                        (unsigned)s->scheme, start + 4);
  s->msg = malloc(s->msg_len);
  if (!s->msg) return hh_error_set(r->err, HH_E_NOMEM, r->path, 0, 0, hh_tr("out of memory"));
  memcpy(s->msg, r->p, s->msg_len);
  s->present = 1;
  return HH_OK;
}

/* after the footer: an optional signature block, then the end of the file */
static int read_tail(rd *r, hh_replay_sig *s) {
  if (r->size - r->at >= 4 && !memcmp(r->p + r->at, "SIGN", 4)) {
    int rc = read_signature(r, s);
    if (rc) return rc;
  }
  if (r->at != r->size)
    return hh_error_set(r->err, HH_E_REPLAY_CORRUPT, r->path, 0, 0,
                        hh_tr("replay corrupt: %zu unexpected bytes after the footer at byte "
                        "offset %zu"), r->size - r->at, r->at);
  return HH_OK;
}

/* read a whole file into memory */
static int slurp(const char *path, unsigned char **out, size_t *size, hh_error *err) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return hh_error_set(err, HH_E_FILE_NOT_FOUND, path, 0, 0, hh_tr("cannot open replay: %s"),
                        strerror(errno));
  size_t cap = 1 << 16, n = 0;
  unsigned char *p = malloc(cap);
  while (p) {
    n += fread(p + n, 1, cap - n, f);
    if (n < cap) break;
    unsigned char *q = cap > ((size_t)1 << 30) ? NULL : realloc(p, cap * 2);
    if (!q) {
      free(p);
      p = NULL;
      break;
    }
    p = q;
    cap *= 2;
  }
  int bad = ferror(f);
  fclose(f);
  if (!p) return hh_error_set(err, HH_E_NOMEM, path, 0, 0, hh_tr("replay too large"));
  if (bad) {
    free(p);
    return hh_error_set(err, HH_E_FILE_NOT_FOUND, path, 0, 0, hh_tr("cannot read replay"));
  }
  *out = p;
  *size = n;
  return HH_OK;
}

/* read and validate a whole replay file */
int hh_replay_read(const char *path, hh_replay *out, hh_error *err) {
  memset(out, 0, sizeof *out);
  unsigned char *buf = NULL;
  size_t size = 0;
  int rc = slurp(path, &buf, &size, err);
  if (rc) return rc;
  rd r = {buf, size, 0, path, err};
  hh_replay rp;
  memset(&rp, 0, sizeof rp);
  rc = read_header(&r, &rp.head);
  uint64_t max = size / HH_REPLAY_CONTROLS_SIZE + 1, n = 0;
  if (!rc) {
    rp.ctl = calloc((size_t)max, sizeof *rp.ctl);
    if (!rp.ctl) rc = hh_error_set(err, HH_E_NOMEM, path, 0, 0, hh_tr("out of memory"));
  }
  uint32_t index = 0;
  while (!rc) {
    if (r.at == r.size) {
      rc = hh_error_set(err, HH_E_REPLAY_CORRUPT, path, 0, 0,
                        hh_tr("replay truncated at byte offset %zu: no footer (the recording "
                        "did not finish)"), r.at);
      break;
    }
    if ((rc = need(&r, 4, hh_tr("block tag")))) break;
    if (!memcmp(buf + r.at, "CHNK", 4)) {
      rc = read_chunk(&r, index++, rp.ctl, &n, max);
    } else if (!memcmp(buf + r.at, "FOOT", 4)) {
      rc = read_footer(&r, &rp.foot, n);
      if (!rc) rc = read_tail(&r, &rp.sig);
      break;
    } else {
      rc = hh_error_set(err, HH_E_REPLAY_CORRUPT, path, 0, 0,
                        hh_tr("replay corrupt at byte offset %zu: unknown block tag"), r.at);
    }
  }
  free(buf);
  if (rc) {
    hh_replay_free(&rp);
    return rc;
  }
  *out = rp;
  return HH_OK;
}

/* release the controls of a read replay */
void hh_replay_free(hh_replay *r) {
  free(r->ctl);
  free(r->sig.meta);
  free(r->sig.result);
  free(r->sig.msg);
  memset(r, 0, sizeof *r);
}

/* the replay was recorded at this tick rate for this scenario content */
int hh_replay_check_model(const hh_replay *r, const hh_model *m, const char *path,
                          hh_error *err) {
  if (r->head.tick_hz != HH_TICK_HZ)
    return hh_error_set(err, HH_E_REPLAY_FORMAT, path, 0, 0,
                        hh_tr("replay recorded at %u ticks/s; this engine runs %d"),
                        (unsigned)r->head.tick_hz, HH_TICK_HZ);
  if (r->head.content_hash != m->content_hash || r->head.seed != m->seed)
    return hh_error_set(err, HH_E_REPLAY_SCENARIO, path, 0, 0,
                        hh_tr("replay was recorded for scenario '%s' with content hash "
                        "%016llx (seed %u), but %s has content hash %016llx (seed %u)"),
                        r->head.scenario_id, (unsigned long long)r->head.content_hash,
                        (unsigned)r->head.seed, m->source[0] ? m->source : m->id,
                        (unsigned long long)m->content_hash, (unsigned)m->seed);
  return HH_OK;
}
