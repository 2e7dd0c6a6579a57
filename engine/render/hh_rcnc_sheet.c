/* hh_rcnc_sheet.c - the exam drawing as a 2D sheet over the CNC HUD (toggled with the
 * panel's DRAWING key, d->cnc.drawing): a sketch of the part (mill: top view shaded by
 * depth; lathe: side view of the turned profile) with a dimension line numbered for
 * each gauge of the model, and the table of dimensions with their tolerance bands and
 * roughness callouts beside the last measured values (green in band, red out).
 * Reads the model and d, never writes.
 */
#include "hh_render_int.h"
#include "../core/hh_i18n.h"
#include "../machines/cnc/hh_cnc.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

static const float PAPER[4] = {0.95f, 0.95f, 0.91f, 0.96f}, INK[4] = {0.05f, 0.10f, 0.30f, 1},
                   DIM[4] = {0.70f, 0.10f, 0.08f, 1}, PART[4] = {0.62f, 0.66f, 0.72f, 1},
                   DEEP[4] = {0.35f, 0.40f, 0.48f, 1}, OK_C[4] = {0.05f, 0.55f, 0.15f, 1},
                   BAD_C[4] = {0.80f, 0.10f, 0.05f, 1}, GREY[4] = {0.45f, 0.45f, 0.45f, 1};

/* where the sketch goes on the screen: pixel = o + s * (u, v) */
typedef struct sheet_map {
  float ox, oy, s;
} sheet_map;

/* a thin line between two screen points (axis-aligned dimension lines only) */
static void hline(hh_hud *h, hh_font *f, float x0, float x1, float y, const float c[4]) {
  if (x1 < x0) { float t = x0; x0 = x1; x1 = t; }
  hh_rhud_rect(h, f, x0, y - 0.5f, x1, y + 0.5f, c);
}

/* vertical thin line */
static void vline(hh_hud *h, hh_font *f, float x, float y0, float y1, const float c[4]) {
  if (y1 < y0) { float t = y0; y0 = y1; y1 = t; }
  hh_rhud_rect(h, f, x - 0.5f, y0, x + 0.5f, y1, c);
}

/* a horizontal dimension line with end ticks and its label above */
static void hdim(hh_hud *h, hh_font *f, float x0, float x1, float y, const char *label, int px) {
  hline(h, f, x0, x1, y, DIM);
  vline(h, f, x0, y - 3, y + 3, DIM);
  vline(h, f, x1, y - 3, y + 3, DIM);
  float w = hh_rhud_text_width(f, label, px);
  hh_rhud_text(h, f, 0.5f * (x0 + x1) - 0.5f * w, y - 2, px, label, DIM);
}

/* a vertical dimension line with end ticks and its label beside it */
static void vdim(hh_hud *h, hh_font *f, float x, float y0, float y1, const char *label, int px) {
  vline(h, f, x, y0, y1, DIM);
  hline(h, f, x - 3, x + 3, y0, DIM);
  hline(h, f, x - 3, x + 3, y1, DIM);
  hh_rhud_text(h, f, x + 2, 0.5f * (y0 + y1) + px * 0.35f, px, label, DIM);
}

/* the sketch labels a dimension with its row number in the table */
static void short_name(int g, char *buf, size_t size) { snprintf(buf, size, "%d", g + 1); }

/* mill: top view of the block shaded by depth, dimension lines of the gauges */
static void mill_sketch(hh_hud *h, hh_font *f, const hh_model *m, const hh_data *d, float x0,
                        float y0, float x1, float y1, int px) {
  enum { N = 40 };
  const hh_cnc_model *k = &m->cnc;
  double dx = k->stock_max[0] - k->stock_min[0], dy = k->stock_max[1] - k->stock_min[1];
  double top = k->stock_max[2];
  float s = (float)fmin((x1 - x0) / dx, (y1 - y0) / dy);
  float ox = 0.5f * (x0 + x1) - s * (float)(0.5 * dx), oy = 0.5f * (y0 + y1) + s * (float)(0.5 * dy);
  float cw = s * (float)dx / N, ch = s * (float)dy / N;
  for (int j = 0; j < N; j++)
    for (int i = 0; i < N; i++) {
      double x = k->stock_min[0] + (i + 0.5) * dx / N, y = k->stock_min[1] + (j + 0.5) * dy / N;
      double z = hh_cnc_height_at(m, d, x, y);
      double u = z < 0 ? 1 : fmin(1.0, (top - z) / 0.01); /* 0 = top, 1 = 10 mm down */
      float c[4];
      for (int q = 0; q < 3; q++) c[q] = (float)(PART[q] + u * (DEEP[q] - PART[q]));
      c[3] = 1;
      hh_rhud_rect(h, f, ox + i * cw, oy - (j + 1) * ch, ox + (i + 1) * cw + 0.5f, oy - j * ch + 0.5f, c);
    }
  /* outline of the blank */
  hline(h, f, ox, ox + s * (float)dx, oy, INK);
  hline(h, f, ox, ox + s * (float)dx, oy - s * (float)dy, INK);
  vline(h, f, ox, oy, oy - s * (float)dy, INK);
  vline(h, f, ox + s * (float)dx, oy, oy - s * (float)dy, INK);
  /* screen of a drawing-frame point */
#define SX(x) (ox + s * (float)((x) + k->part_origin[0] - k->stock_min[0]))
#define SY(y) (oy - s * (float)((y) + k->part_origin[1] - k->stock_min[1]))
  int lpx = px;
  char nm[32];
  for (int g = 0; g < k->n_gauges; g++) {
    const hh_cnc_gauge *ga = &k->gauge[g];
    double n2 = 0.5 * ga->nominal;
    short_name(g, nm, sizeof nm);
    switch (ga->kind) {
    case HH_GAUGE_OUTER_X: hdim(h, f, SX(ga->at[0] - n2), SX(ga->at[0] + n2), oy - 3, nm, lpx); break;
    case HH_GAUGE_OUTER_Y: vdim(h, f, ox + s * (float)dx - 4, SY(ga->at[1] - n2), SY(ga->at[1] + n2), nm, lpx); break;
    case HH_GAUGE_INNER_X: hdim(h, f, SX(ga->at[0] - n2), SX(ga->at[0] + n2), SY(ga->at[1]), nm, lpx); break;
    case HH_GAUGE_INNER_Y: vdim(h, f, SX(ga->at[0]), SY(ga->at[1] - n2), SY(ga->at[1] + n2), nm, lpx); break;
    case HH_GAUGE_HOLE:
      hh_rhud_rect(h, f, SX(ga->at[0] - n2), SY(ga->at[1] + n2), SX(ga->at[0] + n2), SY(ga->at[1] - n2), DIM);
      hh_rhud_text(h, f, SX(ga->at[0] + n2) + 1, SY(ga->at[1]) - 1, lpx, nm, DIM);
      break;
    default: break;
    }
  }
#undef SX
#undef SY
}

/* lathe: side view of the turned part (both halves about the axis), the diameters as
   vertical and the lengths as horizontal dimension lines */
static void lathe_sketch(hh_hud *h, hh_font *f, const hh_model *m, const hh_data *d, float x0,
                         float y0, float x1, float y1, int px) {
  enum { N = 120 };
  const hh_cnc_model *k = &m->cnc;
  double z0 = k->stock_min[2], dz = k->stock_max[2] - k->stock_min[2], rmax = k->stock_max[0];
  float s = (float)fmin((x1 - x0) / dz, (y1 - y0) / (2.0 * rmax + 0.016));
  float ox = 0.5f * (x0 + x1) - s * (float)(0.5 * dz), cy = 0.5f * (y0 + y1) - s * 0.004f;
  float cw = s * (float)dz / N;
  for (int i = 0; i < N; i++) {
    double r = hh_cnc_radius_at(m, d, z0 + (i + 0.5) * dz / N);
    if (r <= 0) continue;
    hh_rhud_rect(h, f, ox + i * cw, cy - s * (float)r, ox + (i + 1) * cw + 0.5f, cy + s * (float)r, PART);
  }
  hline(h, f, ox - 4, ox + s * (float)dz + 4, cy, INK); /* the axis */
#define SZ(z) (ox + s * (float)((z) + k->part_origin[2] - z0))
  char nm[32];
  int nl = 0;
  for (int g = 0; g < k->n_gauges; g++) {
    const hh_cnc_gauge *ga = &k->gauge[g];
    short_name(g, nm, sizeof nm);
    if (ga->kind == HH_GAUGE_DIAMETER) {
      float x = SZ(ga->at[2]);
      vdim(h, f, x, cy - s * (float)(0.5 * ga->nominal), cy + s * (float)(0.5 * ga->nominal), "", px);
      hh_rhud_text(h, f, x - hh_rhud_text_width(f, nm, px) * 0.5f,
                   cy - s * (float)(0.5 * ga->nominal) - 2, px, nm, DIM);
    } else if (ga->kind == HH_GAUGE_LENGTH) {
      float y = cy + s * (float)rmax + 4 + px * 1.1f * (float)(nl++);
      hdim(h, f, SZ(ga->at[2] + 1e-3 - ga->nominal), SZ(ga->at[2] + 1e-3), y + px, nm, px);
    }
  }
#undef SZ
}

/* one table row: name, band, measured value coloured by the band */
static void table_row(hh_hud *h, hh_font *f, float x, float xr, float y, int px, const char *name,
                      const char *band, double v, int ok) {
  char val[32], nm[64];
  snprintf(nm, sizeof nm, "%s", name);
  size_t len = strlen(nm);
  while (len > 4 && hh_rhud_text_width(f, nm, px) > xr - x - px * 3.4f) { /* clip long names */
    len--;
    while (len > 0 && ((unsigned char)nm[len] & 0xC0) == 0x80) len--;
    nm[len] = '\0';
  }
  float nw = hh_rhud_text(h, f, x, y, px, nm, INK);
  float bw = hh_rhud_text_width(f, band, px);
  if (x + nw + px < xr - px * 4.2f - bw) /* the band when there is room */
    hh_rhud_text(h, f, xr - px * 4.2f - bw, y, px, band, GREY);
  if (v > 0) snprintf(val, sizeof val, "%.3f", v);
  else snprintf(val, sizeof val, "-");
  hh_rhud_text(h, f, xr - hh_rhud_text_width(f, val, px), y, px, val, v > 0 ? (ok ? OK_C : BAD_C) : GREY);
}

void hh_rcnc_sheet(hh_hud *h, hh_font *font, const hh_model *m, const hh_data *d, int W, int H,
                   int px) {
  const hh_cnc_state *s = &d->cnc;
  const hh_cnc_model *k = &m->cnc;
  if (!s->drawing) return;
  float pad = px * 0.6f;
  float x0 = W * 0.42f, x1 = W - pad, y0 = px * 4.9f + pad, y1 = H - px * 3.6f;
  if (y1 - y0 < px * 8) y1 = y0 + px * 8;
  hh_rhud_rect(h, font, x0, y0, x1, y1, PAPER);
  hline(h, font, x0 + 2, x1 - 2, y0 + 2, INK);
  hline(h, font, x0 + 2, x1 - 2, y1 - 2, INK);
  vline(h, font, x0 + 2, y0 + 2, y1 - 2, INK);
  vline(h, font, x1 - 2, y0 + 2, y1 - 2, INK);
  /* title block */
  const char *title = m->title_en[0] ? m->title_en : m->id;
  if (strcmp(hh_i18n_lang(), "zh-CN") == 0 && m->title_zh[0]) title = m->title_zh;
  int tpx = px;
  char head[160];
  snprintf(head, sizeof head, "%s: %s", hh_tr("Drawing"), title);
  while (tpx > 8 && hh_rhud_text_width(font, head, tpx) > x1 - x0 - 2 * pad) tpx--;
  hh_rhud_text(h, font, x0 + pad, y0 + pad + tpx, tpx, head, INK);
  float top = y0 + pad + tpx * 1.6f;
  /* the table on the right: one row per dimension and roughness callout */
  int rows = k->n_gauges + k->n_surf + 1;
  float pitch = fminf(px * 1.3f, (y1 - top - pad) / (float)rows);
  int rpx = (int)(pitch / 1.3f);
  if (rpx < 7) rpx = 7;
  float tx = x0 + (x1 - x0) * 0.50f, txr = x1 - pad, y = top + rpx;
  hh_rhud_text(h, font, tx, y, rpx, hh_tr("Dimension"), INK);
  const char *mh = hh_tr("Measured");
  hh_rhud_text(h, font, txr - hh_rhud_text_width(font, mh, rpx), y, rpx, mh, INK);
  hline(h, font, tx, txr, y + rpx * 0.35f, INK);
  char band[48];
  for (int g = 0; g < k->n_gauges; g++) {
    const hh_cnc_gauge *ga = &k->gauge[g];
    double v = s->dims[g] * 1e3;
    y += pitch;
    char name[48];
    snprintf(name, sizeof name, "%d  %s", g + 1, ga->name);
    snprintf(band, sizeof band, "%.3f..%.3f", ga->lo * 1e3, ga->hi * 1e3);
    table_row(h, font, tx, txr, y, rpx, name, band, v,
              s->dims[g] >= ga->lo - 1e-12 && s->dims[g] <= ga->hi + 1e-12);
  }
  for (int i = 0; i < k->n_surf; i++) {
    y += pitch;
    snprintf(band, sizeof band, "Ra<=%.1f", k->surf[i].spec * 1e6);
    table_row(h, font, tx, txr, y, rpx, k->surf[i].name, band, s->ra[i] * 1e6,
              s->ra[i] <= k->surf[i].spec);
  }
  /* the sketch on the left */
  float sx0 = x0 + pad * 2, sx1 = tx - pad * 2, sy0 = top + rpx * 1.5f, sy1 = y1 - pad - rpx * 3;
  if (sx1 - sx0 < 20 || sy1 - sy0 < 20) return;
  if (hh_cnc_is_lathe(m)) lathe_sketch(h, font, m, d, sx0, sy0, sx1, sy1, rpx);
  else mill_sketch(h, font, m, d, sx0, sy0, sx1, sy1, rpx);
}
