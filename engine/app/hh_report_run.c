/* hh_report_run.c - what the debrief adds to `haihe run`: output paths checked and
 * keys and the results store opened before the attempt (bad input costs no attempt),
 * the trace sampled after each tick, the replay signed, and at the end the attempt
 * stored and the report and CSV written. */
#define _DEFAULT_SOURCE
#include "hh_report.h"
#include "hh_competition.h"
#include "../core/hh_i18n.h"
#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* check outputs, load the signing key, open the results store, size the trace */
int hh_debrief_prepare(hh_debrief *b, const hh_run_opts *o, const hh_model *m,
                       uint64_t max_ticks, hh_error *err) {
  memset(b, 0, sizeof *b);
  b->started = time(NULL);
  int rc;
  if (o->report && (rc = hh_file_probe(o->report, err))) return rc;
  if (o->json && (rc = hh_file_probe(o->json, err))) return rc;
  if (o->csv && (rc = hh_file_probe(o->csv, err))) return rc;
  if (o->event_key) {
    if ((rc = hh_sign_event_key(&b->signer, o->event_key, err))) return rc;
    b->signing = 1;
  } else if (o->competition) {
    if ((rc = hh_sign_station(&b->signer, err))) return rc;
    b->signing = 1;
  }
  if (o->db) {
    snprintf(b->db_path, sizeof b->db_path, "%s", o->db);
    b->db = hh_results_open(o->db, err);
    if (!b->db) return err->code;
  } else {
    hh_error e2;
    memset(&e2, 0, sizeof e2);
    if (hh_results_default_path(b->db_path, sizeof b->db_path, &e2) == HH_OK)
      b->db = hh_results_open(b->db_path, &e2);
    if (!b->db) { /* the default store is a convenience: say why, run anyway */
      fprintf(stderr, "%s: ", hh_tr("warning: attempt will not be stored"));
      hh_error_print(&e2, stderr);
      if (o->competition) {
        *err = e2;
        return err->code;
      }
    }
  }
  return hh_trace_init(&b->trace, m, max_ticks, err);
}

/* sample the trace after a tick */
void hh_debrief_tick(hh_debrief *b, const hh_data *d) { hh_trace_sample(&b->trace, d, 0); }

/* finish the replay, signed (meta + result JSON + every byte) when signing */
int hh_debrief_close_replay(hh_debrief *b, const hh_run_opts *o, hh_replay_writer *w,
                            const hh_replay_footer *f, const hh_model *m,
                            const hh_data *d, hh_error *err) {
  if (!b->signing) return hh_replay_writer_close(w, f, err);
  char *meta = hh_competition_meta(o, m, b->started);
  char *result = hh_cli_json_string(m, d);
  int rc;
  if (!meta || !result) {
    rc = hh_error_set(err, HH_E_NOMEM, "", 0, 0, "%s", hh_tr("out of memory"));
    hh_replay_writer_abort(w);
  } else {
    hh_replay_signing s;
    memset(&s, 0, sizeof s);
    s.scheme = b->signer.scheme;
    memcpy(s.key_id, b->signer.key_id, 32);
    s.meta = meta;
    s.result = result;
    s.sign = hh_sign_fn;
    s.ctx = &b->signer;
    rc = hh_replay_writer_close_signed(w, f, &s, err);
  }
  free(meta);
  free(result);
  if (!rc) {
    char hex[65];
    hh_sign_hex(b->signer.key_id, 32, hex);
    if (b->signer.scheme == HH_SIG_ED25519)
      printf(hh_tr("Replay signed with the station key %s (public key: %s)\n"), hex,
             b->signer.path);
    else
      printf(hh_tr("Replay signed with the event key %s (key id %.16s)\n"), b->signer.path, hex);
  }
  return rc;
}

/* store the attempt, write the report and CSV */
int hh_debrief_finish(hh_debrief *b, const hh_run_opts *o, const hh_model *m,
                      const hh_data *d, int aborted, hh_error *err) {
  hh_trace_sample(&b->trace, d, 1);
  char real[PATH_MAX];
  hh_attempt_info a;
  memset(&a, 0, sizeof a);
  a.trainee = o->trainee;
  a.started = b->started;
  a.replay = o->record ? (realpath(o->record, real) ? real : o->record) : NULL;
  a.controls = o->autopilot ? "autopilot" : o->replay ? "replay" : "devices";
  a.competition = o->competition;
  a.aborted = aborted;
  if (b->db) {
    int64_t id = 0;
    hh_error e2;
    memset(&e2, 0, sizeof e2);
    if (hh_results_store(b->db, m, d, &a, &id, &e2) != HH_OK) {
      if (o->db || o->competition) {
        *err = e2;
        return err->code;
      }
      fprintf(stderr, "%s: ", hh_tr("warning: attempt not stored"));
      hh_error_print(&e2, stderr);
    } else {
      /* stderr: stdout stays the same for the same attempt (tests/cli/determinism.sh) */
      fprintf(stderr, hh_tr("Attempt #%lld stored in %s\n"), (long long)id, b->db_path);
    }
  }
  int rc;
  if (o->report) {
    if ((rc = hh_report_write(o->report, m, d, &b->trace, &a, err))) return rc;
    printf(hh_tr("Debrief written to %s\n"), o->report);
  }
  if (o->csv) {
    if ((rc = hh_csv_write(o->csv, m, d, err))) return rc;
    printf(hh_tr("Items written to %s\n"), o->csv);
  }
  return HH_OK;
}

/* release the trace, the store and the key material */
void hh_debrief_free(hh_debrief *b) {
  hh_trace_free(&b->trace);
  hh_results_close(b->db);
  b->db = NULL;
  memset(&b->signer, 0, sizeof b->signer);
}
