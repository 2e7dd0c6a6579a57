/* hh_results_judge.c - `haihe results --judge`: a judge's mark for a judgement ("J")
 * item of a stored attempt, checked and written in one transaction; the attempt's total
 * (objective score + counted marks) is final once every J item is marked. */
#define _DEFAULT_SOURCE
#include "hh_results.h"
#include "hh_cli.h"
#include "../core/hh_i18n.h"
#include <sqlite3.h>
#include <string.h>
#include <time.h>

/* prepare sql, bind (attempt, item) as ?1, ?2; NULL on failure */
static sqlite3_stmt *prep(sqlite3 *db, const char *sql, int64_t attempt, const char *item) {
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) return NULL;
  sqlite3_bind_int64(st, 1, attempt);
  if (item) sqlite3_bind_text(st, 2, item, -1, SQLITE_TRANSIENT);
  return st;
}

/* check the attempt, the item and the points; 0 when the mark may be entered */
static int check_mark(hh_results *r, int64_t attempt, const char *item, double points,
                      hh_error *err) {
  sqlite3 *db = hh_results_sqlite(r);
  const char *path = hh_results_path(r);
  sqlite3_stmt *st = prep(db, "SELECT 1 FROM attempts WHERE id = ?1", attempt, NULL);
  if (!st) return hh_results_db_fail(r, err, hh_tr("cannot read the results"));
  int found = sqlite3_step(st) == SQLITE_ROW;
  sqlite3_finalize(st);
  if (!found)
    return hh_error_set(err, HH_E_RESULTS_DB, path, 0, 0, hh_tr("no attempt %lld in this database"),
                        (long long)attempt);
  st = prep(db, "SELECT max FROM judgements WHERE attempt = ?1 AND item = ?2", attempt, item);
  if (!st) return hh_results_db_fail(r, err, hh_tr("cannot read the results"));
  found = sqlite3_step(st) == SQLITE_ROW;
  double max = found ? sqlite3_column_double(st, 0) : 0.0;
  sqlite3_finalize(st);
  if (!found) {
    st = prep(db, "SELECT 1 FROM items WHERE attempt = ?1 AND item = ?2", attempt, item);
    if (!st) return hh_results_db_fail(r, err, hh_tr("cannot read the results"));
    int is_item = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    if (is_item)
      return hh_error_set(err, HH_E_RESULTS_DB, path, 0, 0,
                          hh_tr("item '%s' of attempt %lld is not a judgement (J) item"), item,
                          (long long)attempt);
    return hh_error_set(err, HH_E_RESULTS_DB, path, 0, 0, hh_tr("attempt %lld has no item '%s'"),
                        (long long)attempt, item);
  }
  if (points > max)
    return hh_error_set(err, HH_E_RESULTS_DB, path, 0, 0,
                        hh_tr("mark %g for item '%s' is above its maximum %g"), points, item, max);
  return HH_OK;
}

/* say the attempt's total now: final, or pending with the points still open */
static int print_total(hh_results *r, int64_t attempt, FILE *out, hh_error *err) {
  static const char sql[] =
      "SELECT a.score, a.max_score,"
      " (SELECT count(*) FROM judgements j WHERE j.attempt = a.id AND j.points IS NULL),"
      " (SELECT total(j.max) FROM judgements j WHERE j.attempt = a.id AND j.points IS NULL),"
      " (SELECT total(j.points) FROM judgements j WHERE j.attempt = a.id AND j.counts = 1)"
      " FROM attempts a WHERE a.id = ?1";
  sqlite3_stmt *st = prep(hh_results_sqlite(r), sql, attempt, NULL);
  if (!st || sqlite3_step(st) != SQLITE_ROW) {
    sqlite3_finalize(st);
    return hh_results_db_fail(r, err, hh_tr("cannot read the results"));
  }
  double score = sqlite3_column_double(st, 0), max = sqlite3_column_double(st, 1);
  int n_pending = sqlite3_column_int(st, 2);
  double open = sqlite3_column_double(st, 3), marks = sqlite3_column_double(st, 4);
  sqlite3_finalize(st);
  if (n_pending)
    fprintf(out, hh_tr("Attempt %lld: %.2f + judged %.2f so far; total pending (%d items, %.2f points not marked yet)\n"),
            (long long)attempt, score, marks, n_pending, open);
  else
    fprintf(out, hh_tr("Attempt %lld: total %.2f / %.2f (objective %.2f + judged %.2f)\n"),
            (long long)attempt, score + marks, max, score, marks);
  return HH_OK;
}

/* enter a judge's mark for a judgement item of a stored attempt, in one transaction */
int hh_results_judge(hh_results *r, int64_t attempt, const char *item, double points,
                     const char *judge, FILE *out, hh_error *err) {
  sqlite3 *db = hh_results_sqlite(r);
  if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
    return hh_results_db_fail(r, err, hh_tr("cannot store the mark"));
  int rc = check_mark(r, attempt, item, points, err);
  if (!rc) {
    char when[32];
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
    sqlite3_stmt *st = prep(db, "UPDATE judgements SET points = ?3, judge = ?4, marked = ?5"
                                " WHERE attempt = ?1 AND item = ?2", attempt, item);
    int ok = st != NULL;
    if (ok) {
      sqlite3_bind_double(st, 3, points);
      if (judge) sqlite3_bind_text(st, 4, judge, -1, SQLITE_TRANSIENT);
      else sqlite3_bind_null(st, 4);
      sqlite3_bind_text(st, 5, when, -1, SQLITE_TRANSIENT);
      ok = sqlite3_step(st) == SQLITE_DONE && sqlite3_changes(db) == 1;
    }
    sqlite3_finalize(st);
    if (!ok) rc = hh_results_db_fail(r, err, hh_tr("cannot store the mark"));
  }
  if (!rc && sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    rc = hh_results_db_fail(r, err, hh_tr("cannot store the mark"));
  if (rc) {
    sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    return rc;
  }
  fprintf(out, hh_tr("Mark %g entered for item '%s' of attempt %lld\n"), points, item,
          (long long)attempt);
  return print_total(r, attempt, out, err);
}
