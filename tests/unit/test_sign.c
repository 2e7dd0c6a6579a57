/* test_sign.c - signed replays: the signature block round-trips; every changed byte
 * of a signed file is caught (by a checksum or by the signature); forgeries with the
 * checksums fixed up, another key, or a missing signature are rejected (E304); station
 * keys are created once with mode 0600 and refused when readable by others (E105). */
#define _GNU_SOURCE
#include "hh_test.h"
#include "app/hh_sign.h"
#include "core/hh_hash.h"
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[512];
static const char RESULT[] = "{\n  \"scenario\": \"test/sign\",\n  \"score\": 87.5\n}\n";
static const char META[] = "{\"trainee\": \"t01\"}";

/* a model with the identity a replay is checked against */
static void make_model(hh_model *m) {
  hh_model_defaults(m);
  snprintf(m->id, sizeof m->id, "test/sign");
  m->content_hash = 0x0123456789abcdefULL;
  m->seed = 7;
}

/* write a replay of n ticks signed by s (NULL: unsigned); 0 on success */
static int record(const char *path, const hh_model *m, int n, const hh_signer *s) {
  static hh_replay_writer w;
  hh_replay_header h;
  hh_error err = {0};
  hh_replay_header_from_model(&h, m, "/tmp/x.lua");
  if (hh_replay_writer_open(&w, path, &h, &err)) return -1;
  for (int i = 0; i < n; i++) {
    hh_controls c;
    memset(&c, 0, sizeof c);
    c.axis[1] = (float)i / (float)n;
    c.buttons = (uint32_t)(i % 3);
    if (hh_replay_writer_push(&w, &c, &err)) return -1;
  }
  hh_replay_footer f = {0, 87.5, 1, 0x1122334455667788ULL};
  if (!s) return hh_replay_writer_close(&w, &f, &err);
  hh_replay_signing g;
  memset(&g, 0, sizeof g);
  g.scheme = s->scheme;
  memcpy(g.key_id, s->key_id, 32);
  g.meta = META;
  g.result = RESULT;
  g.sign = hh_sign_fn;
  g.ctx = (void *)s;
  return hh_replay_writer_close_signed(&w, &f, &g, &err);
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

/* read and verify path with pubkey / hmac key: HH_OK or the first error code */
static int check(const char *path, const unsigned char *pk, const hh_signer *key) {
  hh_replay r;
  hh_error err = {0};
  int rc = hh_replay_read(path, &r, &err);
  if (!rc) rc = hh_sign_verify(&r.sig, path, pk, key, &err);
  hh_replay_free(&r);
  return rc;
}

/* store a little-endian u32 */
static void put32(unsigned char *p, uint32_t v) {
  for (int i = 0; i < 4; i++) p[i] = (unsigned char)(v >> (8 * i));
}

/* an Ed25519 signer with a fresh key */
static void ed_signer(hh_signer *s) {
  memset(s, 0, sizeof *s);
  s->scheme = HH_SIG_ED25519;
  crypto_sign_keypair(s->key_id, s->sk);
}

/* an HMAC signer with a key made of byte b */
static void mac_signer(hh_signer *s, unsigned char b) {
  memset(s, 0, sizeof *s);
  s->scheme = HH_SIG_HMAC_SHA256;
  s->key_len = 40;
  memset(s->key, b, s->key_len);
  hh_sign_key_id(s->key, s->key_len, s->key_id);
}

/* every byte of the header, footer and signature block, and every 7th byte of the
   chunks, flipped in turn, is caught; counts flips caught / made */
static void flip_all(const char *good, const char *bad, const hh_signer *s, int *made, int *caught) {
  size_t n = 0;
  unsigned char *file = slurp(good, &n);
  for (size_t at = 0; file && at < n; at++) {
    if (at > 200 && at + 800 < n && at % 7 != 0) continue;
    file[at] ^= 0x20;
    spit(bad, file, n);
    file[at] ^= 0x20;
    (*made)++;
    *caught += check(bad, s->scheme == HH_SIG_ED25519 ? s->key_id : NULL,
                     s->scheme == HH_SIG_HMAC_SHA256 ? s : NULL) != HH_OK;
  }
  free(file);
}

int main(void) {
  if (sodium_init() < 0) return 1;
  snprintf(dir, sizeof dir, "%s/test_sign_%ld", HH_BUILD_DIR, (long)getpid());
  mkdir(dir, 0700);
  char good[600], bad[600], plain[600];
  snprintf(good, sizeof good, "%s/signed.hhr", dir);
  snprintf(bad, sizeof bad, "%s/bad.hhr", dir);
  snprintf(plain, sizeof plain, "%s/plain.hhr", dir);
  static hh_model m;
  make_model(&m);
  hh_signer ed, ed2, mac, mac2;
  ed_signer(&ed);
  ed_signer(&ed2);
  mac_signer(&mac, 'k');
  mac_signer(&mac2, 'j');

  /* round trip: the block reads back, the signature verifies */
  CHECK(record(good, &m, 620, &ed) == 0);
  hh_replay r;
  hh_error err = {0};
  CHECK(hh_replay_read(good, &r, &err) == HH_OK);
  CHECK(r.sig.present && r.sig.scheme == HH_SIG_ED25519 && r.foot.ticks == 620);
  CHECK(r.sig.result && !strcmp(r.sig.result, RESULT) && r.sig.meta && !strcmp(r.sig.meta, META));
  CHECK(!memcmp(r.sig.key_id, ed.key_id, 32));
  hh_replay_free(&r);
  CHECK(check(good, ed.key_id, NULL) == HH_OK);
  CHECK(check(good, NULL, NULL) == HH_OK);          /* with the key inside the file */
  CHECK(check(good, ed2.key_id, NULL) == HH_E_SIGNATURE); /* another station's key */

  /* any byte changed anywhere is caught */
  int made = 0, caught = 0;
  flip_all(good, bad, &ed, &made, &caught);
  CHECK(made > 4000 && caught == made);
  printf("Ed25519: %d of %d single-byte changes caught\n", caught, made);

  /* forgeries with the checksums fixed up: the signature catches them */
  size_t n = 0;
  unsigned char *file = slurp(good, &n);
  CHECK(file != NULL);
  if (file) {
    unsigned char *sign = NULL;
    for (size_t i = n - 64 - 4 - 1; i > 0 && !sign; i--)
      if (!memcmp(file + i, "SIGN", 4)) sign = file + i;
    CHECK(sign != NULL);
    size_t foot = (size_t)(sign - file) - 36;
    CHECK(!memcmp(file + foot, "FOOT", 4));
    /* a better score in the signed result (block CRC fixed) */
    unsigned char *res = (unsigned char *)memmem(sign, n - (size_t)(sign - file), "87.5", 4);
    CHECK(res != NULL);
    if (res && sign) {
      res[0] = '9';
      put32(file + n - 4, hh_crc32(0, sign, (size_t)(file + n - 4 - sign)));
      spit(bad, file, n);
      CHECK(check(bad, ed.key_id, NULL) == HH_E_SIGNATURE);
      res[0] = '8';
      put32(file + n - 4, hh_crc32(0, sign, (size_t)(file + n - 4 - sign)));
    }
    /* a better score in the footer (footer CRC fixed) */
    double better = 99.0;
    uint64_t bits;
    memcpy(&bits, &better, 8);
    unsigned char keep[36];
    memcpy(keep, file + foot, 36);
    for (int i = 0; i < 8; i++) file[foot + 12 + i] = (unsigned char)(bits >> (8 * i));
    put32(file + foot + 32, hh_crc32(0, file + foot, 32));
    spit(bad, file, n);
    CHECK(check(bad, ed.key_id, NULL) == HH_E_SIGNATURE);
    memcpy(file + foot, keep, 36);
    /* re-signed by someone else's key: caught when the judge names the station key */
    if (sign) {
      memcpy(sign + 8, ed2.key_id, 32);
      size_t msg = (size_t)(file + n - 68 - file);
      unsigned char sig[64];
      crypto_sign_detached(sig, NULL, file, msg, ed2.sk);
      memcpy(file + n - 68, sig, 64);
      put32(file + n - 4, hh_crc32(0, sign, (size_t)(file + n - 4 - sign)));
      spit(bad, file, n);
      CHECK(check(bad, NULL, NULL) == HH_OK);              /* consistent in itself ... */
      CHECK(check(bad, ed.key_id, NULL) == HH_E_SIGNATURE); /* ... but not the station's */
    }
    /* the signature cut off: truncated */
    spit(bad, file, n - 30);
    CHECK(check(bad, ed.key_id, NULL) == HH_E_REPLAY_CORRUPT);
    free(file);
  }

  /* HMAC: the same key verifies; another key, or none, does not */
  CHECK(record(good, &m, 100, &mac) == 0);
  CHECK(check(good, NULL, &mac) == HH_OK);
  CHECK(check(good, NULL, &mac2) == HH_E_SIGNATURE);
  CHECK(check(good, NULL, NULL) == HH_E_SIGNATURE);
  CHECK(check(good, ed.key_id, NULL) == HH_E_SIGNATURE);
  made = caught = 0;
  flip_all(good, bad, &mac, &made, &caught);
  CHECK(made > 1000 && caught == made);
  printf("HMAC: %d of %d single-byte changes caught\n", caught, made);

  /* an unsigned replay is not accepted as signed */
  CHECK(record(plain, &m, 100, NULL) == 0);
  CHECK(check(plain, NULL, NULL) == HH_E_SIGNATURE);

  /* station key: created once (0600), the same key next time, refused when public */
  char data[600], key[700];
  snprintf(data, sizeof data, "%s/data", dir);
  setenv("XDG_DATA_HOME", data, 1);
  hh_signer a, b;
  CHECK(hh_sign_station(&a, &err) == HH_OK);
  CHECK(hh_sign_station(&b, &err) == HH_OK);
  CHECK(!memcmp(a.key_id, b.key_id, 32) && a.scheme == HH_SIG_ED25519);
  snprintf(key, sizeof key, "%s/haihe/station.key", data);
  struct stat st;
  CHECK(stat(key, &st) == 0 && (st.st_mode & 0777) == 0600);
  unsigned char pk[32];
  snprintf(key, sizeof key, "%s/haihe/station.pub", data);
  CHECK(hh_sign_read_pubkey(key, pk, &err) == HH_OK && !memcmp(pk, a.key_id, 32));
  snprintf(key, sizeof key, "%s/haihe/station.key", data);
  chmod(key, 0644);
  CHECK(hh_sign_station(&b, &err) == HH_E_KEY);
  CHECK(strstr(err.text, "chmod 600") != NULL || strstr(err.text, "600") != NULL);
  chmod(key, 0600);
  /* event keys: short or missing files are refused */
  char ek[700];
  snprintf(ek, sizeof ek, "%s/event.key", dir);
  spit(ek, (const unsigned char *)"short\n", 6);
  CHECK(hh_sign_event_key(&b, ek, &err) == HH_E_KEY);
  spit(ek, (const unsigned char *)"0123456789abcdef0123456789abcdef\n", 33);
  CHECK(hh_sign_event_key(&b, ek, &err) == HH_OK && b.key_len == 32);
  CHECK(hh_sign_event_key(&b, "/nonexistent/event.key", &err) == HH_E_KEY);
  CHECK(hh_sign_read_pubkey(ek, pk, &err) == HH_E_KEY);

  remove(good); remove(bad); remove(plain); remove(ek);
  snprintf(key, sizeof key, "rm -rf '%s'", dir);
  CHECK(system(key) == 0);
  return hh_test_done("sign");
}
