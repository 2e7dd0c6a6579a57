/* hh_rhud.c - the cab HUD: translucent panels with gauges (load, hoist height, sway,
 * wind), trolley and gantry positions, twistlock state and the three cab lights
 * (landed, locked, unlocked), elapsed time, the live score and, at the bottom, the
 * instruction for the current task step. Text goes through hh_tr, is shaped
 * (hh_rtext.c) and drawn from the glyph atlas; all quads of a frame are one draw
 * call. Sized from the target height; large print for projectors. */
#include "hh_render_int.h"
#include "../core/hh_i18n.h"
#include "hh_rcnc_keys.h"
#include "hh_rlayout.h"
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

/* the HUD letter size (px) for a W x H target, large print or not: the left panel and
   the step line below it must fit the height; large print on a screen narrower than
   16:9 (a 4:3 projector) follows the width, so the panels leave the view readable */
int hh_rhud_px(int W, int H, int large) {
  int px = large ? H / 16 : H / 32; /* normal print: about 3 % of the height */
  if (large && W > 0 && W / 28 < px) px = W / 28;
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

/* width of text at px pixels (shaped only: no glyph is rendered into the atlas, so
   trying many sizes to fit a box does not fill it) */
static float text_width(hud_ctx *k, const char *s, int px) {
  if (!k->font) return (float)strlen(s) * px * 0.5f;
  float w = 0;
  hh_rtext_shape(k->font, s, px, NULL, 0, &w);
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

/* one cab light: a disc (lit or dark) in a dark ring, centred at cx above the label
   row whose baseline is y (the label is a layout text) */
static void light(hud_ctx *k, float cx, float y, int on, const float lit[4], int px) {
  static const float off[4] = {0.22f, 0.22f, 0.22f, 0.95f};
  static const float ring[4] = {0.0f, 0.0f, 0.0f, 0.9f};
  float r = px * 0.8f, cy = y - px * 0.95f;
  disc(k, cx, cy, r + px * 0.09f + 1.0f, ring);
  disc(k, cx, cy, r, on ? lit : off);
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
  static const float light_c[4] = {0.85f, 0.88f, 0.9f, 1};
  static const float green[4] = {0.15f, 0.95f, 0.25f, 1}, red[4] = {1.0f, 0.18f, 0.12f, 1},
                     amber[4] = {1.0f, 0.72f, 0.05f, 1};
  static const float es_bg[4] = {0.7f, 0.0f, 0.0f, 0.85f};
  static const float step_bg[4] = {0.02f, 0.10f, 0.16f, 0.78f};
  static const float hint_bg[4] = {0.03f, 0.05f, 0.08f, 0.62f};
  static hh_hud_layout L; /* one frame's layout (static: large, no allocation) */
  hud_ctx k = {h, font, font ? 1.0f / (float)hh_rfont_atlas_size(font) : 0, 0};
  h->n = 0;
  int W = t->width, H = t->height;
  hh_hud_layout_make(&L, font, m, d, W, H, h->large, h->countdown);
  if (L.rtl) k.mirror_w = (float)W; /* Arabic reads from the right: mirror the panels */
  int px = L.px;
  float pad = L.pad;
  const float *p = L.panel[HH_HUD_LEFT];
  rect(&k, p[0], p[1], p[2], p[3], panel);
  p = L.panel[HH_HUD_TIME];
  rect(&k, p[0], p[1], p[2], p[3], panel);
  for (int i = 0; i < 4; i++)
    if (L.gmax[i] > 0) /* 0: the row has no gauge (a CNC page other than POS) */
      gauge(&k, L.gauge[i][0], L.gauge[i][1], L.gauge[i][2], px * 0.28f, L.gval[i], L.gmax[i],
            L.gwarn[i], L.galarm[i]);
  if (L.lights) { /* spreader lights: the STS crane's cab only */
    light(&k, L.light_x[0], L.light_y, d->metric[HH_M_LANDED] != 0, amber, px);
    light(&k, L.light_x[1], L.light_y, d->metric[HH_M_LOCKED] != 0, green, px);
    light(&k, L.light_x[2], L.light_y, d->metric[HH_M_UNLOCKED] != 0, red, px);
  }
  if (L.has[HH_HUD_ESTOP]) {
    p = L.panel[HH_HUD_ESTOP];
    rect(&k, p[0], p[1], p[2], p[3], es_bg);
  }
  if (L.has[HH_HUD_STEP]) { /* bottom: what to do now, with an accent bar */
    p = L.panel[HH_HUD_STEP];
    rect(&k, p[0], p[1], p[2], p[3], step_bg);
    rect(&k, p[0], p[1], p[0] + pad * 0.3f, p[3], title_c);
  }
  int help = L.has[HH_HUD_HELP];
  if (L.has[HH_HUD_HINT] && !help) {
    p = L.panel[HH_HUD_HINT];
    rect(&k, p[0], p[1], p[2], p[3], hint_bg);
  }
  for (int i = 0; i < L.ntext; i++) {
    const hh_hud_text *x = &L.text[i];
    const float *c = value_c;
    switch (x->role) {
      case HH_HT_TITLE: case HH_HT_SCORE: case HH_HT_HINT: c = title_c; break;
      case HH_HT_LABEL: c = label_c; break;
      case HH_HT_LIGHT: c = light_c; break;
      case HH_HT_TIME: c = L.time_red ? red : value_c; break;
      default: break;
    }
    if (x->role == HH_HT_HINT && help) continue;
    text(&k, x->x, x->y, x->s, x->px, c);
  }
  if (L.cnc) {
    hh_rcnc_keys_draw(h, font, W, H, d->cnc.drawing);
    hh_rcnc_sheet(h, font, m, d, W, H, px);
    float hb[4];
    hh_rcnc_help_draw(h, font, hh_hud_layout_box(&L, HH_HUD_HELP, hb) ? hb : NULL, px);
  }
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
