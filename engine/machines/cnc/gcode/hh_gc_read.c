/* hh_gc_read.c - phase 1: one source line into words (no allocation, C locale). */
#include "hh_gc_int.h"
#include "../../../core/hh_i18n.h"
#include "../../../core/hh_strtod.h"
#include <string.h>

/* letters a block may hold, per machine (G and M handled separately) */
#define B(c) HH_GC_BIT(c)
static const unsigned mill_letters = B('D') | B('F') | B('H') | B('I') | B('J') | B('K') |
                                     B('L') | B('N') | B('O') | B('P') | B('Q') | B('R') |
                                     B('S') | B('T') | B('X') | B('Y') | B('Z');
static const unsigned lathe_letters = B('F') | B('I') | B('K') | B('L') | B('N') | B('O') |
                                      B('P') | B('Q') | B('R') | B('S') | B('T') | B('U') |
                                      B('W') | B('X') | B('Z');
#undef B

/* val[] and col[] of every letter to zero, as plain stores: a memset of this size is
   inlined as `rep stos`, whose start-up cost was a third of the reader's time */
static void zero_words(hh_gc_block *b) {
#define Z4(k) b->val[k] = b->val[k + 1] = b->val[k + 2] = b->val[k + 3] = 0.0; \
  b->col[k] = b->col[k + 1] = b->col[k + 2] = b->col[k + 3] = 0
  Z4(0); Z4(4); Z4(8); Z4(12); Z4(16); Z4(20);
  b->val[24] = b->val[25] = 0.0;
  b->col[24] = b->col[25] = 0;
#undef Z4
}

/* read one line of text into b; syntax, unknown and repeated words are errors */
hh_code hh_gc_read(hh_gc_interp *in, const char *s, int line, hh_gc_block *b,
                   hh_error *err) {
  const char *file = in->prog ? in->prog->name : "MDI";
  /* every field a later phase reads without checking `seen` starts at zero; frac[],
     the comment text and the G/M lists past their counts are never read unset */
  zero_words(b);
  b->line = line;
  b->seen = b->fracbits = 0;
  b->ng = b->nm = 0;
  b->g[0] = b->gcol[0] = b->m[0] = b->mcol[0] = 0;
  b->comment[0] = '\0';
  b->has_comment = b->is_msg = b->deleted = b->has_o = b->empty = 0;
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
  const unsigned letters =
      in->setup.machine == HH_GC_LATHE ? lathe_letters : mill_letters;
  for (;;) {
    char c = s[i];
    unsigned up = (unsigned)(c | 32) - 'a'; /* 0..25 for a letter of either case */
    if (up < 26) { /* a word: letter, number (the common case first) */
      int col = i + 1, j = i + 1;
      c = (char)('A' + up);
      while (s[j] == ' ' || s[j] == '\t') j++;
      if (s[j] == '#' || s[j] == '[' || (c == 'O' && s[j] == '<'))
        return hh_error_set(err, HH_E_GCODE_UNSUPPORTED, file, line, j + 1,
                            hh_tr("variables, expressions and named O-words are not supported"));
      double v = 0;
      hh_dec_info info;
      int n = hh_strtod_dec(s + j, &v, &info);
      if (!n || info.int_digits > 18) /* none, or an absurdly long integer part */
        return hh_error_set(err, HH_E_GCODE_SYNTAX, file, line, col,
                            hh_tr("word %c without a number"), c);
      i = j + n;
      any = 1;
      int frac = info.point;
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
      unsigned bit = 1u << up;
      if (!(letters & bit))
        return hh_error_set(err, HH_E_GCODE_UNKNOWN_WORD, file, line, col,
                            hh_tr("word %c is not used on a %s"), c,
                            in->setup.machine == HH_GC_LATHE ? hh_tr("lathe") : hh_tr("mill"));
      if (b->seen & bit)
        return hh_error_set(err, HH_E_GCODE_REPEATED_WORD, file, line, col,
                            hh_tr("word %c repeated in one block (first at column %d)"), c,
                            b->col[up]);
      b->seen |= bit;
      b->fracbits |= frac ? bit : 0;
      b->val[up] = v;
      b->col[up] = col;
      b->frac[up] = frac;
      if (c == 'O') b->has_o = 1;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '%') { i++; continue; }
    if (c == '\0' || c == '\r' || c == '\n') break;
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
    if (c == '#' || c == '[')
      return hh_error_set(err, HH_E_GCODE_UNSUPPORTED, file, line, i + 1,
                          hh_tr("variables and expressions (%c) are not supported"), c);
    return hh_error_set(err, HH_E_GCODE_SYNTAX, file, line, i + 1,
                        hh_tr("unexpected character '%c'"), c);
  }
  b->empty = !any && !b->has_comment;
  return HH_OK;
}
