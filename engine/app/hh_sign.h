/* hh_sign.h - signing replays and results (libsodium), see docs/competition.md.
 *
 * Ed25519 with a station key created on first use (<data dir>/station.key, mode 0600,
 * public half in station.pub): anyone holding the public key can verify, a judge needs
 * no secret. HMAC-SHA-256 with a shared event key (--event-key FILE): simpler, but the
 * verifier must hold the same secret.
 *
 * Index:
 *   hh_sign_station     load (or create on first use) the station's Ed25519 key
 *   hh_sign_event_key   load a shared HMAC key from a file
 *   hh_sign_fn          hh_replay_signing callback: sign a message
 *   hh_sign_verify      check a replay's signature block against a key
 *   hh_sign_read_pubkey read a public key file (station.pub or 64 hex digits)
 *   hh_sign_hex         bytes to lower-case hex
 */
#ifndef HH_SIGN_H
#define HH_SIGN_H
#include <stddef.h>
#include "../sim/hh_replay.h"

#define HH_EVENT_KEY_MIN 32   /* bytes of shared key at least */
#define HH_EVENT_KEY_MAX 1024

typedef struct hh_signer {
  unsigned scheme;                 /* HH_SIG_ED25519 or HH_SIG_HMAC_SHA256 */
  unsigned char sk[64];            /* Ed25519 secret key (libsodium layout) */
  unsigned char key[HH_EVENT_KEY_MAX]; /* HMAC key */
  size_t key_len;
  unsigned char key_id[32];        /* Ed25519 public key / HMAC key id */
  char path[1100];                 /* key file */
} hh_signer;

int hh_sign_station(hh_signer *s, hh_error *err);
int hh_sign_event_key(hh_signer *s, const char *file, hh_error *err);
int hh_sign_fn(void *ctx, const unsigned char *msg, size_t n, unsigned char sig[64],
               hh_error *err);
/* pubkey: expected Ed25519 key (NULL: the one in the file); hmac: key for scheme 2 */
int hh_sign_verify(const hh_replay_sig *s, const char *file, const unsigned char *pubkey,
                   const hh_signer *hmac, hh_error *err);
int hh_sign_read_pubkey(const char *file, unsigned char pk[32], hh_error *err);
void hh_sign_hex(const unsigned char *p, size_t n, char *out);
/* HMAC key id: SHA-256("haihe event key id" || key) */
void hh_sign_key_id(const unsigned char *key, size_t n, unsigned char id[32]);



/* ---- `haihe rescore --verify` (hh_sign_verify.c) */
typedef struct hh_verify_opts {
  int on;                  /* --verify (implied by --pubkey, --event-key, --result) */
  const char *pubkey;      /* --pubkey F: the station's public key */
  const char *event_key;   /* --event-key F: the shared HMAC key */
  const char *result;      /* --result F.json: a result file that must be the signed one */
} hh_verify_opts;

/* take a verify option at argv[*i]: 1 when taken (*rc = exit status of a usage error,
   or 0), 0 when not a verify option */
int hh_verify_arg(hh_verify_opts *v, int argc, char **argv, int *i, int *rc);
/* check the signature (and --result) before re-simulating; prints who signed what */
int hh_verify_signature(const hh_verify_opts *v, const hh_replay *rp, const char *file,
                        hh_error *err);
/* after re-simulating: 1 when the signed result equals the re-simulated one */
int hh_verify_result(const hh_verify_opts *v, const hh_replay *rp, const hh_model *m,
                     const hh_data *d);
#endif
