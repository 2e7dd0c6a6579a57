/* hh_cmd_gcode.c - `haihe gcode FILE --trace [--machine mill|lathe] [--tools FILE]`: run the G-code
 * interpreter on a file and print its canonical operations, one per line, in mm.
 * `--bench N` interprets the file N times without printing and reports lines/s. */
#include "hh_cli.h"
#include "../core/hh_i18n.h"
#include "../machines/cnc/gcode/hh_gcode.h"
#include "hh_gcode_trace.h"
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* trace output: lines gathered in a large buffer and written with fwrite */
typedef struct trace_out {
  FILE *f;
  size_t n;                 /* bytes waiting in buf */
  char buf[1 << 16];
} trace_out;

/* write the waiting bytes */
static void trace_flush(trace_out *t) {
  if (t->n) fwrite(t->buf, 1, t->n, t->f);
  t->n = 0;
}

/* sink that appends each op's trace line (hh_gcode_trace_line) to the buffer */
static int print_op(void *user, const hh_canon_op *op) {
  trace_out *t = user;
  if (sizeof t->buf - t->n < HH_GCODE_TRACE_LINE_MAX + 1) trace_flush(t);
  t->n += (size_t)hh_gcode_trace_line(op, t->buf + t->n);
  t->buf[t->n++] = '\n';
  return 0;
}

/* sink that only counts ops */
static int count_op(void *user, const hh_canon_op *op) {
  (void)op;
  (*(long *)user)++;
  return 0;
}

/* read a whole file into a new buffer with one spare byte at the end (for a NUL) */
static char *slurp(const char *path, size_t *len, hh_error *err) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    hh_error_set(err, HH_E_FILE_NOT_FOUND, path, 0, 0, "%s", hh_tr("cannot open G-code file"));
    return NULL;
  }
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *buf = malloc(n > 0 ? (size_t)n + 1 : 1);
  if (!buf) {
    fclose(f);
    hh_error_set(err, HH_E_NOMEM, path, 0, 0, "%s", hh_tr("out of memory"));
    return NULL;
  }
  *len = n > 0 ? fread(buf, 1, (size_t)n, f) : 0;
  fclose(f);
  return buf;
}

/* monotonic seconds */
static double now_s(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

/* `haihe gcode FILE [--trace] [--machine mill|lathe] [--tools FILE] [--bench N]` */
int hh_cmd_gcode(int argc, char **argv) {
  const char *file = NULL, *tools = NULL;
  int trace = 0, bench = 0;
  hh_gc_machine mach = HH_GC_MILL;
  for (int i = 2; i < argc; i++) {
    if (!strcmp(argv[i], "--trace")) trace = 1;
    else if (!strcmp(argv[i], "--machine")) {
      if (i + 1 >= argc) return hh_cli_usage_error("%s: --machine", hh_tr("missing value"));
      const char *v = argv[++i];
      if (!strcmp(v, "mill")) mach = HH_GC_MILL;
      else if (!strcmp(v, "lathe")) mach = HH_GC_LATHE;
      else return hh_cli_usage_error("%s: '%s' (mill, lathe)", hh_tr("unknown machine"), v);
    } else if (!strcmp(argv[i], "--tools")) {
      if (i + 1 >= argc) return hh_cli_usage_error("%s: --tools", hh_tr("missing value"));
      tools = argv[++i];
    } else if (!strcmp(argv[i], "--bench")) {
      if (i + 1 >= argc) return hh_cli_usage_error("%s: --bench", hh_tr("missing value"));
      bench = atoi(argv[++i]);
      if (bench < 1) return hh_cli_usage_error("%s: --bench", hh_tr("expected a number"));
    } else if (argv[i][0] == '-') {
      return hh_cli_usage_error("%s: %s", hh_tr("unknown option"), argv[i]);
    } else if (!file) {
      file = argv[i];
    } else {
      return hh_cli_usage_error("%s: %s", hh_tr("unexpected argument"), argv[i]);
    }
  }
  if (!file) return hh_cli_usage_error("%s", hh_tr("gcode: missing the program file"));
  hh_error err;
  memset(&err, 0, sizeof err);
  size_t len = 0;
  char *text = slurp(file, &len, &err);
  if (!text) return hh_cli_fail(&err);
  hh_gc_program prog;
  hh_code r = hh_gc_program_adopt(&prog, text, len, file, &err); /* owns text now */
  if (r) return hh_cli_fail(&err);
  hh_gc_setup setup;
  hh_gc_setup_defaults(&setup, mach);
  if (tools) {
    size_t tlen = 0;
    char *ttext = slurp(tools, &tlen, &err);
    if (!ttext) {
      hh_gc_program_free(&prog);
      return hh_cli_fail(&err);
    }
    r = hh_gc_tools_load(&setup, ttext, tlen, tools, &err);
    free(ttext);
    if (r) {
      hh_gc_program_free(&prog);
      return hh_cli_fail(&err);
    }
  }
  hh_gc_interp *in = malloc(sizeof *in);
  if (!in) {
    hh_gc_program_free(&prog);
    hh_error_set(&err, HH_E_NOMEM, file, 0, 0, "%s", hh_tr("out of memory"));
    return hh_cli_fail(&err);
  }
  long ops = 0;
  if (bench) {
    hh_canon_sink sink = {count_op, &ops};
    double t0 = now_s();
    for (int k = 0; k < bench && !r; k++) {
      hh_gc_init(in, &setup, &prog);
      r = hh_gc_run(in, &sink, &err);
    }
    double dt = now_s() - t0;
    if (!r)
      printf(hh_tr("%d lines x %d runs in %.3f s: %.0f lines/s, %ld operations\n"),
             prog.nlines, bench, dt, dt > 0 ? (double)prog.nlines * bench / dt : 0.0, ops);
  } else {
    trace_out *out = trace ? malloc(sizeof *out) : NULL;
    if (trace && !out) {
      free(in);
      hh_gc_program_free(&prog);
      hh_error_set(&err, HH_E_NOMEM, file, 0, 0, "%s", hh_tr("out of memory"));
      return hh_cli_fail(&err);
    }
    if (out) {
      out->f = stdout;
      out->n = 0;
    }
    hh_canon_sink sink = {trace ? print_op : count_op, trace ? (void *)out : (void *)&ops};
    hh_gc_init(in, &setup, &prog);
    r = hh_gc_run(in, &sink, &err);
    if (out) trace_flush(out); /* the lines before an error, as before */
    free(out);
    if (!r && !trace) printf(hh_tr("%s: ok, %d blocks\n"), file, in->blocks);
  }
  free(in);
  hh_gc_program_free(&prog);
  return r ? hh_cli_fail(&err) : 0;
}
