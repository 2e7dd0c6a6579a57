/* hh_rhud.c - the cab HUD: translucent panels with gauges (load, hoist height, sway,
 * wind), trolley and gantry positions, twistlock state and the three cab lights
 * (landed, locked, unlocked), elapsed time, the live score and, at the bottom, the
 * instruction for the current task step. Text goes through hh_tr, is shaped
 * (hh_rtext.c) and drawn from the glyph atlas; all quads of a frame are one draw
 * call. Sized from the target height; large print for projectors. */
#include "hh_render_int.h"
#include "../core/hh_i18n.h"
#include "hh_rcnc_keys.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define VF 8 /* floats per vertex: x, y, u, v, r, g, b, a */

int hh_rhud_create(hh_hud *h, hh_error *err) {
  memset(h, 0, sizeof *h);
  h->prog = hh_rshader_load("hud", err);
  if (!h->prog) return err ? err->code : HH_E_INTERNAL;
  h->u_screen = glGetUniformLocation(h->prog, "u_screen");
  h->u_atlas = glGetUniformLocation(h->prog, "u_atlas");
  glGenVertexArrays(1, &h->vao);
  glGenBuffers(1, &h->vbo);
  glBindVertexArray(h->vao);
  glBindBuffer(GL_ARRAY_BUFFER, h->vbo);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, VF * sizeof(float), (void *)0);
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, VF * sizeof(float), (void *)(2 * sizeof(float)));
  glEnableVertexAttribArray(2);
  glVertexAttribPointer(2, 4, GL_FLOAT, GL_FALSE, VF * sizeof(float), (void *)(4 * sizeof(float)));
  glBindVertexArray(0);
  return HH_OK;
}

void hh_rhud_destroy(hh_hud *h) {
  if (h->prog) glDeleteProgram(h->prog);
  if (h->vbo) glDeleteBuffers(1, &h->vbo);
  if (h->vao) glDeleteVertexArrays(1, &h->vao);
  free(h->v);
  memset(h, 0, sizeof *h);
}

/* append one textured quad (pixels, atlas uv) */
static void quad(hh_hud *h, float x0, float y0, float x1, float y1, float u0, float v0,
                 float u1, float v1, const float c[4]) {
  if (h->n + 6 > h->cap) {
    int cap = h->cap ? h->cap * 2 : 1024;
    float *v = realloc(h->v, sizeof(float) * VF * (size_t)cap);
    if (!v) return;
    h->v = v;
    h->cap = cap;
  }
  const float p[6][4] = {{x0, y0, u0, v0}, {x1, y0, u1, v0}, {x1, y1, u1, v1},
                         {x0, y0, u0, v0}, {x1, y1, u1, v1}, {x0, y1, u0, v1}};
  for (int i = 0; i < 6; i++) {
    float *o = h->v + (size_t)(h->n++) * VF;
    memcpy(o, p[i], 4 * sizeof(float));
    memcpy(o + 4, c, 4 * sizeof(float));
  }
}

/* context of one HUD frame */
typedef struct hud_ctx {
  hh_hud *h;
  hh_font *font;
  float inv_atlas;
  float mirror_w;  /* right-to-left reading (Arabic): layout mirrored about this width
                      in pixels (0 = left-to-right); text itself is never mirrored */
} hud_ctx;

/* 1 when the current language reads right to left (Arabic, Hebrew, Persian, Urdu) */
int hh_rhud_rtl(void) {
  const char *l = hh_i18n_lang();
  return strncmp(l, "ar", 2) == 0 || strncmp(l, "he", 2) == 0 || strncmp(l, "fa", 2) == 0 ||
         strncmp(l, "ur", 2) == 0;
}

/* the HUD letter size (px) for a target H px high, large print or not: the left panel
   and the step line below it must fit the height */
int hh_rhud_px(int H, int large) {
  int px = large ? H / 16 : H / 32; /* normal print: about 3 % of the height */
  if (px < 12) px = 12;
  if (px > (large ? 96 : 64)) px = large ? 96 : 64;
  float need = large ? 12.4f : 18.2f; /* panel height in px units, from hh_rhud_draw's layout */
  if (px * (need + 2.6f) > H) px = (int)(H / (need + 2.6f));
  if (px < 8) px = 8;
  return px;
}

/* a solid rectangle (the atlas's white block), mirrored for right-to-left */
static void rect(hud_ctx *k, float x0, float y0, float x1, float y1, const float c[4]) {
  float t = 2.0f * k->inv_atlas;
  if (k->mirror_w > 0) {
    float m0 = k->mirror_w - x1;
    x1 = k->mirror_w - x0;
    x0 = m0;
  }
  quad(k->h, x0, y0, x1, y1, t, t, t, t, c);
}

/* append one flat triangle (pixels; the atlas's white block) */
static void tri(hud_ctx *k, const float a[2], const float b[2], const float c[2],
                const float ca[4], const float cb[4], const float cc[4]) {
  hh_hud *h = k->h;
  if (h->n + 3 > h->cap) {
    int cap = h->cap ? h->cap * 2 : 1024;
    float *v = realloc(h->v, sizeof(float) * VF * (size_t)cap);
    if (!v) return;
    h->v = v;
    h->cap = cap;
  }
  float t = 2.0f * k->inv_atlas;
  const float *p[3] = {a, b, c}, *col[3] = {ca, cb, cc};
  for (int i = 0; i < 3; i++) {
    float *o = h->v + (size_t)(h->n++) * VF;
    o[0] = p[i][0];
    o[1] = p[i][1];
    o[2] = t;
    o[3] = t;
    memcpy(o + 4, col[i], 4 * sizeof(float));
  }
}

/* a filled disc of radius r pixels at (cx, cy) as a triangle fan with a one-pixel
   feathered rim (anti-aliased edge); geometry, so no font needs a circle glyph */
static void disc(hud_ctx *k, float cx, float cy, float r, const float c[4]) {
  enum { SEG = 32 };
  if (k->mirror_w > 0) cx = k->mirror_w - cx;
  float clear[4] = {c[0], c[1], c[2], 0};
  float ri = r > 0.5f ? r - 0.5f : 0, ro = r + 0.5f;
  const float ctr[2] = {cx, cy};
  for (int i = 0; i < SEG; i++) {
    float a0 = 6.2831853f * (float)i / SEG, a1 = 6.2831853f * (float)(i + 1) / SEG;
    float i0[2] = {cx + ri * cosf(a0), cy + ri * sinf(a0)}, i1[2] = {cx + ri * cosf(a1), cy + ri * sinf(a1)};
    float o0[2] = {cx + ro * cosf(a0), cy + ro * sinf(a0)}, o1[2] = {cx + ro * cosf(a1), cy + ro * sinf(a1)};
    tri(k, ctr, i0, i1, c, c, c);
    tri(k, i0, o0, o1, c, clear, clear);
    tri(k, i0, o1, i1, c, clear, c);
  }
}

/* width of text at px pixels (shaped) */
static float text_width(hud_ctx *k, const char *s, int px) {
  if (!k->font) return (float)strlen(s) * px * 0.5f;
  static hh_tglyph g[512];
  float w = 0;
  hh_rtext_shape(k->font, s, px, g, 512, &w);
  return w;
}

/* draw shaped text with its baseline at y; returns the pen x after it */
static float text(hud_ctx *k, float x, float y, const char *s, int px, const float c[4]) {
  if (!k->font) return x;
  static hh_tglyph tg[512];
  float w = 0;
  int n = hh_rtext_shape(k->font, s, px, tg, 512, &w);
  float xd = k->mirror_w > 0 ? k->mirror_w - x - w : x; /* right-to-left: mirrored place */
  float bx = floorf(xd + 0.5f), by = floorf(y + 0.5f);
  for (int i = 0; i < n; i++) {
    const hh_glyph *g = tg[i].g;
    if (!g || g->w <= 0) continue;
    float x0 = floorf(bx + tg[i].x + 0.5f) + (float)g->left;
    float y0 = floorf(by + tg[i].y + 0.5f) - (float)g->top;
    quad(k->h, x0, y0, x0 + (float)g->w, y0 + (float)g->h, g->x * k->inv_atlas,
         g->y * k->inv_atlas, (g->x + g->w) * k->inv_atlas, (g->y + g->h) * k->inv_atlas, c);
  }
  return x + w;
}

/* label at the left and value right-aligned at xr on baseline y */
static void row(hud_ctx *k, float xl, float xr, float y, const char *label,
                const char *value, int px, const float lc[4], const float vc[4]) {
  text(k, xl, y, label, px, lc);
  text(k, xr - text_width(k, value, px), y, value, px, vc);
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

/* one cab light: a disc (lit or dark) in a dark ring over its label, centred at cx;
   y is the baseline the label row hangs from (the disc sits above it) */
static void light(hud_ctx *k, float cx, float y, int on, const float lit[4],
                  const char *label, int px, float maxw) {
  static const float off[4] = {0.22f, 0.22f, 0.22f, 0.95f};
  static const float ring[4] = {0.0f, 0.0f, 0.0f, 0.9f};
  static const float lc[4] = {0.85f, 0.88f, 0.9f, 1};
  float r = px * 0.8f, cy = y - px * 0.95f;
  disc(k, cx, cy, r + px * 0.09f + 1.0f, ring);
  disc(k, cx, cy, r, on ? lit : off);
  int lpx = px * 3 / 4 > 10 ? px * 3 / 4 : 10;
  float lw = text_width(k, label, lpx);
  while (lw > maxw && lpx > 8) lw = text_width(k, label, --lpx); /* long words shrink */
  text(k, cx - lw / 2, y + px * 0.75f * 1.3f, label, lpx, lc);
}

/* upload this frame's quads and draw them over target t in one call */
static void flush(hh_hud *h, hh_font *font, const hh_rtarget *t) {
  int W = t->width, H = t->height;
  if (h->n == 0) return;
  glBindFramebuffer(GL_FRAMEBUFFER, t->fbo);
  glViewport(0, 0, W, H);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_CULL_FACE);
  glEnable(GL_BLEND);
  glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
  glUseProgram(h->prog);
  glUniform2f(h->u_screen, (float)W, (float)H);
  glUniform1i(h->u_atlas, 0);
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, font ? hh_rfont_texture(font) : 0);
  glBindVertexArray(h->vao);
  glBindBuffer(GL_ARRAY_BUFFER, h->vbo);
  if (h->n > h->vbo_cap) h->vbo_cap = h->n * 2;
  /* fresh storage each frame (orphaning): the upload never waits on the last draw */
  glBufferData(GL_ARRAY_BUFFER, (GLsizeiptr)(sizeof(float) * VF * (size_t)h->vbo_cap), NULL,
               GL_STREAM_DRAW);
  glBufferSubData(GL_ARRAY_BUFFER, 0, (GLsizeiptr)(sizeof(float) * VF * (size_t)h->n), h->v);
  glDrawArrays(GL_TRIANGLES, 0, h->n);
  h->draws = 1;
  glBindVertexArray(0);
  glDisable(GL_BLEND);
  glEnable(GL_DEPTH_TEST);
}

/* a horizontal gauge: track, fill for v in 0..vmax (colour by the warn/alarm marks,
   0 = none), between x0 and x1 around y */
static void gauge(hud_ctx *k, float x0, float x1, float y, float th, double v, double vmax,
                  double warn, double alarm) {
  static const float track[4] = {0.20f, 0.23f, 0.27f, 0.9f};
  static const float ok_c[4] = {0.25f, 0.75f, 0.95f, 1}, warn_c[4] = {1.0f, 0.72f, 0.05f, 1},
                     alarm_c[4] = {1.0f, 0.18f, 0.12f, 1};
  double u = vmax > 0 ? v / vmax : 0;
  if (u < 0) u = 0;
  if (u > 1) u = 1;
  const float *c = ok_c;
  if (alarm > 0 && v >= alarm) c = alarm_c;
  else if (warn > 0 && v >= warn) c = warn_c;
  rect(k, x0, y - th / 2, x1, y + th / 2, track);
  if (u > 0) rect(k, x0, y - th / 2, x0 + (float)((x1 - x0) * u), y + th / 2, c);
}

void hh_rhud_draw(hh_hud *h, hh_font *font, const hh_model *m, const hh_data *d,
                  const hh_rtarget *t) {
  static const float panel[4] = {0.03f, 0.05f, 0.08f, 0.62f};
  static const float label_c[4] = {0.78f, 0.84f, 0.90f, 1};
  static const float value_c[4] = {1, 1, 1, 1};
  static const float title_c[4] = {1.0f, 0.85f, 0.35f, 1};
  static const float green[4] = {0.15f, 0.95f, 0.25f, 1}, red[4] = {1.0f, 0.18f, 0.12f, 1},
                     amber[4] = {1.0f, 0.72f, 0.05f, 1};
  hud_ctx k = {h, font, font ? 1.0f / (float)hh_rfont_atlas_size(font) : 0, 0};
  h->n = 0;
  int W = t->width, H = t->height;
  if (hh_rhud_rtl()) k.mirror_w = (float)W; /* Arabic reads from the right: mirror the panels */
  /* large print: bigger letters, fewer rows (what a classroom reads from the back):
     no title, positions or lock row (the cab lights show the locks) */
  int px = hh_rhud_px(H, h->large);
  float pad = px * 0.6f, line = px * 1.45f, gap = px * 0.55f;

  /* left panel: title, gauges (load, hoist height, sway, wind), positions, locks, lights */
  const char *title = hh_model_title(m, hh_i18n_lang()); /* per language, else English */
  enum { NROW = 7 };
  char val[NROW][64];
  const char *lab[NROW] = {hh_tr("Load"), hh_tr("Hoist height"), hh_tr("Sway"), hh_tr("Wind"),
                           hh_tr("Trolley"), hh_tr("Gantry"), hh_tr("Twistlocks")};
  double wind = 0.0; /* m/s: no wind model yet (marine scenarios will supply it) */
  snprintf(val[0], 64, "%.1f t", d->metric[HH_M_LOAD_MASS] / 1000.0);
  snprintf(val[1], 64, "%.1f m", d->metric[HH_M_HOIST_HEIGHT]);
  snprintf(val[2], 64, "%.1f\xC2\xB0", fabs(d->metric[HH_M_SWAY_ANGLE]));
  snprintf(val[3], 64, "%.1f m/s", wind);
  snprintf(val[4], 64, "%.1f m", fabs(d->trolley.pos) < 0.05 ? 0.0 : d->trolley.pos);
  snprintf(val[5], 64, "%.1f m", fabs(d->gantry.pos) < 0.05 ? 0.0 : d->gantry.pos);
  snprintf(val[6], 64, "%s", lock_text(d->lock));
  /* gauge scales: rated load + spreader, lift height, sway alarm, storm wind */
  double gmax[4] = {76.0, m->sts.sheave_z > 0 ? m->sts.sheave_z : 45.0, 5.0, 25.0};
  double gval[4] = {d->metric[HH_M_LOAD_MASS] / 1000.0, d->metric[HH_M_HOIST_HEIGHT],
                    fabs(d->metric[HH_M_SWAY_ANGLE]), wind};
  double gwarn[4] = {65.0, 0, 1.0, 15.0}, galarm[4] = {72.0, 0, 2.0, 20.0};
  if (m->machine == HH_MACHINE_SHIP) hh_rship_hud_rows(m, d, lab, val, gval, gmax, gwarn, galarm);
  if (m->machine == HH_MACHINE_OFFSHORE_CRANE) hh_rmarine_hud_rows(m, d, lab, val, gval, gmax, gwarn, galarm);
  if (m->machine == HH_MACHINE_CNC_MILL || m->machine == HH_MACHINE_CNC_LATHE) hh_rcnc_hud_rows(m, d, lab, val, gval, gmax, gwarn, galarm);
  int shown[NROW] = {1, 1, 1, 1, !h->large, !h->large, !h->large};
  int nshown = 0, ngauge = 4;
  for (int i = 0; i < NROW; i++) nshown += shown[i];
  float pw = px * (h->large ? 11.0f : 12.5f);
  for (int i = 0; i < NROW; i++) { /* long labels (French) widen the panel */
    float rw = text_width(&k, lab[i], px) + text_width(&k, val[i], px) + px * 1.2f + 2 * pad;
    if (shown[i] && rw > pw) pw = rw;
  }
  float tw = h->large ? 0 : text_width(&k, title, px * 4 / 5) + 2 * pad;
  if (tw > pw) pw = tw;
  if (pw > W * 0.5f) pw = W * 0.5f;
  float x0 = pad, y0 = pad;
  float ph = pad * 2 + line * (nshown + (h->large ? 0 : 1)) + gap * ngauge +
             (m->machine == HH_MACHINE_STS ? px * 3.2f : px * 0.8f);
  rect(&k, x0, y0, x0 + pw, y0 + ph, panel);
  float xl = x0 + pad, xr = x0 + pw - pad, y = y0 + pad + px;
  if (!h->large) {
    text(&k, xl, y, title, px * 4 / 5, title_c);
    y += line * 1.1f;
  }
  for (int i = 0; i < NROW; i++) {
    if (!shown[i]) continue;
    row(&k, xl, xr, y, lab[i], val[i], px, label_c, value_c);
    if (i < ngauge) {
      gauge(&k, xl, xr, y + gap * 0.85f, px * 0.28f, gval[i], gmax[i], gwarn[i], galarm[i]);
      y += gap;
    }
    y += line;
  }
  if (m->machine == HH_MACHINE_STS) { /* spreader lights: the STS crane's cab only */
    y += px * 0.9f;
    float third = (pw - 2 * pad) / 3;
    light(&k, xl + third * 0.5f, y, d->metric[HH_M_LANDED] != 0, amber, hh_tr("Landed"), px, third * 0.95f);
    light(&k, xl + third * 1.5f, y, d->metric[HH_M_LOCKED] != 0, green, hh_tr("Locked"), px, third * 0.95f);
    light(&k, xl + third * 2.5f, y, d->metric[HH_M_UNLOCKED] != 0, red, hh_tr("Unlocked"), px, third * 0.95f);
  }

  /* right panel: elapsed time and the live score */
  char tbuf[32], sbuf[32];
  double shown_s = d->time_s; /* competition: time left to the limit, red in the last 30 s */
  int counting = h->countdown && m->time_limit_s > 0;
  if (counting) shown_s = m->time_limit_s - d->time_s > 0 ? m->time_limit_s - d->time_s : 0;
  int tenths = (int)(shown_s * 10.0);
  snprintf(tbuf, sizeof tbuf, "%02d:%02d.%d", tenths / 600, (tenths / 10) % 60, tenths % 10);
  snprintf(sbuf, sizeof sbuf, "%.0f / %.0f", hh_score(m, d), m->rubric.max_score);
  int big = px * 5 / 4;
  float rw = px * 10.0f;
  const char *rl[2] = {hh_tr("Time"), hh_tr("Score")}, *rv[2] = {tbuf, sbuf};
  for (int i = 0; i < 2; i++) {
    float w = text_width(&k, rl[i], big) + text_width(&k, rv[i], big) + big + 2 * pad;
    if (w > rw) rw = w;
  }
  float rx0 = W - pad - rw;
  rect(&k, rx0, y0, W - pad, y0 + pad * 2 + line * 2.3f, panel);
  y = y0 + pad + big;
  row(&k, rx0 + pad, W - 2 * pad, y, counting ? hh_tr("Time left") : hh_tr("Time"), tbuf, big,
      label_c, counting && shown_s < 30 ? red : value_c);
  y += line * 1.2f;
  row(&k, rx0 + pad, W - 2 * pad, y, hh_tr("Score"), sbuf, big, label_c, title_c);

  /* bottom centre: what to do now (the task step from the metrics) */
  const char *step = hh_rstep_text(m, d);
  float bottom = H - pad;
  if (d->estop) {
    const char *es = hh_tr("EMERGENCY STOP");
    float ew = text_width(&k, es, big) + 2 * pad;
    static const float es_bg[4] = {0.7f, 0.0f, 0.0f, 0.85f};
    rect(&k, (W - ew) / 2, H - pad - big * 1.8f, (W + ew) / 2, H - pad, es_bg);
    text(&k, (W - ew) / 2 + pad, H - pad - big * 0.5f, es, big, value_c);
    bottom = H - pad - big * 1.8f - pad * 0.5f;
  }
  if (step && *step) {
    int spx = px;
    float sw = text_width(&k, step, spx);
    while (sw + 4 * pad > W && spx > 10) sw = text_width(&k, step, --spx);
    float bw = sw + 2 * pad, bh = spx * 1.9f;
    static const float step_bg[4] = {0.02f, 0.10f, 0.16f, 0.78f};
    rect(&k, (W - bw) / 2, bottom - bh, (W + bw) / 2, bottom, step_bg);
    rect(&k, (W - bw) / 2, bottom - bh, (W - bw) / 2 + pad * 0.3f, bottom, title_c);
    text(&k, (W - sw) / 2 + pad * 0.15f, bottom - bh * 0.32f, step, spx, value_c);
  }

  if (m->machine == HH_MACHINE_CNC_MILL || m->machine == HH_MACHINE_CNC_LATHE) hh_rcnc_keys_draw(h, font, W, H, d->cnc.drawing);
  if (m->machine == HH_MACHINE_CNC_MILL || m->machine == HH_MACHINE_CNC_LATHE) hh_rcnc_sheet(h, font, m, d, W, H, px);
  if (m->machine == HH_MACHINE_CNC_MILL || m->machine == HH_MACHINE_CNC_LATHE) hh_rcnc_help_draw(h, font, d->time_s, W, H);
  flush(h, font, t);
}

float hh_rhud_line(hh_hud *h, hh_font *font, const hh_rtarget *t, float x, float y, int px,
                   const char *s, const float rgba[4]) {
  hud_ctx k = {h, font, font ? 1.0f / (float)hh_rfont_atlas_size(font) : 0, 0};
  h->n = 0;
  float x1 = text(&k, x, y, s, px, rgba);
  flush(h, font, t);
  return x1 - x;
}

/* a rectangle appended to the current HUD frame (overlays such as the CNC drawing) */
void hh_rhud_rect(hh_hud *h, hh_font *font, float x0, float y0, float x1, float y1,
                  const float rgba[4]) {
  hud_ctx k = {h, font, font ? 1.0f / (float)hh_rfont_atlas_size(font) : 0, 0};
  rect(&k, x0, y0, x1, y1, rgba);
}

/* a straight line of width w pixels from (x0, y0) to (x1, y1) appended to the current
   HUD frame (any direction: the drawing sheet's outlines) */
void hh_rhud_seg(hh_hud *h, hh_font *font, float x0, float y0, float x1, float y1, float w,
                 const float rgba[4]) {
  hud_ctx k = {h, font, font ? 1.0f / (float)hh_rfont_atlas_size(font) : 0, 0};
  float dx = x1 - x0, dy = y1 - y0, len = sqrtf(dx * dx + dy * dy);
  if (!(len > 0)) return;
  float nx = -dy / len * 0.5f * w, ny = dx / len * 0.5f * w;
  const float a[2] = {x0 + nx, y0 + ny}, b[2] = {x1 + nx, y1 + ny}, c[2] = {x1 - nx, y1 - ny},
              e[2] = {x0 - nx, y0 - ny};
  tri(&k, a, b, c, rgba, rgba, rgba);
  tri(&k, a, c, e, rgba, rgba, rgba);
}

/* text appended to the current HUD frame (baseline y); returns its width in pixels */
float hh_rhud_text(hh_hud *h, hh_font *font, float x, float y, int px, const char *s,
                   const float rgba[4]) {
  hud_ctx k = {h, font, font ? 1.0f / (float)hh_rfont_atlas_size(font) : 0, 0};
  return text(&k, x, y, s, px, rgba) - x;
}

/* width in pixels of text at px */
float hh_rhud_text_width(hh_font *font, const char *s, int px) {
  hud_ctx k = {NULL, font, 0, 0};
  return text_width(&k, s, px);
}

/* draw the quads appended since h->n was set to 0 into t (one draw call) */
void hh_rhud_flush(hh_hud *h, hh_font *font, const hh_rtarget *t) {
  flush(h, font, t);
}
