/* hh_gc_read.c - phase 1: one source line into words (no allocation, C locale). */
#include "hh_gc_int.h"
#include "../../../core/hh_i18n.h"
#include <string.h>

/* letters a block may hold, per machine (G and M handled separately) */
static int letter_ok(hh_gc_machine mach, char c) {
  const char *mill = "DFHIJKLNOPQRSTXYZ";
  const char *lathe = "FIKLNOPQRSTUWXZ";
  return strchr(mach == HH_GC_LATHE ? lathe : mill, c) != NULL;
}

/* parse a decimal number at s[*i]: sign, digits, point, digits; 0 if none.
   Exact mantissa / power of ten keeps it independent of the locale. */
static int read_number(const char *s, int *i, double *out, int *frac) {
  static const double p10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
                               1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18};
  int j = *i, neg = 0, digits = 0, scale = 0, point = 0;
  unsigned long long mant = 0;
  while (s[j] == ' ' || s[j] == '\t') j++;
  if (s[j] == '+' || s[j] == '-') neg = s[j++] == '-';
  for (;; j++) {
    char c = s[j];
    if (c >= '0' && c <= '9') {
      if (mant < 100000000000000000ull) {
        mant = mant * 10 + (unsigned)(c - '0');
        if (point) scale++;
      } else if (!point) {
        return 0; /* absurdly long integer part */
      }
      digits++;
    } else if (c == '.' && !point) {
      point = 1;
    } else {
      break;
    }
  }
  if (!digits) return 0;
  double v = (double)mant;
  if (scale) v /= p10[scale];
  *out = neg ? -v : v;
  *frac = point;
  *i = j;
  return 1;
}

/* read one line of text into b; syntax, unknown and repeated words are errors */
hh_code hh_gc_read(hh_gc_interp *in, const char *s, int line, hh_gc_block *b,
                   hh_error *err) {
  const char *file = in->prog ? in->prog->name : "MDI";
  memset(b, 0, sizeof *b);
  b->line = line;
  int i = 0;
  while (s[i] == ' ' || s[i] == '\t') i++;
  if (s[i] == '/') {
    if (in->setup.block_delete) {
      b->deleted = 1;
      b->empty = 1;
      return HH_OK;
    }
    i++;
  }
  int any = 0;
  for (;;) {
    char c = s[i];
    if (c == '\0' || c == '\r' || c == '\n') break;
    if (c == ' ' || c == '\t' || c == '%') { i++; continue; }
    if (c == ';') { /* rest of the line is a comment */
      i++;
      while (s[i] == ' ') i++;
      if (!b->has_comment) {
        snprintf(b->comment, sizeof b->comment, "%s", s + i);
        size_t n = strlen(b->comment);
        while (n && (b->comment[n - 1] == '\r' || b->comment[n - 1] == ' '))
          b->comment[--n] = '\0';
        b->has_comment = 1;
      }
      break;
    }
    if (c == '(') {
      int start = ++i, k = 0;
      while (s[i] && s[i] != ')' && s[i] != '\r' && s[i] != '\n') {
        if (s[i] == '(')
          return hh_error_set(err, HH_E_GCODE_SYNTAX, file, line, i + 1,
                              hh_tr("nested comment"));
        i++;
      }
      if (s[i] != ')')
        return hh_error_set(err, HH_E_GCODE_SYNTAX, file, line, start,
                            hh_tr("comment not closed with ')'"));
      if (!b->has_comment) {
        const char *t = s + start;
        int len = i - start;
        if (len >= 4 && (t[0] | 32) == 'm' && (t[1] | 32) == 's' && (t[2] | 32) == 'g' &&
            t[3] == ',') {
          b->is_msg = 1;
          t += 4;
          len -= 4;
          while (len && *t == ' ') { t++; len--; }
        }
        for (k = 0; k < len && k < HH_CANON_TEXT - 1; k++) b->comment[k] = t[k];
        b->comment[k] = '\0';
        b->has_comment = 1;
      }
      i++;
      continue;
    }
    int col = i + 1;
    if (c >= 'a' && c <= 'z') c = (char)(c - 32);
    if (c == '#' || c == '[')
      return hh_error_set(err, HH_E_GCODE_UNSUPPORTED, file, line, col,
                          hh_tr("variables and expressions (%c) are not supported"), c);
    if (c < 'A' || c > 'Z')
      return hh_error_set(err, HH_E_GCODE_SYNTAX, file, line, col,
                          hh_tr("unexpected character '%c'"), c);
    i++;
    {
      int j = i;
      while (s[j] == ' ' || s[j] == '\t') j++;
      if (s[j] == '#' || s[j] == '[' || (c == 'O' && s[j] == '<'))
        return hh_error_set(err, HH_E_GCODE_UNSUPPORTED, file, line, j + 1,
                            hh_tr("variables, expressions and named O-words are not supported"));
    }
    double v = 0;
    int frac = 0;
    if (!read_number(s, &i, &v, &frac))
      return hh_error_set(err, HH_E_GCODE_SYNTAX, file, line, col,
                          hh_tr("word %c without a number"), c);
    any = 1;
    if (c == 'G') {
      if (frac && v != (double)(long)v)
        return hh_error_set(err, HH_E_GCODE_UNSUPPORTED, file, line, col,
                            hh_tr("G%g is not supported"), v);
      if (b->ng == HH_GC_MAX_G)
        return hh_error_set(err, HH_E_GCODE_SYNTAX, file, line, col,
                            hh_tr("too many G codes in one block"));
      b->gcol[b->ng] = col;
      b->g[b->ng++] = (int)v;
      continue;
    }
    if (c == 'M') {
      if (frac && v != (double)(long)v)
        return hh_error_set(err, HH_E_GCODE_INTEGER, file, line, col,
                            hh_tr("M code must be an integer (M%g)"), v);
      if (b->nm == HH_GC_MAX_M)
        return hh_error_set(err, HH_E_GCODE_SYNTAX, file, line, col,
                            hh_tr("too many M codes in one block"));
      b->mcol[b->nm] = col;
      b->m[b->nm++] = (int)v;
      continue;
    }
    if (!letter_ok(in->setup.machine, c))
      return hh_error_set(err, HH_E_GCODE_UNKNOWN_WORD, file, line, col,
                          hh_tr("word %c is not used on a %s"), c,
                          in->setup.machine == HH_GC_LATHE ? hh_tr("lathe") : hh_tr("mill"));
    int k = c - 'A';
    if (b->seen & HH_GC_BIT(c))
      return hh_error_set(err, HH_E_GCODE_REPEATED_WORD, file, line, col,
                          hh_tr("word %c repeated in one block (first at column %d)"), c,
                          b->col[k]);
    b->seen |= HH_GC_BIT(c);
    b->val[k] = v;
    b->col[k] = col;
    b->frac[k] = frac;
    if (c == 'O') b->has_o = 1;
  }
  b->empty = !any && !b->has_comment;
  return HH_OK;
}
