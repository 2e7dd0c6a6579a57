/* test_results_store.c - the results store API: a new database gets the schema, an
 * attempt is stored whole (attempt row, every item, every deduction), listing filters
 * work, a foreign SQLite file is refused without being changed; and the debrief's
 * metric trace stays within its preallocated storage however long the run. */
#define _GNU_SOURCE
#include "hh_test.h"
#include "app/hh_report.h"
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* one integer from a query on the database at path */
static long long one(const char *path, const char *sql) {
  sqlite3 *db = NULL;
  sqlite3_stmt *st = NULL;
  long long v = -1;
  if (sqlite3_open(path, &db) == SQLITE_OK && sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW)
    v = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  sqlite3_close(db);
  return v;
}

int main(void) {
  char dir[512], path[600], foreign[600], cmd[700];
  snprintf(dir, sizeof dir, "%s/test_results_%ld", HH_BUILD_DIR, (long)getpid());
  snprintf(cmd, sizeof cmd, "mkdir -p '%s'", dir);
  CHECK(system(cmd) == 0);
  snprintf(path, sizeof path, "%s/r.db", dir);
  snprintf(foreign, sizeof foreign, "%s/foreign.db", dir);

  /* a model with three rules and data with two logged deductions */
  static hh_model m;
  hh_model_defaults(&m);
  snprintf(m.id, sizeof m.id, "test/results");
  m.rubric.max_score = 100;
  m.rubric.pass_score = 60;
  m.rubric.n_rules = 3;
  m.rubric.log_capacity = 8;
  for (int i = 0; i < 3; i++) {
    snprintf(m.rubric.rule[i].id, sizeof m.rubric.rule[i].id, "item%d", i);
    m.rubric.rule[i].kind = HH_RULE_EDGE;
    m.rubric.rule[i].cap = 10;
    m.rubric.rule[i].section = -1;
  }
  static hh_data d;
  static hh_event log[8];
  d.rubric.log = log;
  d.rubric.log_len = 2;
  log[0] = (hh_event){60, 1.0, 1, 2.5, 5};
  log[1] = (hh_event){120, 2.0, 2, 1.0, 3};
  d.rubric.r[1].deducted = 5;
  d.rubric.r[2].deducted = 3;
  d.tick = 600;
  d.time_s = 10;

  hh_error err = {0};
  hh_results *r = hh_results_open(path, &err);
  CHECK(r != NULL);
  hh_attempt_info a = {"alice", 1700000000, "/tmp/a.hhr", "devices", 0, 0};
  int64_t id1 = 0, id2 = 0;
  CHECK(r && hh_results_store(r, &m, &d, &a, &id1, &err) == HH_OK);
  a.trainee = "bob";
  a.aborted = 1;
  CHECK(r && hh_results_store(r, &m, &d, &a, &id2, &err) == HH_OK);
  CHECK(id1 == 1 && id2 == 2);
  /* listing with a filter, to memory */
  char *buf = NULL;
  size_t n = 0;
  FILE *f = open_memstream(&buf, &n);
  CHECK(r && hh_results_list(r, "bob", NULL, 1, f, &err) == HH_OK);
  fclose(f);
  CHECK(buf && strstr(buf, "\r\n2,") && !strstr(buf, "alice"));
  free(buf);
  hh_results_close(r);
  CHECK(one(path, "select count(*) from attempts") == 2);
  CHECK(one(path, "select count(*) from items where attempt = 2") == 3);
  CHECK(one(path, "select count(*) from deductions where attempt = 2") == 2);
  CHECK(one(path, "select aborted from attempts where id = 2") == 1);
  CHECK(one(path, "select cast(score as int) from attempts where id = 1") == 92);
  /* reopening keeps the data */
  r = hh_results_open(path, &err);
  CHECK(r != NULL);
  hh_results_close(r);
  CHECK(one(path, "select count(*) from attempts") == 2);

  /* a foreign database is refused and left as it was */
  sqlite3 *db = NULL;
  CHECK(sqlite3_open(foreign, &db) == SQLITE_OK);
  CHECK(sqlite3_exec(db, "create table t(x); insert into t values (42);", NULL, NULL, NULL) == SQLITE_OK);
  sqlite3_close(db);
  CHECK(hh_results_open(foreign, &err) == NULL && err.code == HH_E_RESULTS_DB);
  CHECK(one(foreign, "select count(*) from sqlite_master") == 1);

  /* the trace: a run 10 times longer than planned stays in the storage, in order */
  hh_model lim;
  hh_model_defaults(&lim);
  lim.time_limit_s = 10;
  hh_trace t;
  CHECK(hh_trace_init(&t, &lim, 0, &err) == HH_OK);
  int cap = t.cap;
  hh_data td;
  memset(&td, 0, sizeof td);
  for (uint64_t k = 1; k <= 6000; k++) {
    td.tick = k;
    td.time_s = (double)k / HH_TICK_HZ;
    td.metric[HH_M_SWAY_ANGLE] = (double)k;
    hh_trace_sample(&t, &td, k == 6000);
  }
  CHECK(t.cap == cap && t.n <= t.cap && t.n > cap / 4 && t.stride > HH_TRACE_STRIDE);
  int ordered = 1;
  for (int i = 1; i < t.n; i++) ordered &= t.v[i][HH_TRACE_TIME] > t.v[i - 1][HH_TRACE_TIME];
  CHECK(ordered);
  CHECK(t.n > 0 && t.v[t.n - 1][HH_TRACE_TIME] == 100.0); /* the last tick is kept */
  hh_trace_free(&t);

  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  CHECK(system(cmd) == 0);
  return hh_test_done("results_store");
}
