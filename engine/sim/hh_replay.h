/* hh_replay.h - record and replay files: the control track of one attempt.
 *
 * A replay is the hh_controls fed to hh_step, one per tick, exactly as they were fed,
 * plus enough to prove a re-simulation reproduces the attempt. The file is written
 * outside the tick: the app loop buffers controls and writes one chunk every
 * HH_REPLAY_CHUNK ticks; nothing here is called from hh_step.
 *
 * File format, version 1. All integers little-endian; floats and doubles are stored
 * as their IEEE-754 bit patterns (little-endian), so a replay carries exact values.
 *
 *   header
 *     u8[8]  magic            "HHRPLY" 0x00 0x01
 *     u32    version          HH_REPLAY_VERSION (1) in the low 16 bits; the high
 *                             16 bits flag optional header fields (HH_REPLAY_FLAG_*)
 *     u32    controls_size    bytes of one tick of controls in the file (40)
 *     u32    tick_hz          ticks per simulated second (HH_TICK_HZ)
 *     u32    seed             model seed
 *     u64    content_hash     FNV-1a of the scenario script (hh_model.content_hash)
 *     str    build            engine build id (HH_BUILD_ID)
 *     str    scenario_id      e.g. "port/sts_first_lift"
 *     str    scenario_path    absolute path of the script when recorded
 *     u32    sea_state        only with HH_REPLAY_FLAG_SEA: the instructor's
 *                             --sea-state (1..6)
 *     u32    crc              CRC-32 of every header byte before it
 *   (str = u16 byte length, then that many UTF-8 bytes, no terminator; each field
 *    has a cap: build 127, scenario_id 63, scenario_path 1023 bytes)
 *
 *   chunk (repeated, zero or more)
 *     u8[4]  tag              "CHNK"
 *     u32    index            0, 1, 2, ... in file order
 *     u32    ticks            1 .. HH_REPLAY_CHUNK
 *     ticks x controls        per tick: axis[0..7] as f32 bits, buttons u32, reserved u32
 *     u32    crc              CRC-32 of the chunk bytes from the tag to the payload end
 *
 *   footer
 *     u8[4]  tag              "FOOT"
 *     u64    ticks            total ticks (must equal the sum of the chunks)
 *     u64    score            final score (f64 bits)
 *     u32    passed           0 or 1
 *     u64    state_hash       hh_data_hash after hh_finish
 *     u32    crc              CRC-32 of the footer bytes from the tag to state_hash
 *   signature (optional; only after the footer; docs/competition.md)
 *     u8[4]  tag              "SIGN"
 *     u32    scheme           HH_SIG_ED25519 (1) or HH_SIG_HMAC_SHA256 (2)
 *     u8[32] key_id           Ed25519: the signer's public key; HMAC: a hash of the key
 *     u32    meta_len         then meta_len bytes: attempt metadata, JSON (UTF-8)
 *     u32    result_len       then result_len bytes: the result JSON exactly as --json
 *     u8[64] signature        over every byte of the file before this field
 *                             (Ed25519: 64 bytes; HMAC-SHA-256: 32 bytes + 32 zeros)
 *     u32    crc              CRC-32 from the tag to the signature
 *   end of file (any other trailing byte is corruption)
 *
 * The sea_state field (version word 0x00010001) is written only for a run with an
 * instructor's sea state override (offshore crane); every other replay stays version
 * 1, byte for byte. This build reads both; older builds refuse the flagged version word
 * as an unsupported version (a format error naming it), never misread it.
 *
 * The signature block is a compatible extension of version 1: unsigned files are
 * unchanged; builds before it reject a signed file as corrupt (bytes after footer).
 *
 * The writer writes to "<path>.tmp" and renames it to <path> only when the footer is
 * written, so a crashed run never leaves a file that looks complete.
 *
 * Index:
 *   hh_replay_writer_open   start a replay file (.tmp) and write its header
 *   hh_replay_writer_push   buffer one tick of controls; writes a chunk when full
 *   hh_replay_writer_close  flush, write the footer, rename into place
 *   hh_replay_writer_abort  drop the .tmp file
 *   hh_replay_read          read and validate a whole replay file into memory
 *   hh_replay_free          release what hh_replay_read allocated
 *   hh_replay_check_model   check a replay was recorded for this scenario content
 *   hh_replay_writer_close_signed  as close, then append a signature block
 */
#ifndef HH_REPLAY_H
#define HH_REPLAY_H
#include <stdint.h>
#include <stdio.h>
#include "hh_sim.h"

#define HH_REPLAY_VERSION 1u
#define HH_REPLAY_FLAG_SEA 0x10000u  /* version word flag: the header has sea_state */
#define HH_REPLAY_CHUNK 600          /* ticks per chunk (10 s at 60 Hz) */
#define HH_REPLAY_CONTROLS_SIZE 40u  /* bytes of one tick in the file */
#define HH_REPLAY_MAGIC "HHRPLY\0\1" /* 8 bytes */

/* What the header says about the attempt. */
typedef struct hh_replay_header {
  uint32_t version;      /* version word as stored (HH_REPLAY_VERSION | HH_REPLAY_FLAG_*) */
  uint32_t tick_hz;
  uint32_t seed;
  uint64_t content_hash;
  char build[128];
  char scenario_id[HH_NAME];
  char scenario_path[1024];
  uint32_t sea_state;    /* instructor's sea state override 1..6 (HH_REPLAY_FLAG_SEA), 0 = none */
} hh_replay_header;

/* What the footer says about the result. */
typedef struct hh_replay_footer {
  uint64_t ticks;
  double score;
  int passed;
  uint64_t state_hash;
} hh_replay_footer;

#define HH_SIG_ED25519 1u          /* signature scheme: Ed25519 (libsodium crypto_sign) */
#define HH_SIG_HMAC_SHA256 2u      /* signature scheme: HMAC-SHA-256 with a shared key */
#define HH_SIG_MAX_TEXT 65536u     /* most bytes of meta or result JSON in a signature */

/* The signature block of a replay, as read (hh_replay_read) or to be written. */
typedef struct hh_replay_sig {
  int present;                 /* the file has a signature block */
  uint32_t scheme;             /* HH_SIG_* */
  unsigned char key_id[32];    /* Ed25519 public key, or HMAC key id */
  char *meta;                  /* attempt metadata JSON, NUL-terminated (owned) */
  char *result;                /* result JSON, NUL-terminated (owned) */
  unsigned char sig[64];       /* the signature */
  unsigned char *msg;          /* the signed bytes: the file up to the signature (owned) */
  size_t msg_len;              /* bytes in msg (= byte offset of the signature field) */
} hh_replay_sig;

/* What to sign with: the writer builds the block and asks sign() for the signature of
   every byte before the signature field. */
typedef struct hh_replay_signing {
  uint32_t scheme;
  unsigned char key_id[32];
  const char *meta;            /* JSON text */
  const char *result;          /* JSON text */
  int (*sign)(void *ctx, const unsigned char *msg, size_t n, unsigned char sig[64],
              hh_error *err);
  void *ctx;
} hh_replay_signing;

/* A replay being written. Owns a FILE and a chunk buffer; no per-tick I/O. */
typedef struct hh_replay_writer {
  FILE *f;
  char path[1024];
  char tmp[1040];
  hh_controls buf[HH_REPLAY_CHUNK];
  int n;                 /* ticks buffered in buf */
  uint32_t chunk_index;  /* chunks written */
  uint64_t ticks;        /* ticks pushed in all */
} hh_replay_writer;

/* A replay read into memory. */
typedef struct hh_replay {
  hh_replay_header head;
  hh_replay_footer foot;
  hh_controls *ctl;      /* foot.ticks entries (NULL when 0) */
  hh_replay_sig sig;     /* signature block, if any (sig.present) */
} hh_replay;

/* fill a header from a model (id, path, content hash, seed) and this build */
void hh_replay_header_from_model(hh_replay_header *h, const hh_model *m,
                                 const char *scenario_path);
/* create path.tmp and write the header; the writer must be zeroed or unused */
int hh_replay_writer_open(hh_replay_writer *w, const char *path,
                          const hh_replay_header *h, hh_error *err);
/* buffer one tick of controls; writes a chunk every HH_REPLAY_CHUNK ticks */
int hh_replay_writer_push(hh_replay_writer *w, const hh_controls *c, hh_error *err);
/* write the last chunk and the footer (ticks taken from the writer), rename into place */
int hh_replay_writer_close(hh_replay_writer *w, const hh_replay_footer *foot,
                           hh_error *err);
/* as hh_replay_writer_close, with a signature block appended before the rename */
int hh_replay_writer_close_signed(hh_replay_writer *w, const hh_replay_footer *foot,
                                  const hh_replay_signing *s, hh_error *err);
/* close and remove the .tmp file (safe on an unopened writer) */
void hh_replay_writer_abort(hh_replay_writer *w);

/* read and validate the file at path; on error *r is zeroed and err names the offset */
int hh_replay_read(const char *path, hh_replay *r, hh_error *err);
/* release r's storage */
void hh_replay_free(hh_replay *r);
/* HH_E_REPLAY_SCENARIO unless the replay was recorded for m's content and tick rate */
int hh_replay_check_model(const hh_replay *r, const hh_model *m, const char *path,
                          hh_error *err);

#endif
