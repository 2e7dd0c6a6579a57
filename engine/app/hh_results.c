/* hh_results.c - the SQLite results store (schema in docs/debrief.md). Journal in
 * WAL mode with synchronous=FULL; each attempt is one BEGIN IMMEDIATE ... COMMIT, so
 * a process killed at any moment leaves either the whole attempt or none of it. */
#define _DEFAULT_SOURCE
#include "hh_results.h"
#include "hh_cli.h"
#include "hh_report.h"
#include "../core/hh_i18n.h"
#include <errno.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define SCHEMA_ID "haihe-results 1"

struct hh_results {
  sqlite3 *db;
  char path[HH_PATH];
};

/* judgement ("J") items of each attempt: max points, whether marks count (0 when the
   attempt or the item's section was zeroed), the judge's mark (NULL: pending) */
#define JUDGEMENTS \
    "CREATE TABLE IF NOT EXISTS judgements(" \
    " attempt INTEGER NOT NULL REFERENCES attempts(id), item TEXT NOT NULL," \
    " max REAL NOT NULL, counts INTEGER NOT NULL, points REAL, judge TEXT, marked TEXT," \
    " PRIMARY KEY(attempt, item));"

static const char SCHEMA[] =
    "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "CREATE TABLE IF NOT EXISTS attempts("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " trainee TEXT NOT NULL, scenario TEXT NOT NULL, content_hash TEXT NOT NULL,"
    " build TEXT NOT NULL, started TEXT NOT NULL,"
    " sim_seconds REAL NOT NULL, ticks INTEGER NOT NULL,"
    " score REAL NOT NULL, max_score REAL NOT NULL, passed INTEGER NOT NULL,"
    " critical TEXT NOT NULL, aborted INTEGER NOT NULL, competition INTEGER NOT NULL,"
    " controls TEXT NOT NULL, state_hash TEXT NOT NULL, replay TEXT,"
    " n_items INTEGER NOT NULL, n_deductions INTEGER NOT NULL);"
    "CREATE TABLE IF NOT EXISTS items("
    " attempt INTEGER NOT NULL REFERENCES attempts(id), idx INTEGER NOT NULL,"
    " item TEXT NOT NULL, section TEXT NOT NULL, deducted REAL NOT NULL,"
    " count INTEGER NOT NULL, max REAL NOT NULL, standard TEXT NOT NULL,"
    " clause TEXT NOT NULL, text_en TEXT NOT NULL, text_zh TEXT NOT NULL,"
    " PRIMARY KEY(attempt, idx));"
    "CREATE TABLE IF NOT EXISTS deductions("
    " attempt INTEGER NOT NULL REFERENCES attempts(id), seq INTEGER NOT NULL,"
    " tick INTEGER NOT NULL, time_s REAL NOT NULL, item TEXT NOT NULL,"
    " value REAL NOT NULL, deducted REAL NOT NULL, PRIMARY KEY(attempt, seq));"
    JUDGEMENTS
    "CREATE INDEX IF NOT EXISTS attempts_trainee ON attempts(trainee);"
    "CREATE INDEX IF NOT EXISTS attempts_scenario ON attempts(scenario);"
    "INSERT OR IGNORE INTO meta(key, value) VALUES('schema', '" SCHEMA_ID "');";

/* mkdir -p of path (0700 for folders it creates) */
static int mkdirs(char *path) {
  for (char *p = path + 1; *p; p++) {
    if (*p != '/') continue;
    *p = '\0';
    int bad = mkdir(path, 0700) != 0 && errno != EEXIST;
    *p = '/';
    if (bad) return -1;
  }
  return mkdir(path, 0700) != 0 && errno != EEXIST ? -1 : 0;
}

/* $XDG_DATA_HOME/haihe or $HOME/.local/share/haihe, created when asked */
int hh_data_dir(char *out, size_t cap, int create, hh_error *err) {
  const char *x = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
  int n;
  if (x && x[0] == '/') n = snprintf(out, cap, "%s/haihe", x);
  else if (home && home[0]) n = snprintf(out, cap, "%s/.local/share/haihe", home);
  else
    return hh_error_set(err, HH_E_FILE_WRITE, "", 0, 0, "%s",
                        hh_tr("no data folder: neither XDG_DATA_HOME nor HOME is set"));
  if (n < 0 || (size_t)n >= cap)
    return hh_error_set(err, HH_E_FILE_WRITE, out, 0, 0, "%s", hh_tr("path too long"));
  if (create && mkdirs(out) != 0)
    return hh_error_set(err, HH_E_FILE_WRITE, out, 0, 0, hh_tr("cannot create the data folder: %s"),
                        strerror(errno));
  return HH_OK;
}

/* <data dir>/results.db */
int hh_results_default_path(char *out, size_t cap, hh_error *err) {
  char dir[HH_PATH];
  int rc = hh_data_dir(dir, sizeof dir, 1, err);
  if (rc) return rc;
  if ((size_t)snprintf(out, cap, "%s/results.db", dir) >= cap)
    return hh_error_set(err, HH_E_FILE_WRITE, dir, 0, 0, "%s", hh_tr("path too long"));
  return HH_OK;
}

/* set E104 with the database's message */
int hh_results_db_fail(hh_results *r, hh_error *err, const char *what) {
  return hh_error_set(err, HH_E_RESULTS_DB, r->path, 0, 0, "%s: %s", what,
                      r->db ? sqlite3_errmsg(r->db) : "-");
}

/* the SQLite handle and path (for hh_results_judge.c) */
sqlite3 *hh_results_sqlite(hh_results *r) { return r->db; }
const char *hh_results_path(const hh_results *r) { return r->path; }

/* run SQL without results */
static int exec(hh_results *r, const char *sql, hh_error *err, const char *what) {
  if (sqlite3_exec(r->db, sql, NULL, NULL, NULL) != SQLITE_OK) return hh_results_db_fail(r, err, what);
  return HH_OK;
}

/* the schema id stored in meta, or "" when the database has no meta table */
static int schema_of(hh_results *r, char *out, size_t cap, int *tables, hh_error *err) {
  sqlite3_stmt *st = NULL;
  out[0] = '\0';
  *tables = 0;
  if (sqlite3_prepare_v2(r->db, "SELECT count(*) FROM sqlite_master", -1, &st, NULL) != SQLITE_OK)
    return hh_results_db_fail(r, err, hh_tr("not a results database"));
  if (sqlite3_step(st) == SQLITE_ROW) *tables = sqlite3_column_int(st, 0);
  sqlite3_finalize(st);
  if (sqlite3_prepare_v2(r->db, "SELECT value FROM meta WHERE key='schema'", -1, &st, NULL) ==
      SQLITE_OK) {
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
      snprintf(out, cap, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
  }
  return HH_OK;
}

/* 1 when the database has a table of that name */
static int has_table(hh_results *r, const char *name) {
  sqlite3_stmt *st = NULL;
  int yes = 0;
  if (sqlite3_prepare_v2(r->db, "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?",
                         -1, &st, NULL) != SQLITE_OK)
    return 0;
  sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
  yes = sqlite3_step(st) == SQLITE_ROW;
  sqlite3_finalize(st);
  return yes;
}

/* open or create the database at path and check it is a Haihe results database */
hh_results *hh_results_open(const char *path, hh_error *err) {
  hh_results *r = calloc(1, sizeof *r);
  if (!r) {
    hh_error_set(err, HH_E_NOMEM, path, 0, 0, "%s", hh_tr("out of memory"));
    return NULL;
  }
  snprintf(r->path, sizeof r->path, "%s", path);
  struct stat st;
  int rc = HH_OK;
  if (stat(path, &st) == 0 && !S_ISREG(st.st_mode))
    rc = hh_error_set(err, HH_E_RESULTS_DB, path, 0, 0, "%s",
                      hh_tr("results database path is not a regular file"));
  if (!rc && sqlite3_open_v2(path, &r->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
                 SQLITE_OK)
    rc = hh_results_db_fail(r, err, hh_tr("cannot open results database"));
  if (!rc) sqlite3_busy_timeout(r->db, 15000);
  char schema[64];
  int tables = 0;
  if (!rc) rc = schema_of(r, schema, sizeof schema, &tables, err);
  if (!rc && tables > 0 && strcmp(schema, SCHEMA_ID) != 0)
    rc = hh_error_set(err, HH_E_RESULTS_DB, path, 0, 0, "%s",
                      hh_tr("not a Haihe results database (it holds other tables)"));
  if (!rc) rc = exec(r, "PRAGMA journal_mode=WAL", err, hh_tr("cannot open results database"));
  if (!rc) rc = exec(r, "PRAGMA synchronous=FULL", err, hh_tr("cannot open results database"));
  if (!rc && tables > 0 && !has_table(r, "judgements")) {
    rc = exec(r, "BEGIN IMMEDIATE", err, hh_tr("cannot create the results tables"));
    if (!rc && exec(r, JUDGEMENTS, err, hh_tr("cannot create the results tables")) != HH_OK) {
      rc = err ? err->code : HH_E_RESULTS_DB;
      sqlite3_exec(r->db, "ROLLBACK", NULL, NULL, NULL);
    }
    if (!rc) rc = exec(r, "COMMIT", err, hh_tr("cannot create the results tables"));
  }
  if (!rc && tables == 0) {
    rc = exec(r, "BEGIN IMMEDIATE", err, hh_tr("cannot create the results tables"));
    if (!rc && exec(r, SCHEMA, err, hh_tr("cannot create the results tables")) != HH_OK) {
      rc = err ? err->code : HH_E_RESULTS_DB;
      sqlite3_exec(r->db, "ROLLBACK", NULL, NULL, NULL);
    }
    if (!rc) rc = exec(r, "COMMIT", err, hh_tr("cannot create the results tables"));
  }
  if (rc) {
    hh_results_close(r);
    return NULL;
  }
  return r;
}

/* close the database */
void hh_results_close(hh_results *r) {
  if (!r) return;
  if (r->db) sqlite3_close(r->db);
  free(r);
}

/* test hook (HAIHE_RESULTS_TEST_DELAY_US): say where the write is and slow it down, so
   the SIGKILL test lands inside transactions */
static void test_hook(const char *where) {
  const char *v = getenv("HAIHE_RESULTS_TEST_DELAY_US");
  if (!v || !v[0]) return;
  fprintf(stderr, "results-test: %s\n", where);
  fflush(stderr);
  usleep((useconds_t)atoi(v));
}

/* bind text or NULL */
static void bind_text(sqlite3_stmt *st, int i, const char *s) {
  if (s) sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
  else sqlite3_bind_null(st, i);
}

/* insert the attempt row; *id gets its row id */
static int insert_attempt(hh_results *r, const hh_model *m, const hh_data *d,
                          const hh_attempt_info *a, int64_t *id, hh_error *err) {
  static const char sql[] =
      "INSERT INTO attempts(trainee, scenario, content_hash, build, started, sim_seconds,"
      " ticks, score, max_score, passed, critical, aborted, competition, controls,"
      " state_hash, replay, n_items, n_deductions)"
      " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(r->db, sql, -1, &st, NULL) != SQLITE_OK)
    return hh_results_db_fail(r, err, hh_tr("cannot store the attempt"));
  char hash[24], shash[24], when[32], crit[HH_MAX_RULES * 33] = "";
  snprintf(hash, sizeof hash, "%016llx", (unsigned long long)m->content_hash);
  snprintf(shash, sizeof shash, "%016llx", (unsigned long long)hh_data_hash(d));
  struct tm tm;
  gmtime_r(&a->started, &tm);
  strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
  const hh_rubric *rb = &m->rubric;
  for (int i = 0; i < rb->n_rules; i++)
    if (hh_report_failed_by(rb, &d->rubric, i)) { /* faults that fail the attempt */
      if (crit[0]) strcat(crit, ",");
      strcat(crit, rb->rule[i].id);
    }
  bind_text(st, 1, a->trainee ? a->trainee : "");
  bind_text(st, 2, m->id);
  bind_text(st, 3, hash);
  bind_text(st, 4, HH_BUILD_ID);
  bind_text(st, 5, when);
  sqlite3_bind_double(st, 6, d->time_s);
  sqlite3_bind_int64(st, 7, (sqlite3_int64)d->tick);
  sqlite3_bind_double(st, 8, hh_score(m, d));
  sqlite3_bind_double(st, 9, rb->max_score);
  sqlite3_bind_int(st, 10, hh_passed(m, d));
  bind_text(st, 11, crit);
  sqlite3_bind_int(st, 12, a->aborted != 0);
  sqlite3_bind_int(st, 13, a->competition != 0);
  bind_text(st, 14, a->controls ? a->controls : "devices");
  bind_text(st, 15, shash);
  bind_text(st, 16, a->replay);
  sqlite3_bind_int(st, 17, rb->n_rules);
  sqlite3_bind_int(st, 18, d->rubric.log_len);
  int ok = sqlite3_step(st) == SQLITE_DONE;
  sqlite3_finalize(st);
  if (!ok) return hh_results_db_fail(r, err, hh_tr("cannot store the attempt"));
  *id = sqlite3_last_insert_rowid(r->db);
  return HH_OK;
}

/* insert one row per rubric item */
static int insert_items(hh_results *r, const hh_model *m, const hh_data *d, int64_t id,
                        hh_error *err) {
  static const char sql[] =
      "INSERT INTO items(attempt, idx, item, section, deducted, count, max, standard,"
      " clause, text_en, text_zh) VALUES(?,?,?,?,?,?,?,?,?,?,?)";
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(r->db, sql, -1, &st, NULL) != SQLITE_OK)
    return hh_results_db_fail(r, err, hh_tr("cannot store the attempt"));
  const hh_rubric *rb = &m->rubric;
  int ok = 1;
  for (int i = 0; ok && i < rb->n_rules; i++) {
    const hh_rule *u = &rb->rule[i];
    sqlite3_reset(st);
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_int(st, 2, i);
    bind_text(st, 3, u->id);
    bind_text(st, 4, u->section >= 0 && u->section < rb->n_sections ? rb->section_name[u->section] : "");
    sqlite3_bind_double(st, 5, d->rubric.r[i].deducted);
    sqlite3_bind_int(st, 6, d->rubric.r[i].count);
    sqlite3_bind_double(st, 7, u->cap);
    bind_text(st, 8, u->standard);
    bind_text(st, 9, u->clause);
    bind_text(st, 10, u->text_en);
    bind_text(st, 11, u->text_zh);
    ok = sqlite3_step(st) == SQLITE_DONE;
    if (i == 0) test_hook("items");
  }
  sqlite3_finalize(st);
  return ok ? HH_OK : hh_results_db_fail(r, err, hh_tr("cannot store the attempt"));
}

/* insert one row per logged deduction */
static int insert_events(hh_results *r, const hh_model *m, const hh_data *d, int64_t id,
                         hh_error *err) {
  static const char sql[] =
      "INSERT INTO deductions(attempt, seq, tick, time_s, item, value, deducted)"
      " VALUES(?,?,?,?,?,?,?)";
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(r->db, sql, -1, &st, NULL) != SQLITE_OK)
    return hh_results_db_fail(r, err, hh_tr("cannot store the attempt"));
  int ok = 1;
  for (int k = 0; ok && k < d->rubric.log_len; k++) {
    const hh_event *e = &d->rubric.log[k];
    sqlite3_reset(st);
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_int(st, 2, k);
    sqlite3_bind_int64(st, 3, (sqlite3_int64)e->tick);
    sqlite3_bind_double(st, 4, e->time_s);
    bind_text(st, 5, e->rule >= 0 && e->rule < m->rubric.n_rules ? m->rubric.rule[e->rule].id : "");
    sqlite3_bind_double(st, 6, e->value);
    sqlite3_bind_double(st, 7, e->deducted);
    ok = sqlite3_step(st) == SQLITE_DONE;
  }
  sqlite3_finalize(st);
  return ok ? HH_OK : hh_results_db_fail(r, err, hh_tr("cannot store the attempt"));
}

/* insert one row per judgement item (mark pending unless already entered) */
static int insert_judgements(hh_results *r, const hh_model *m, const hh_data *d, int64_t id,
                             hh_error *err) {
  static const char sql[] =
      "INSERT INTO judgements(attempt, item, max, counts, points) VALUES(?,?,?,?,?)";
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(r->db, sql, -1, &st, NULL) != SQLITE_OK)
    return hh_results_db_fail(r, err, hh_tr("cannot store the attempt"));
  const hh_rubric *rb = &m->rubric;
  int ok = 1;
  for (int i = 0; ok && i < rb->n_rules; i++) {
    const hh_rule *u = &rb->rule[i];
    if (u->kind != HH_RULE_JUDGE) continue;
    const hh_rule_state *rs = &d->rubric.r[i];
    int zeroed = d->rubric.zeroed ||
                 (u->section >= 0 && u->section < rb->n_sections && d->rubric.sec_zeroed[u->section]);
    sqlite3_reset(st);
    sqlite3_bind_int64(st, 1, id);
    bind_text(st, 2, u->id);
    sqlite3_bind_double(st, 3, u->cap);
    sqlite3_bind_int(st, 4, !zeroed);
    if (rs->judged) sqlite3_bind_double(st, 5, rs->awarded);
    else sqlite3_bind_null(st, 5);
    ok = sqlite3_step(st) == SQLITE_DONE;
  }
  sqlite3_finalize(st);
  return ok ? HH_OK : hh_results_db_fail(r, err, hh_tr("cannot store the attempt"));
}

/* store one attempt in one transaction */
int hh_results_store(hh_results *r, const hh_model *m, const hh_data *d,
                     const hh_attempt_info *a, int64_t *id, hh_error *err) {
  int64_t rid = 0;
  int rc = exec(r, "BEGIN IMMEDIATE", err, hh_tr("cannot store the attempt"));
  if (rc) return rc;
  test_hook("begin");
  rc = insert_attempt(r, m, d, a, &rid, err);
  test_hook("attempt");
  if (!rc) rc = insert_items(r, m, d, rid, err);
  if (!rc) rc = insert_judgements(r, m, d, rid, err);
  test_hook("deductions");
  if (!rc) rc = insert_events(r, m, d, rid, err);
  test_hook("commit");
  if (!rc) rc = exec(r, "COMMIT", err, hh_tr("cannot store the attempt"));
  if (rc) {
    sqlite3_exec(r->db, "ROLLBACK", NULL, NULL, NULL);
    return rc;
  }
  test_hook("stored");
  if (id) *id = rid;
  return HH_OK;
}

/* one CSV field (RFC 4180) */
static void csv_field(FILE *f, const char *s) {
  if (!s) s = "";
  if (!strpbrk(s, ",\"\r\n")) {
    fputs(s, f);
    return;
  }
  fputc('"', f);
  for (; *s; s++) {
    if (*s == '"') fputc('"', f);
    fputc(*s, f);
  }
  fputc('"', f);
}

/* list the stored attempts (filtered) as a table or CSV, oldest first */
int hh_results_list(hh_results *r, const char *trainee, const char *scenario, int csv,
                    FILE *out, hh_error *err) {
  static const char sql[] =
      "SELECT id, started, trainee, scenario, content_hash, build, score, max_score, passed,"
      " critical, aborted, competition, controls, sim_seconds, state_hash, replay,"
      " (SELECT count(*) FROM judgements j WHERE j.attempt = attempts.id AND j.points IS NULL),"
      " (SELECT total(j.max) FROM judgements j WHERE j.attempt = attempts.id AND j.points IS NULL),"
      " (SELECT total(j.points) FROM judgements j WHERE j.attempt = attempts.id AND j.counts = 1)"
      " FROM attempts WHERE (?1 IS NULL OR trainee = ?1) AND (?2 IS NULL OR scenario = ?2)"
      " ORDER BY id";
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(r->db, sql, -1, &st, NULL) != SQLITE_OK)
    return hh_results_db_fail(r, err, hh_tr("cannot read the results"));
  bind_text(st, 1, trainee);
  bind_text(st, 2, scenario);
  if (csv)
    fputs("id,started,trainee,scenario,content_hash,build,score,max_score,passed,critical,"
          "aborted,competition,controls,sim_seconds,state_hash,replay,judged,judge_pending,"
          "total\r\n", out);
  else
    fprintf(out, "%-5s %-20s %-12s %-28s %13s %10s  %-10s %s\n", hh_tr("id"), hh_tr("started (UTC)"),
            hh_tr("trainee"), hh_tr("scenario"), hh_tr("score"), hh_tr("total"), hh_tr("result"),
            hh_tr("replay"));
  int n = 0, rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    n++;
    const char *col[16];
    for (int i = 0; i < 16; i++) col[i] = (const char *)sqlite3_column_text(st, i);
    /* the total: objective score plus the judges' marks, once every J item is marked */
    int n_pending = sqlite3_column_int(st, 16);
    double judged = sqlite3_column_double(st, 18);
    char total[48] = "", jd[48], jp[48];
    if (!n_pending) snprintf(total, sizeof total, "%.17g", sqlite3_column_double(st, 6) + judged);
    snprintf(jd, sizeof jd, "%.17g", judged);
    snprintf(jp, sizeof jp, "%.17g", sqlite3_column_double(st, 17));
    if (csv) {
      for (int i = 0; i < 16; i++) {
        if (i) fputc(',', out);
        csv_field(out, col[i]);
      }
      fprintf(out, ",%s,%s,%s\r\n", jd, jp, total); /* total empty while pending */
      continue;
    }
    if (n_pending) snprintf(total, sizeof total, "%s", hh_tr("pending"));
    else snprintf(total, sizeof total, "%.2f", sqlite3_column_double(st, 6) + judged);
    char score[48], res[64];
    snprintf(score, sizeof score, "%.2f/%.0f", sqlite3_column_double(st, 6),
             sqlite3_column_double(st, 7));
    snprintf(res, sizeof res, "%s%s%s", sqlite3_column_int(st, 8) ? hh_tr("passed") : hh_tr("failed"),
             sqlite3_column_int(st, 10) ? hh_tr(",aborted") : "",
             sqlite3_column_int(st, 11) ? hh_tr(",competition") : "");
    fprintf(out, "%-5s %-20s %-12s %-28s %13s %10s  %-10s %s\n", col[0], col[1],
            col[2] && col[2][0] ? col[2] : "-", col[3], score, total, res, col[15] ? col[15] : "-");
  }
  sqlite3_finalize(st);
  if (rc != SQLITE_DONE) return hh_results_db_fail(r, err, hh_tr("cannot read the results"));
  if (!csv) fprintf(out, hh_tr("%d attempts\n"), n);
  return HH_OK;
}
