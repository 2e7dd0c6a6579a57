/* hh_rtext.c - one line of text made ready to draw: FriBidi resolves the embedding
 * levels (Arabic runs right to left inside left-to-right text and the reverse),
 * each code point gets the first face that has it (characters common to all scripts
 * stay with their neighbour's face so a run is not split), HarfBuzz shapes each run
 * (Arabic joining, Thai marks, Latin kerning) and the runs are put in visual order.
 * Also opens the default face list: Noto Sans, Thai, Arabic, CJK SC, Math symbols. */
#include "hh_render_int.h"
#include "../core/hh_i18n.h"
#include <fribidi.h>
#include <hb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXCP 512   /* code points shaped per line (longer text is cut) */
#define MAXRUN 64   /* runs per line */

/* Debian paths of the Noto faces (fonts-noto-core, fonts-noto-cjk) */
static const struct { const char *path; int index; } NOTO[] = {
    {"/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf", 0},
    {"/usr/share/fonts/truetype/noto/NotoSansThai-Regular.ttf", 0},
    {"/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf", 0},
    {"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2}, /* Noto Sans CJK SC */
    {"/usr/share/fonts/truetype/noto/NotoSansMath-Regular.ttf", 0},
    {"/usr/share/fonts/truetype/noto/NotoSansSymbols2-Regular.ttf", 0},
};

hh_font *hh_rtext_open_default(void) {
  const char *env = getenv("HH_FONT");
  hh_font *f = NULL;
  hh_error e = {0};
  int n = (int)(sizeof NOTO / sizeof NOTO[0]);
  if (env && *env) f = hh_rfont_open(env, 0, &e);
  for (int i = 0; i < n; i++) {
    if (!f) {
      hh_error e2 = {0};
      f = hh_rfont_open(NOTO[i].path, NOTO[i].index, &e2);
      if (!f && !e.code) e = e2;
    } else {
      hh_rfont_add(f, NOTO[i].path, NOTO[i].index);
    }
  }
  if (!f) {
    fprintf(stderr, "%s", hh_tr("warning: HUD text disabled: "));
    hh_error_print(&e, stderr);
  }
  return f;
}

/* 1 for characters shared by scripts (spaces, digits, punctuation, marks) */
static int is_common(uint32_t cp) {
  hb_script_t sc = hb_unicode_script(hb_unicode_funcs_get_default(), cp);
  return sc == HB_SCRIPT_COMMON || sc == HB_SCRIPT_INHERITED || sc == HB_SCRIPT_UNKNOWN;
}

/* face for each code point: first face with it; common ones follow the neighbour */
static void pick_faces(hh_font *f, const FriBidiChar *u, int n, int *face) {
  int prev = -1;
  for (int i = 0; i < n; i++) {
    face[i] = -1;
    if (is_common(u[i]) && prev >= 0 && hh_rfont_has(f, prev, u[i])) face[i] = prev;
    else face[i] = hh_rfont_face_for(f, u[i]);
    if (!is_common(u[i]) && face[i] >= 0) prev = face[i];
  }
  /* leading common characters take the face of the first strong one when it has them */
  int first = -1;
  for (int i = 0; i < n && first < 0; i++)
    if (!is_common(u[i]) && face[i] >= 0) first = face[i];
  for (int i = 0; i < n && first >= 0 && is_common(u[i]); i++)
    if (hh_rfont_has(f, first, u[i])) face[i] = first;
  for (int i = 0; i < n; i++)
    if (face[i] < 0) face[i] = 0; /* .notdef of the first face */
}

/* One run: same embedding level and face, logical range [start, end). */
typedef struct run {
  int start, end, level, face;
} run;

int hh_rtext_is_rtl(const char *s) {
  FriBidiChar u[MAXCP];
  size_t len = strlen(s);
  if (len > MAXCP) len = MAXCP;
  int n = (int)fribidi_charset_to_unicode(FRIBIDI_CHAR_SET_UTF8, s, (FriBidiStrIndex)len, u);
  for (int i = 0; i < n; i++) {
    FriBidiCharType t = fribidi_get_bidi_type(u[i]);
    if (FRIBIDI_IS_STRONG(t)) return FRIBIDI_IS_RTL(t) ? 1 : 0;
  }
  return 0;
}

int hh_rtext_shape(hh_font *f, const char *s, int px, hh_tglyph *out, int max, float *width) {
  if (width) *width = 0;
  if (!f || !s || !*s) return 0;
  static FriBidiChar u[MAXCP + 4];
  static FriBidiCharType types[MAXCP];
  static FriBidiBracketType brackets[MAXCP];
  static FriBidiLevel levels[MAXCP];
  static int face[MAXCP];
  size_t len = strlen(s);
  if (len > MAXCP) len = MAXCP; /* bytes >= code points */
  int n = (int)fribidi_charset_to_unicode(FRIBIDI_CHAR_SET_UTF8, s, (FriBidiStrIndex)len, u);
  if (n <= 0) return 0;
  fribidi_get_bidi_types(u, n, types);
  fribidi_get_bracket_types(u, n, types, brackets);
  FriBidiParType base = FRIBIDI_PAR_ON;
  if (!fribidi_get_par_embedding_levels_ex(types, brackets, n, &base, levels))
    memset(levels, 0, sizeof levels[0] * (size_t)n);
  pick_faces(f, u, n, face);
  /* split into runs of equal level and face */
  run runs[MAXRUN];
  int nr = 0;
  for (int i = 0; i < n && nr < MAXRUN; i++) {
    if (nr && runs[nr - 1].level == levels[i] && runs[nr - 1].face == face[i]) {
      runs[nr - 1].end = i + 1;
      continue;
    }
    runs[nr++] = (run){i, i + 1, levels[i], face[i]};
  }
  /* visual order (rule L2): from the highest level down to the lowest odd level,
     reverse every maximal sequence of runs at that level or above */
  int order[MAXRUN], maxl = 0, minodd = 255;
  for (int i = 0; i < nr; i++) {
    order[i] = i;
    if (runs[i].level > maxl) maxl = runs[i].level;
    if ((runs[i].level & 1) && runs[i].level < minodd) minodd = runs[i].level;
  }
  for (int l = maxl; l >= minodd && l > 0; l--)
    for (int i = 0; i < nr;) {
      if (runs[order[i]].level < l) {
        i++;
        continue;
      }
      int j = i;
      while (j < nr && runs[order[j]].level >= l) j++;
      for (int a = i, b = j - 1; a < b; a++, b--) {
        int t = order[a];
        order[a] = order[b];
        order[b] = t;
      }
      i = j;
    }
  /* shape each run and lay them out left to right */
  hb_buffer_t *buf = hb_buffer_create();
  float pen = 0;
  int k = 0;
  for (int r = 0; r < nr; r++) {
    const run *q = &runs[order[r]];
    hb_font_t *hb = hh_rfont_hb(f, q->face, px);
    if (!hb) continue;
    hb_buffer_clear_contents(buf);
    hb_buffer_add_utf32(buf, (const uint32_t *)u, n, (unsigned)q->start, q->end - q->start);
    hb_buffer_set_direction(buf, (q->level & 1) ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
    hb_buffer_guess_segment_properties(buf);
    hb_shape(hb, buf, NULL, 0);
    unsigned gn = 0;
    hb_glyph_info_t *gi = hb_buffer_get_glyph_infos(buf, &gn);
    hb_glyph_position_t *gp = hb_buffer_get_glyph_positions(buf, &gn);
    for (unsigned g = 0; g < gn; g++) {
      if (k < max) {
        out[k].g = hh_rfont_glyph_id(f, q->face, gi[g].codepoint, px);
        out[k].x = pen + (float)gp[g].x_offset / 64.0f;
        out[k].y = -(float)gp[g].y_offset / 64.0f;
        k++;
      }
      pen += (float)gp[g].x_advance / 64.0f;
    }
  }
  hb_buffer_destroy(buf);
  if (width) *width = pen;
  return k;
}
