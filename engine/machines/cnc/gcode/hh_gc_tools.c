/* hh_gc_tools.c - tool table text (LinuxCNC tool-table syntax, millimetres) into
 * the offset registers of a setup: `T1 P1 X0 Z12.5 D6 Q3 ; comment`. */
#include "hh_gc_int.h"
#include "../../../core/hh_i18n.h"
#include <stdlib.h>
#include <string.h>

/* parse one number at s (C locale digits only); 0 if none */
static int number(const char *s, int *i, double *v) {
  int j = *i, digits = 0, point = 0;
  double mant = 0, scale = 1;
  int neg = 0;
  if (s[j] == '+' || s[j] == '-') neg = s[j++] == '-';
  for (;; j++) {
    if (s[j] >= '0' && s[j] <= '9') {
      mant = mant * 10 + (s[j] - '0');
      if (point) scale *= 10;
      digits++;
    } else if (s[j] == '.' && !point) {
      point = 1;
    } else {
      break;
    }
  }
  if (!digits) return 0;
  *v = (neg ? -mant : mant) / scale;
  *i = j;
  return 1;
}

/* read tool table text into s->tool[]; T is the offset register (1..99); X (lathe:
   a diameter value in diameter mode), Z length / Z offset, D diameter or R radius,
   Q tip direction; P, Y, I, J and comments are ignored */
hh_code hh_gc_tools_load(hh_gc_setup *s, const char *text, size_t len, const char *name,
                         hh_error *err) {
  int line = 1;
  size_t i = 0;
  char buf[512];
  while (i < len) {
    size_t k = 0;
    while (i < len && text[i] != '\n') {
      if (k < sizeof buf - 1) buf[k++] = text[i];
      i++;
    }
    buf[k] = '\0';
    i++;
    int j = 0, t = -1;
    double x = 0, z = 0, rad = 0;
    int tip = 0;
    while (buf[j]) {
      char c = buf[j];
      if (c == ';' || c == '#' || c == '\r') break;
      if (c == ' ' || c == '\t') { j++; continue; }
      int col = j + 1;
      if (c >= 'a' && c <= 'z') c = (char)(c - 32);
      j++;
      double v;
      if (c < 'A' || c > 'Z' || !number(buf, &j, &v))
        return hh_error_set(err, HH_E_GCODE_SYNTAX, name, line, col, "%s",
                            hh_tr("tool table: expected a letter and a number"));
      switch (c) {
      case 'T':
        if (v != (int)v || v < 1 || v >= HH_GC_TOOLS)
          return hh_error_set(err, HH_E_GCODE_RANGE, name, line, col, "%s",
                              hh_tr("tool table: T must be a register 1..99"));
        t = (int)v;
        break;
      case 'X': x = v; break;
      case 'Z': z = v; break;
      case 'D': rad = v / 2; break;
      case 'R': rad = v; break;
      case 'Q':
        if (v != (int)v || v < 0 || v > 9)
          return hh_error_set(err, HH_E_GCODE_RANGE, name, line, col, "%s",
                              hh_tr("tool table: tip direction Q must be 0..9"));
        tip = (int)v;
        break;
      case 'P': case 'Y': case 'I': case 'J': case 'A': case 'B': case 'C': case 'U':
      case 'V': case 'W': break;
      default:
        return hh_error_set(err, HH_E_GCODE_UNKNOWN_WORD, name, line, col, "%s",
                            hh_tr("tool table: unknown field"));
      }
      if (rad < 0)
        return hh_error_set(err, HH_E_GCODE_RANGE, name, line, col, "%s",
                            hh_tr("tool table: radius must not be negative"));
    }
    if (j > 0 || buf[0]) {
      int blank = 1;
      for (int q = 0; buf[q] && buf[q] != ';' && buf[q] != '#'; q++)
        if (buf[q] != ' ' && buf[q] != '\t' && buf[q] != '\r') blank = 0;
      if (!blank && t < 0)
        return hh_error_set(err, HH_E_GCODE_MISSING_WORD, name, line, 1, "%s",
                            hh_tr("tool table: line without T"));
    }
    if (t > 0) {
      hh_gc_tool *tt = &s->tool[t];
      int dia = s->machine == HH_GC_LATHE && s->diameter_mode;
      tt->length = z * 0.001;
      tt->radius = rad * 0.001;
      tt->xoff = x * 0.001 * (dia ? 0.5 : 1.0);
      tt->tip = tip;
    }
    line++;
  }
  return HH_OK;
}
