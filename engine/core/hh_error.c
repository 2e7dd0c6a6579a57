/* hh_error.c - located error records. */
#include "hh_error.h"
#include <stdarg.h>
#include <string.h>

hh_code hh_error_set(hh_error *err, hh_code code, const char *file, int line,
                     int column, const char *fmt, ...) {
  if (!err) return code;
  err->code = code;
  snprintf(err->file, sizeof err->file, "%s", file ? file : "");
  err->line = line;
  err->column = column;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err->text, sizeof err->text, fmt, ap);
  va_end(ap);
  return code;
}

void hh_error_print(const hh_error *err, FILE *out) {
  if (err->file[0]) {
    fputs(err->file, out);
    if (err->line > 0) fprintf(out, ":%d", err->line);
    if (err->line > 0 && err->column > 0) fprintf(out, ":%d", err->column);
    fputs(": ", out);
  }
  fprintf(out, "error E%d: %s\n", (int)err->code, err->text);
}

int hh_error_exit(hh_code code) {
  if (code == HH_OK) return 0;
  if (code >= 100 && code < 900) return 2;
  return 1;
}
