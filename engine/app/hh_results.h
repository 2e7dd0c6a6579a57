/* hh_results.h - the results store: every attempt in an SQLite database under the
 * user's data directory ($XDG_DATA_HOME/haihe/results.db, ~/.local/share/haihe/...)
 * or --db PATH. One transaction per attempt: a killed process leaves the database
 * consistent and loses at most the attempt it was writing. Schema in docs/debrief.md.
 *
 * Index:
 *   hh_data_dir            the user's Haihe data folder (created on request)
 *   hh_results_default_path  the default database path
 *   hh_results_open        open or create a results database and check its schema
 *   hh_results_store       store one attempt (attempt row, items, deductions) atomically
 *   hh_results_list        list or export the stored attempts
 *   hh_results_judge       enter a judge's mark for a judgement item of a stored attempt
 *   hh_results_close       close the database
 */
#ifndef HH_RESULTS_H
#define HH_RESULTS_H
#include <stddef.h>
#include <stdio.h>
#include <stdint.h>
#include <time.h>
#include "../sim/hh_sim.h"

/* What the run knows about an attempt besides model and data. */
typedef struct hh_attempt_info {
  const char *trainee;     /* --trainee ID, or NULL */
  time_t started;          /* wall-clock start (UTC seconds) */
  const char *replay;      /* replay file written, or NULL */
  const char *controls;    /* "devices", "autopilot" or "replay" */
  int competition;         /* competition mode */
  int aborted;             /* stopped by Ctrl-C / SIGTERM before the task ended */
} hh_attempt_info;

typedef struct hh_results hh_results;

/* data folder $XDG_DATA_HOME/haihe or $HOME/.local/share/haihe; mkdir -p when create */
int hh_data_dir(char *out, size_t cap, int create, hh_error *err);
/* <data dir>/results.db (the folder is created) */
int hh_results_default_path(char *out, size_t cap, hh_error *err);
/* open (creating if missing) and check the schema; NULL and err (E104) on failure */
hh_results *hh_results_open(const char *path, hh_error *err);
/* store one attempt in one transaction; *id gets its row id (may be NULL) */
int hh_results_store(hh_results *db, const hh_model *m, const hh_data *d,
                     const hh_attempt_info *a, int64_t *id, hh_error *err);
/* list attempts (trainee / scenario NULL = all) as a table or CSV to out */
int hh_results_list(hh_results *db, const char *trainee, const char *scenario, int csv,
                    FILE *out, hh_error *err);
/* close (NULL is fine) */
void hh_results_close(hh_results *db);
/* enter a judge's mark for judgement item `item` of attempt `attempt` in one
   transaction (0 <= points <= the item's max); prints the attempt's total to out */
int hh_results_judge(hh_results *db, int64_t attempt, const char *item, double points,
                     const char *judge, FILE *out, hh_error *err);
/* internals shared by hh_results*.c: the SQLite handle, the path, E104 with its message */
struct sqlite3 *hh_results_sqlite(hh_results *db);
const char *hh_results_path(const hh_results *db);
int hh_results_db_fail(hh_results *db, hh_error *err, const char *what);

#endif
