/* hh_rlayout.c - the HUD layout (hh_rlayout.h): panel rectangles and the texts in them,
 * sized from the measured text and capped to the screen; a title too long for the
 * panel shrinks a little, then wraps to two lines; a text that still does not fit is
 * cut at a character boundary with an ellipsis. No GL; pure function of its inputs
 * (and of the key help handed over by the platform, hh_rcnc_help.c).
 */
#include "hh_render_int.h"
#include "hh_rlayout.h"
#include "hh_rcnc_keys.h"
#include "../core/hh_i18n.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

#define PROG_CHARS 28 /* PROG page: characters of a block shown (hh_rcnc.c clips there) */
#define PROG_NOTE 18  /* and of a comment line (then an ellipsis) */
#define LEFT_CAP 0.42f /* the left panel's widest, as a fraction of the target width */
#define ELLIPSIS "\xE2\x80\xA6"

float hh_hud_measure(hh_font *font, const char *s, int px) {
  return font ? hh_rhud_text_width(font, s, px) : hh_rcnc_text_bound(s, px);
}

float hh_hud_fit(hh_font *font, const char *s, int px, float maxw, char *out, size_t size) {
  snprintf(out, size, "%s", s);
  float w = hh_hud_measure(font, out, px);
  if (w <= maxw) return w;
  size_t n = strlen(out);
  while (n > 0) { /* drop one character at a time from the end, then add the ellipsis */
    n--;
    while (n > 0 && ((unsigned char)out[n] & 0xC0) == 0x80) n--;
    while (n > 0 && out[n - 1] == ' ') n--;
    if (n + 4 > size) continue;
    memcpy(out + n, ELLIPSIS, 4);
    w = hh_hud_measure(font, out, px);
    if (w <= maxw) return w;
  }
  snprintf(out, size, "%s", size >= 4 ? ELLIPSIS : "");
  return hh_hud_measure(font, out, px);
}

static void flip(const hh_hud_layout *L, const float in[4], float out[4]);

/* append a text to the layout */
static hh_hud_text *add(hh_hud_layout *L, const char *s, float x, float y, float w, int px,
                        int panel, int role) {
  if (L->ntext >= HH_HUD_TEXT_MAX || !s || !*s) return NULL;
  hh_hud_text *t = &L->text[L->ntext++];
  snprintf(t->s, sizeof t->s, "%s", s);
  t->x = x, t->y = y, t->w = w, t->px = px, t->panel = panel, t->role = role;
  return t;
}

/* translated name of a twistlock state */
static const char *lock_text(hh_lock_state s) {
  switch (s) {
    case HH_LOCK_LOCKED: return hh_tr("Locked");
    case HH_LOCK_LOCKING: return hh_tr("Locking");
    case HH_LOCK_UNLOCKING: return hh_tr("Unlocking");
    default: return hh_tr("Unlocked");
  }
}

/* the widest row any PROG page of the CNC program can show (label + block), so the
   left panel keeps one width whatever page is up */
static float prog_width(hh_font *font, const hh_model *m, int px) {
  char num[16];
  snprintf(num, sizeof num, "> %d", m->cnc.n_lines);
  float lw = hh_hud_measure(font, num, px), best = 0;
  for (int l = 0; l < m->cnc.n_lines; l++) {
    const char *s = m->cnc.src + m->cnc.line_ofs[l];
    char row[PROG_CHARS + 8];
    size_t len = strcspn(s, "\r\n"), max = s[0] == '(' ? PROG_NOTE : PROG_CHARS;
    size_t n = len < max ? len : max;
    while (n > 0 && n < len && ((unsigned char)s[n] & 0xC0) == 0x80) n--;
    snprintf(row, sizeof row, "%.*s%s", (int)n, s, len > max ? ELLIPSIS : "");
    float w = lw + hh_hud_measure(font, row, px);
    if (w > best) best = w;
  }
  return best;
}

/* split a title into two lines that each measure at most maxw at px (at the last space
   that fits, else at a character boundary); the second is cut with an ellipsis */
static void wrap2(hh_font *font, const char *s, int px, float maxw, char a[192], char b[192]) {
  size_t n = strlen(s), cut = 0, sp = 0;
  for (size_t i = 1; i <= n; i++) {
    if (i < n && ((unsigned char)s[i] & 0xC0) == 0x80) continue;
    char tmp[192];
    snprintf(tmp, sizeof tmp, "%.*s", (int)i, s);
    if (hh_hud_measure(font, tmp, px) > maxw) break;
    cut = i;
    if (i < n && s[i] == ' ') sp = i;
  }
  if (sp > 0 && sp * 2 > cut) cut = sp; /* a word break when it keeps most of the line */
  if (cut == 0) cut = n;
  snprintf(a, 192, "%.*s", (int)cut, s);
  const char *rest = s + cut;
  while (*rest == ' ') rest++;
  hh_hud_fit(font, rest, px, maxw, b, 192);
}

/* the left panel: title, rows with their gauges, the cab lights */
static void left_panel(hh_hud_layout *L, hh_font *font, const hh_model *m, const hh_data *d,
                       float cap) {
  int px = L->px, large = L->large;
  float pad = L->pad, line = L->line, gap = L->gap;
  enum { NROW = 7 };
  char val[NROW][64];
  const char *lab[NROW] = {hh_tr("Load"), hh_tr("Hoist height"), hh_tr("Sway"), hh_tr("Wind"),
                           hh_tr("Trolley"), hh_tr("Gantry"), hh_tr("Twistlocks")};
  double wind = 0.0; /* m/s: no wind model yet */
  snprintf(val[0], 64, "%.1f t", d->metric[HH_M_LOAD_MASS] / 1000.0);
  snprintf(val[1], 64, "%.1f m", d->metric[HH_M_HOIST_HEIGHT]);
  snprintf(val[2], 64, "%.1f\xC2\xB0", fabs(d->metric[HH_M_SWAY_ANGLE]));
  snprintf(val[3], 64, "%.1f m/s", wind);
  snprintf(val[4], 64, "%.1f m", fabs(d->trolley.pos) < 0.05 ? 0.0 : d->trolley.pos);
  snprintf(val[5], 64, "%.1f m", fabs(d->gantry.pos) < 0.05 ? 0.0 : d->gantry.pos);
  snprintf(val[6], 64, "%s", lock_text(d->lock));
  double gmax[4] = {76.0, m->sts.sheave_z > 0 ? m->sts.sheave_z : 45.0, 5.0, 25.0};
  double gval[4] = {d->metric[HH_M_LOAD_MASS] / 1000.0, d->metric[HH_M_HOIST_HEIGHT],
                    fabs(d->metric[HH_M_SWAY_ANGLE]), wind};
  double gwarn[4] = {65.0, 0, 1.0, 15.0}, galarm[4] = {72.0, 0, 2.0, 20.0};
  if (m->machine == HH_MACHINE_SHIP) hh_rship_hud_rows(m, d, lab, val, gval, gmax, gwarn, galarm);
  if (m->machine == HH_MACHINE_OFFSHORE_CRANE)
    hh_rmarine_hud_rows(m, d, lab, val, gval, gmax, gwarn, galarm);
  if (L->cnc) hh_rcnc_hud_rows(m, d, lab, val, gval, gmax, gwarn, galarm);
  memcpy(L->gval, gval, sizeof gval), memcpy(L->gmax, gmax, sizeof gmax);
  memcpy(L->gwarn, gwarn, sizeof gwarn), memcpy(L->galarm, galarm, sizeof galarm);
  int nrow = large ? 4 : NROW;
  /* width: the minimum, each row, the title, (CNC) every PROG row; capped */
  float pw = px * (large ? 11.0f : 12.5f), sep = px * 1.2f;
  for (int i = 0; i < nrow; i++) {
    float rw = hh_hud_measure(font, lab[i], px) + hh_hud_measure(font, val[i], px) + sep + 2 * pad;
    if (rw > pw) pw = rw;
  }
  const char *title = hh_model_title(m, hh_i18n_lang());
  int tpx = px * 4 / 5;
  float tw = large ? 0 : hh_hud_measure(font, title, tpx) + 2 * pad;
  if (tw > pw) pw = tw;
  if (L->cnc && !large) {
    float w = prog_width(font, m, px) + sep + 2 * pad;
    if (w > pw) pw = w;
  }
  if (pw > L->W * LEFT_CAP) pw = L->W * LEFT_CAP;
  if (cap > 0 && pw > cap) pw = cap;
  float x0 = pad, y0 = pad, xl = x0 + pad, xr = x0 + pw - pad, inner = xr - xl;
  float y = y0 + pad + px;
  if (!large) { /* title: one line (a little smaller if need be), else two */
    char a[192], b[192];
    int spx = tpx;
    float w = hh_hud_measure(font, title, spx);
    while (w > inner && spx > tpx * 4 / 5 && spx > 8) w = hh_hud_measure(font, title, --spx);
    if (w <= inner) {
      add(L, title, xl, y, w, spx, HH_HUD_LEFT, HH_HT_TITLE);
    } else {
      wrap2(font, title, tpx, inner, a, b);
      add(L, a, xl, y, hh_hud_measure(font, a, tpx), tpx, HH_HUD_LEFT, HH_HT_TITLE);
      y += tpx * 1.25f;
      add(L, b, xl, y, hh_hud_measure(font, b, tpx), tpx, HH_HUD_LEFT, HH_HT_TITLE);
    }
    y += line * 1.1f;
  }
  /* the rows' letters, one size for all rows (a panel of mixed sizes reads badly): a
     third smaller at most, as much as the widest row needs, before anything is cut */
  float room = inner - px * 0.6f; /* label and value with a space between */
  int rpx = px;
  for (int i = 0; i < nrow; i++)
    while (rpx > px * 2 / 3 &&
           hh_hud_measure(font, lab[i], rpx) + hh_hud_measure(font, val[i], rpx) > room)
      rpx--;
  for (int i = 0; i < nrow; i++) {
    char v[192], l[192];
    float lw = hh_hud_measure(font, lab[i], rpx), vw = hh_hud_measure(font, val[i], rpx);
    snprintf(v, sizeof v, "%s", val[i]);
    snprintf(l, sizeof l, "%s", lab[i]);
    char *extra = strstr(v, "  "); /* "900 mm/min  100%": drop the second part first */
    if (lw + vw > room && extra) *extra = 0, vw = hh_hud_measure(font, v, rpx);
    if (lw + vw > room) { /* the value keeps what it needs up to 75 %, the label the rest */
      float vmax = room - lw > room * 0.75f ? room - lw : room * 0.75f;
      if (vw > vmax) vw = hh_hud_fit(font, v, rpx, vmax, v, sizeof v);
      if (lw > room - vw) lw = hh_hud_fit(font, lab[i], rpx, room - vw, l, sizeof l);
    }
    add(L, l, xl, y, lw, rpx, HH_HUD_LEFT, HH_HT_LABEL);
    add(L, v, xr - vw, y, vw, rpx, HH_HUD_LEFT, HH_HT_VALUE);
    if (i < 4) {
      L->gauge[i][0] = xl, L->gauge[i][1] = xr, L->gauge[i][2] = y + gap * 0.85f;
      y += gap;
    }
    y += line;
  }
  y -= line; /* y: the last row's baseline */
  float bottom = y + px * 0.8f;
  if (m->machine == HH_MACHINE_STS) { /* the cab lights: disc above each label */
    L->lights = 1;
    y += line + px * 0.9f;
    L->light_y = y;
    float third = inner / 3;
    const char *ll[3] = {hh_tr("Landed"), hh_tr("Locked"), hh_tr("Unlocked")};
    for (int i = 0; i < 3; i++) {
      float cx = xl + third * (i + 0.5f);
      L->light_x[i] = cx;
      int lpx = px * 3 / 4 > 10 ? px * 3 / 4 : 10;
      char s[192];
      float lw = hh_hud_measure(font, ll[i], lpx);
      while (lw > third * 0.95f && lpx > 8) lw = hh_hud_measure(font, ll[i], --lpx);
      if (lw > third * 0.95f) lw = hh_hud_fit(font, ll[i], lpx, third * 0.95f, s, sizeof s);
      else snprintf(s, sizeof s, "%s", ll[i]);
      add(L, s, cx - lw / 2, y + px * 0.75f * 1.3f, lw, lpx, HH_HUD_LEFT, HH_HT_LIGHT);
    }
    bottom = y + px * 0.75f * 1.3f + px * 0.5f;
  }
  float *p = L->panel[HH_HUD_LEFT];
  p[0] = x0, p[1] = y0, p[2] = x0 + pw, p[3] = bottom + pad;
  L->has[HH_HUD_LEFT] = 1;
}

/* the time/score panel at the top right and, on a CNC with key help, the hint under it */
static void time_panel(hh_hud_layout *L, hh_font *font, const hh_model *m, const hh_data *d,
                       int countdown) {
  int px = L->px, big = px * 5 / 4;
  float pad = L->pad, line = L->line;
  char tbuf[32], sbuf[32], smax[48];
  double shown_s = d->time_s;
  int counting = countdown && m->time_limit_s > 0;
  if (counting) shown_s = m->time_limit_s - d->time_s > 0 ? m->time_limit_s - d->time_s : 0;
  int tenths = (int)(shown_s * 10.0);
  snprintf(tbuf, sizeof tbuf, "%02d:%02d.%d", tenths / 600, (tenths / 10) % 60, tenths % 10);
  snprintf(sbuf, sizeof sbuf, "%.0f / %.0f", hh_score(m, d), m->rubric.max_score);
  snprintf(smax, sizeof smax, "%.0f / %.0f", m->rubric.max_score, m->rubric.max_score);
  L->time_red = counting && shown_s < 30;
  /* width from every label the panel can show, so it keeps its size through a run */
  const char *labs[3] = {hh_tr("Time"), hh_tr("Time left"), hh_tr("Score")};
  float lmax = 0;
  for (int i = 0; i < 3; i++) lmax = fmaxf(lmax, hh_hud_measure(font, labs[i], big));
  float vmax = fmaxf(hh_hud_measure(font, "00:00.0", big), hh_hud_measure(font, smax, big));
  float rw = fmaxf(px * 10.0f, lmax + vmax + big + 2 * pad);
  float room = L->W - pad - (L->panel[HH_HUD_LEFT][2] + pad); /* right of the left panel */
  if (rw > room) rw = room;
  float x1 = L->W - pad, x0 = x1 - rw, xl = x0 + pad, xr = x1 - pad;
  float *p = L->panel[HH_HUD_TIME];
  p[0] = x0, p[1] = pad, p[2] = x1, p[3] = pad + pad * 2 + line * 2.3f;
  L->has[HH_HUD_TIME] = 1;
  float y = pad + pad + big;
  const char *rl[2] = {counting ? hh_tr("Time left") : hh_tr("Time"), hh_tr("Score")};
  const char *rv[2] = {tbuf, sbuf};
  for (int i = 0; i < 2; i++) {
    char l[192], v[192];
    float vw = hh_hud_fit(font, rv[i], big, xr - xl, v, sizeof v);
    float lw = hh_hud_fit(font, rl[i], big, xr - xl - vw - big * 0.4f, l, sizeof l);
    add(L, l, xl, y, lw, big, HH_HUD_TIME, HH_HT_LABEL);
    add(L, v, xr - vw, y, vw, big, HH_HUD_TIME, i ? HH_HT_SCORE : HH_HT_TIME);
    y += line * 1.2f;
  }
  if (L->cnc && hh_rcnc_help_count() > 0) { /* "Ctrl+H: key help" under it */
    char s[96], f[192];
    snprintf(s, sizeof s, hh_tr("%s: key help"), hh_rcnc_help_key());
    int hpx = px * 3 / 5 > 8 ? px * 3 / 5 : 8;
    float w = hh_hud_fit(font, s, hpx, room - hpx, f, sizeof f);
    float *q = L->panel[HH_HUD_HINT];
    q[1] = p[3] + px * 0.15f, q[3] = q[1] + hpx * 1.4f, q[2] = x1, q[0] = x1 - w - hpx;
    add(L, f, q[0] + hpx * 0.5f, q[3] - hpx * 0.33f, w, hpx, HH_HUD_HINT, HH_HT_HINT);
    L->has[HH_HUD_HINT] = 1;
  }
}

/* the emergency stop banner and the step instruction at the bottom, kept clear of the
   left panel when the two would meet (small targets) */
static void bottom_boxes(hh_hud_layout *L, hh_font *font, const hh_model *m, const hh_data *d) {
  int px = L->px, big = px * 5 / 4;
  float pad = L->pad, W = (float)L->W, H = (float)L->H, bottom = H - pad;
  const float *lp = L->panel[HH_HUD_LEFT];
  if (d->estop) {
    char s[192];
    float w = hh_hud_fit(font, hh_tr("EMERGENCY STOP"), big, W - 4 * pad, s, sizeof s) + 2 * pad;
    float *p = L->panel[HH_HUD_ESTOP], a = 0, y1 = H - pad - big * 1.8f;
    if (y1 < lp[3] + pad * 0.5f && (W - w) / 2 < lp[2] + pad) { /* beside the left panel */
      a = lp[2] + pad;
      w = hh_hud_fit(font, hh_tr("EMERGENCY STOP"), big, W - pad - a - 2 * pad, s, sizeof s) + 2 * pad;
    }
    float cx = a > 0 ? 0.5f * (a + W - pad) : W / 2;
    p[0] = cx - w / 2, p[2] = cx + w / 2, p[1] = y1, p[3] = H - pad;
    add(L, s, p[0] + pad, H - pad - big * 0.5f, w - 2 * pad, big, HH_HUD_ESTOP, HH_HT_ESTOP);
    L->has[HH_HUD_ESTOP] = 1;
    bottom = p[1] - pad * 0.5f;
  }
  const char *step = hh_rstep_text(m, d);
  if (!step || !*step) return;
  float a = pad, b = W - pad; /* the span the box may use */
  int spx = px;
  float bh = px * 1.9f; /* the box keeps its height when the text shrinks */
  if (bottom - bh < lp[3] + pad * 0.5f) a = lp[2] + pad; /* beside the left panel */
  float sw = hh_hud_measure(font, step, spx);
  while (sw + 2 * pad > b - a && spx > 10) sw = hh_hud_measure(font, step, --spx);
  char s[192];
  sw = hh_hud_fit(font, step, spx, b - a - 2 * pad, s, sizeof s);
  float bw = sw + 2 * pad, cx = 0.5f * (a + b);
  if (a <= pad && (W - bw) / 2 >= a) cx = W / 2;
  float *p = L->panel[HH_HUD_STEP];
  p[0] = cx - bw / 2, p[2] = cx + bw / 2, p[1] = bottom - bh, p[3] = bottom;
  add(L, s, p[0] + pad * 1.15f, bottom - bh * 0.5f + spx * 0.35f, sw, spx, HH_HUD_STEP,
      HH_HT_STEP);
  L->has[HH_HUD_STEP] = 1;
}

/* mirror a screen rectangle into layout coordinates (or back) for right-to-left */
static void flip(const hh_hud_layout *L, const float in[4], float out[4]) {
  float a = in[0], b = in[2];
  out[1] = in[1], out[3] = in[3];
  if (L->rtl) out[0] = L->W - b, out[2] = L->W - a;
  else out[0] = a, out[2] = b;
}

/* the key help q grows when its band would need letters below the readable floor: first
   across the whole width (over the left panel), then upwards, under the time panel if
   it fits there, else over it (it shows for the first seconds and on Ctrl+H only:
   designed) */
static void grow_help(hh_hud_layout *L, hh_font *font, float q[4]) {
  int px = L->px, lpx, cols, lo = hh_rcnc_help_min_px(L->H, L->large);
  hh_rcnc_help_plan(font, q, px, L->large, &lpx, &cols);
  if (lpx >= lo) return;
  L->help_grown = q[0] > L->pad * 0.5f;
  q[0] = L->pad * 0.5f;
  hh_rcnc_help_plan(font, q, px, L->large, &lpx, &cols);
  if (lpx >= lo) return;
  float top = L->panel[HH_HUD_TIME][3];
  if (L->has[HH_HUD_HINT] && L->panel[HH_HUD_HINT][3] > top) top = L->panel[HH_HUD_HINT][3];
  top += L->pad * 0.5f;
  float y = q[3] - hh_rcnc_help_height(font, q[2] - q[0], px, L->large, lo);
  if (y < top) y = L->pad * 0.5f; /* a small target: the whole screen (the hint hides) */
  if (y < q[1]) q[1] = y, L->help_grown = 1;
}

/* the CNC key pad, drawing sheet and key help (screen-fixed parts mirrored into layout
   coordinates: the pad stays at the bottom right of the screen) */
static void cnc_parts(hh_hud_layout *L, hh_font *font, const hh_data *d) {
  float pad = L->pad, line = L->line, W = (float)L->W, H = (float)L->H;
  int px = L->px;
  hh_rcnc_key k[HH_RCNC_KEYS_MAX];
  int nk = hh_rcnc_keys_layout(L->W, L->H, L->large, k);
  if (nk > 0) {
    float g = hh_rcnc_keys_px(L->H, L->large) * 0.12f;
    float r[4], sr[4];
    hh_rcnc_keys_bounds(k, nk, g, sr);
    flip(L, sr, r);
    memcpy(L->panel[HH_HUD_PAD], r, sizeof r);
    L->has[HH_HUD_PAD] = !d->cnc.drawing;
    if (hh_rcnc_help_count() > 0) { /* the key help: a band over the pad's rows, from
                                          the left panel (or the edge) to the right */
      float *q = L->panel[HH_HUD_HELP];
      const float *lp = L->panel[HH_HUD_LEFT];
      q[1] = r[1], q[3] = r[3], q[2] = W - pad * 0.5f;
      q[0] = lp[3] > r[1] ? lp[2] + pad * 0.5f : pad * 0.5f;
      grow_help(L, font, q);
      L->has[HH_HUD_HELP] = hh_rcnc_help_visible(d->time_s);
      L->help_band = 1;
    }
  }
  /* the sheet: a column at the right under the time panel and its hint */
  float *s = L->panel[HH_HUD_SHEET];
  int hpx = px * 3 / 5 > 8 ? px * 3 / 5 : 8;
  float w = W * 0.30f;
  if (w < px * 15.0f) w = px * 15.0f;
  if (w > W * 0.45f) w = W * 0.45f;
  s[2] = W - pad, s[0] = s[2] - w;
  s[1] = pad * 3 + line * 2.3f + px * 0.15f + hpx * 1.4f + pad * 0.5f;
  s[3] = H - pad - px * 2.4f;
  if (w > W * 0.35f) { /* small target: no room beside the left panel, so the sheet lies
                          over it (designed) and the right half stays free */
    float lw = L->panel[HH_HUD_LEFT][2];
    s[0] = 0, s[2] = lw > w ? lw : w;
    float tl = L->panel[HH_HUD_TIME][0]; /* the time panel's (and hint's) left edge */
    if (L->has[HH_HUD_HINT] && L->panel[HH_HUD_HINT][0] < tl) tl = L->panel[HH_HUD_HINT][0];
    tl -= pad * 0.5f;
    if (L->sheet_tl > 0 && L->sheet_tl < tl) tl = L->sheet_tl; /* as the camera planned it */
    else L->sheet_tl = tl;
    if (!(L->large && W < H * 1.5f)) s[1] = 0;
    else if (tl >= lw && tl >= W * 0.33f) s[2] = tl, s[1] = 0; /* narrower, beside the time
                                panel (4:3 in large print): the full height for the sketch */
    /* else it stays under the time panel and the hint */
  }
  if (s[3] - s[1] < px * 8) s[3] = s[1] + px * 8;
  L->has[HH_HUD_SHEET] = d->cnc.drawing != 0;
  if (L->has[HH_HUD_SHEET] && L->has[HH_HUD_STEP] && s[3] > L->panel[HH_HUD_STEP][1] &&
      s[0] < L->panel[HH_HUD_STEP][2] && L->panel[HH_HUD_STEP][0] < s[2])
    s[3] = L->panel[HH_HUD_STEP][1] - pad * 0.5f;
}

void hh_hud_layout_make(hh_hud_layout *L, hh_font *font, const hh_model *m, const hh_data *d,
                        int W, int H, int large, int countdown) {
  memset(L, 0, sizeof *L);
  L->W = W, L->H = H, L->large = large, L->rtl = hh_rhud_rtl();
  L->cnc = m->machine == HH_MACHINE_CNC_MILL || m->machine == HH_MACHINE_CNC_LATHE;
  L->px = hh_rhud_px(W, H, large);
  L->pad = L->px * 0.6f, L->line = L->px * 1.45f, L->gap = L->px * 0.55f;
  if (W <= 0 || H <= 0) return;
  left_panel(L, font, m, d, 0);
  if (L->cnc) { /* the key pad below it (bottom right): narrow the panel to clear it */
    hh_rcnc_key k[HH_RCNC_KEYS_MAX];
    int nk = hh_rcnc_keys_layout(W, H, large, k);
    float g = hh_rcnc_keys_px(H, large) * 0.12f, r[4], *lp = L->panel[HH_HUD_LEFT];
    if (nk > 0) {
      float sr[4];
      hh_rcnc_keys_bounds(k, nk, g, sr);
      flip(L, sr, r);
      if (lp[3] > r[1] && lp[2] > r[0] - L->pad * 0.5f) {
        int n = L->ntext;
        L->ntext = 0;
        left_panel(L, font, m, d, r[0] - L->pad * 0.5f - lp[0]);
        if (L->ntext == 0) L->ntext = n;
      }
    }
  }
  time_panel(L, font, m, d, countdown);
  bottom_boxes(L, font, m, d);
  if (L->cnc && font && large && W < H * 1.5f) { /* the sheet beside the time panel: where
      the font-free plan (the CNC camera's) puts it, which is never wider */
    static hh_hud_layout plan;
    hh_hud_layout_make(&plan, NULL, m, d, W, H, large, countdown);
    L->sheet_tl = plan.sheet_tl;
  }
  if (L->cnc) cnc_parts(L, font, d);
}

int hh_hud_layout_box(const hh_hud_layout *L, int i, float r[4]) {
  if (i < 0 || i >= HH_HUD_NPANEL || !L->has[i]) return 0;
  flip(L, L->panel[i], r);
  return 1;
}
