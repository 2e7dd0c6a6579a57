/* hh_sign.c - signing replays (libsodium): the station's Ed25519 key, created on first
 * use with mode 0600 under the data folder, or a shared HMAC-SHA-256 event key. */
#define _DEFAULT_SOURCE
#include "hh_sign.h"
#include "hh_results.h"
#include "hh_cli.h"
#include "../core/hh_i18n.h"
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define SK_MAGIC "haihe-ed25519-secret-key v1"

/* bytes to lower-case hex (out holds 2n+1) */
void hh_sign_hex(const unsigned char *p, size_t n, char *out) {
  static const char hx[] = "0123456789abcdef";
  for (size_t i = 0; i < n; i++) {
    out[2 * i] = hx[p[i] >> 4];
    out[2 * i + 1] = hx[p[i] & 15];
  }
  out[2 * n] = '\0';
}

/* exactly 2n hex digits at s into out; 0 on success */
static int unhex(const char *s, unsigned char *out, size_t n) {
  for (size_t i = 0; i < 2 * n; i++) {
    char c = s[i];
    int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
            : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    if (v < 0) return -1;
    if (i % 2 == 0) out[i / 2] = (unsigned char)(v << 4);
    else out[i / 2] |= (unsigned char)v;
  }
  return 0;
}

/* libsodium ready; E900 if it cannot start */
static int sodium_ready(hh_error *err) {
  if (sodium_init() < 0)
    return hh_error_set(err, HH_E_INTERNAL, "", 0, 0, "%s", hh_tr("libsodium failed to start"));
  return HH_OK;
}

/* read at most cap-1 bytes of an open file descriptor as text */
static ssize_t read_fd(int fd, char *buf, size_t cap) {
  size_t n = 0;
  for (;;) {
    ssize_t k = read(fd, buf + n, cap - 1 - n);
    if (k < 0 && errno == EINTR) continue;
    if (k < 0) return -1;
    if (k == 0 || n + (size_t)k >= cap - 1) {
      n += (size_t)k;
      break;
    }
    n += (size_t)k;
  }
  buf[n] = '\0';
  return (ssize_t)n;
}

/* load the station key at path: private (no group/other access), well formed */
static int load_station(hh_signer *s, const char *path, hh_error *err) {
  int fd = open(path, O_RDONLY | O_NOFOLLOW);
  if (fd < 0)
    return hh_error_set(err, HH_E_KEY, path, 0, 0, hh_tr("cannot open the station key: %s"),
                        strerror(errno));
  struct stat st;
  char buf[512];
  ssize_t n = -1;
  int rc = HH_OK;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
    rc = hh_error_set(err, HH_E_KEY, path, 0, 0, "%s", hh_tr("station key is not a regular file"));
  else if (st.st_mode & 077)
    rc = hh_error_set(err, HH_E_KEY, path, 0, 0,
                      hh_tr("station key is readable by others (mode %03o); run chmod 600 on it"),
                      (unsigned)(st.st_mode & 0777));
  else n = read_fd(fd, buf, sizeof buf);
  close(fd);
  if (rc) return rc;
  size_t ml = strlen(SK_MAGIC);
  if (n < (ssize_t)(ml + 1 + 128) || strncmp(buf, SK_MAGIC, ml) != 0 || buf[ml] != '\n' ||
      unhex(buf + ml + 1, s->sk, 64) != 0)
    return hh_error_set(err, HH_E_KEY, path, 0, 0, "%s",
                        hh_tr("station key file is malformed (expected the Haihe key format)"));
  unsigned char pk[32];
  crypto_sign_ed25519_sk_to_pk(pk, s->sk);
  memcpy(s->key_id, pk, 32);
  s->scheme = HH_SIG_ED25519;
  snprintf(s->path, sizeof s->path, "%s", path);
  return HH_OK;
}

/* write text to path through a private temp file and a hard link (never replaces an
   existing file); 1 when path already existed */
static int create_private(const char *path, const char *text, mode_t mode, hh_error *err) {
  char tmp[HH_PATH + 32];
  snprintf(tmp, sizeof tmp, "%s.%ld.tmp", path, (long)getpid());
  int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, mode);
  if (fd < 0)
    return hh_error_set(err, HH_E_KEY, tmp, 0, 0, hh_tr("cannot create the station key: %s"),
                        strerror(errno));
  size_t n = strlen(text);
  int bad = write(fd, text, n) != (ssize_t)n;
  bad |= fsync(fd) != 0;
  bad |= close(fd) != 0;
  int exists = 0;
  if (!bad && link(tmp, path) != 0) {
    if (errno == EEXIST) exists = 1;
    else bad = 1;
  }
  int e = errno;
  unlink(tmp);
  if (bad)
    return hh_error_set(err, HH_E_KEY, path, 0, 0, hh_tr("cannot create the station key: %s"),
                        strerror(e));
  return exists ? 1 : 0;
}

/* load the station key, creating it (and station.pub) on first use */
int hh_sign_station(hh_signer *s, hh_error *err) {
  memset(s, 0, sizeof *s);
  int rc = sodium_ready(err);
  if (rc) return rc;
  char dir[HH_PATH], path[HH_PATH + 16], pub[HH_PATH + 16];
  if ((rc = hh_data_dir(dir, sizeof dir, 1, err))) return rc;
  snprintf(path, sizeof path, "%s/station.key", dir);
  snprintf(pub, sizeof pub, "%s/station.pub", dir);
  if (access(path, F_OK) != 0) {
    unsigned char pk[32], sk[64];
    crypto_sign_keypair(pk, sk);
    char text[64 + 130], hex[129];
    hh_sign_hex(sk, 64, hex);
    snprintf(text, sizeof text, "%s\n%s\n", SK_MAGIC, hex);
    sodium_memzero(sk, sizeof sk);
    rc = create_private(path, text, 0600, err);
    sodium_memzero(text, sizeof text);
    if (rc < 0 || rc > 1) return rc;
  }
  if ((rc = load_station(s, path, err))) return rc;
  char hex[65], text[80];
  hh_sign_hex(s->key_id, 32, hex);
  snprintf(text, sizeof text, "%s\n", hex);
  if (access(pub, F_OK) != 0 && (rc = create_private(pub, text, 0644, err)) > 1) return rc;
  return HH_OK;
}

/* HMAC key id: SHA-256 of a label and the key */
void hh_sign_key_id(const unsigned char *key, size_t n, unsigned char id[32]) {
  static const char label[] = "haihe event key id";
  crypto_hash_sha256_state st;
  crypto_hash_sha256_init(&st);
  crypto_hash_sha256_update(&st, (const unsigned char *)label, sizeof label);
  crypto_hash_sha256_update(&st, key, n);
  crypto_hash_sha256_final(&st, id);
}

/* load a shared event key: the file's bytes without trailing white space, >= 32 */
int hh_sign_event_key(hh_signer *s, const char *file, hh_error *err) {
  memset(s, 0, sizeof *s);
  int rc = sodium_ready(err);
  if (rc) return rc;
  int fd = open(file, O_RDONLY);
  if (fd < 0)
    return hh_error_set(err, HH_E_KEY, file, 0, 0, hh_tr("cannot open the event key: %s"),
                        strerror(errno));
  struct stat st;
  char buf[HH_EVENT_KEY_MAX + 2];
  ssize_t n = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) ? read_fd(fd, buf, sizeof buf) : -1;
  close(fd);
  if (n < 0)
    return hh_error_set(err, HH_E_KEY, file, 0, 0, "%s", hh_tr("event key is not a readable file"));
  while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r' || buf[n - 1] == ' ' ||
                   buf[n - 1] == '\t'))
    n--;
  if (n < HH_EVENT_KEY_MIN || n > HH_EVENT_KEY_MAX)
    return hh_error_set(err, HH_E_KEY, file, 0, 0,
                        hh_tr("event key must hold %d to %d bytes (it has %d); make one with "
                        "'openssl rand -hex 32 > FILE'"),
                        HH_EVENT_KEY_MIN, HH_EVENT_KEY_MAX, (int)n);
  memcpy(s->key, buf, (size_t)n);
  sodium_memzero(buf, sizeof buf);
  s->key_len = (size_t)n;
  s->scheme = HH_SIG_HMAC_SHA256;
  hh_sign_key_id(s->key, s->key_len, s->key_id);
  snprintf(s->path, sizeof s->path, "%s", file);
  return HH_OK;
}

/* HMAC-SHA-256 of msg under the signer's key */
static void hmac(const hh_signer *s, const unsigned char *msg, size_t n, unsigned char out[32]) {
  crypto_auth_hmacsha256_state st;
  crypto_auth_hmacsha256_init(&st, s->key, s->key_len);
  crypto_auth_hmacsha256_update(&st, msg, n);
  crypto_auth_hmacsha256_final(&st, out);
}

/* hh_replay_signing callback: the signature of msg with the signer in ctx */
int hh_sign_fn(void *ctx, const unsigned char *msg, size_t n, unsigned char sig[64],
               hh_error *err) {
  const hh_signer *s = ctx;
  memset(sig, 0, 64);
  if (s->scheme == HH_SIG_ED25519) {
    if (crypto_sign_detached(sig, NULL, msg, n, s->sk) != 0)
      return hh_error_set(err, HH_E_INTERNAL, s->path, 0, 0, "%s", hh_tr("signing failed"));
  } else {
    hmac(s, msg, n, sig);
  }
  return HH_OK;
}

/* a public key: a file whose first 64 characters are hex digits (station.pub) */
int hh_sign_read_pubkey(const char *file, unsigned char pk[32], hh_error *err) {
  int fd = open(file, O_RDONLY);
  if (fd < 0)
    return hh_error_set(err, HH_E_KEY, file, 0, 0, hh_tr("cannot open the public key: %s"),
                        strerror(errno));
  char buf[256];
  ssize_t n = read_fd(fd, buf, sizeof buf);
  close(fd);
  while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r' || buf[n - 1] == ' ')) buf[--n] = 0;
  if (n != 64 || unhex(buf, pk, 32) != 0)
    return hh_error_set(err, HH_E_KEY, file, 0, 0, "%s",
                        hh_tr("public key file must hold 64 hex digits (like station.pub)"));
  return HH_OK;
}

/* check the signature block s of file against pubkey (or its own key) / the HMAC key */
int hh_sign_verify(const hh_replay_sig *s, const char *file, const unsigned char *pubkey,
                   const hh_signer *key, hh_error *err) {
  int rc = sodium_ready(err);
  if (rc) return rc;
  char a[65], b[65];
  if (!s->present)
    return hh_error_set(err, HH_E_SIGNATURE, file, 0, 0, "%s",
                        hh_tr("replay is not signed (record it with --competition)"));
  hh_sign_hex(s->key_id, 32, a);
  if (s->scheme == HH_SIG_ED25519) {
    if (pubkey && sodium_memcmp(pubkey, s->key_id, 32) != 0) {
      hh_sign_hex(pubkey, 32, b);
      return hh_error_set(err, HH_E_SIGNATURE, file, 0, 0,
                          hh_tr("signed by another key: %.16s..., not the given public key %.16s..."),
                          a, b);
    }
    if (crypto_sign_verify_detached(s->sig, s->msg, s->msg_len, pubkey ? pubkey : s->key_id) != 0)
      return hh_error_set(err, HH_E_SIGNATURE, file, 0, 0, "%s",
                          hh_tr("signature does not match: the replay or its result was changed "
                          "after signing"));
    return HH_OK;
  }
  if (!key || key->scheme != HH_SIG_HMAC_SHA256)
    return hh_error_set(err, HH_E_SIGNATURE, file, 0, 0, "%s",
                        hh_tr("replay is signed with a shared event key: pass --event-key FILE"));
  if (sodium_memcmp(key->key_id, s->key_id, 32) != 0)
    return hh_error_set(err, HH_E_SIGNATURE, file, 0, 0, "%s",
                        hh_tr("replay was signed with another event key"));
  unsigned char mac[32], zero[32];
  memset(zero, 0, sizeof zero);
  hmac(key, s->msg, s->msg_len, mac);
  if (sodium_memcmp(mac, s->sig, 32) != 0 || sodium_memcmp(zero, s->sig + 32, 32) != 0)
    return hh_error_set(err, HH_E_SIGNATURE, file, 0, 0, "%s",
                        hh_tr("signature does not match: the replay or its result was changed "
                        "after signing"));
  return HH_OK;
}
