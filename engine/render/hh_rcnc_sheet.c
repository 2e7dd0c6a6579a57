/* hh_rcnc_sheet.c - the exam drawing as a 2D sheet over the CNC HUD (toggled with the
 * panel's DRAWING key, d->cnc.drawing): a sketch of the part as cut (mill: top view
 * shaded by depth; lathe: side view of the turned profile) with the drawing's nominal
 * profile (outline{}) drawn over it in ink, a dimension line per gauge labelled with its
 * row number, nominal and tolerance ("2: \xC3\x9836 0/-0.04"), a legend, and the table of
 * dimensions with their tolerance bands and roughness callouts beside the last measured
 * values (green in band, red out).
 * Reads the model and d, never writes.
 */
#include "hh_render_int.h"
#include "hh_rcnc_keys.h"
#include "../core/hh_i18n.h"
#include "../machines/cnc/hh_cnc.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

static const float PAPER[4] = {0.95f, 0.95f, 0.91f, 1.0f}, INK[4] = {0.05f, 0.10f, 0.30f, 1},
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
  /* baseline above the end ticks by the descent, so no letter touches the line */
  hh_rhud_text(h, f, 0.5f * (x0 + x1) - 0.5f * w, y - 4 - px * 0.3f, px, label, DIM);
}

/* a vertical dimension line with end ticks and its label: where 0 on its right, 1 on
   its left, 2 centred under its lower end */
static void vdim(hh_hud *h, hh_font *f, float x, float y0, float y1, const char *label, int px,
                 int where) {
  vline(h, f, x, y0, y1, DIM);
  hline(h, f, x - 3, x + 3, y0, DIM);
  hline(h, f, x - 3, x + 3, y1, DIM);
  float w = hh_rhud_text_width(f, label, px), ty = 0.5f * (y0 + y1) + px * 0.35f;
  float tx = where == 1 ? x - 2 - w : where == 2 ? x - 0.5f * w : x + 2;
  if (where == 2) ty = fmaxf(y0, y1) + px * 1.1f;
  hh_rhud_text(h, f, tx, ty, px, label, DIM);
}

/* a length in m as mm without trailing zeros ("28", "0.03", "19.85") */
static void mm_str(double v, char *buf, size_t size) {
  snprintf(buf, size, "%.3f", v * 1e3);
  char *e = buf + strlen(buf);
  while (e > buf && e[-1] == '0') *--e = '\0';
  if (e > buf && e[-1] == '.') *--e = '\0';
  if (strcmp(buf, "-0") == 0) snprintf(buf, size, "0");
}

/* a tolerance deviation with its sign ("+0.04", "-0.03", "0") */
static void dev_str(double v, char *buf, size_t size) {
  char t[32];
  mm_str(fabs(v), t, sizeof t);
  snprintf(buf, size, "%s%s", strcmp(t, "0") == 0 ? "" : v < 0 ? "-" : "+", t);
}

/* the sketch label of a dimension: its row number in the table, a diameter sign for
   diameters and holes, the nominal and the tolerance ("1: D28 0/-0.03" with the
   diameter sign, "5: 20 +/-0.05" with the plus-minus sign) */
static void dim_label(int g, const hh_cnc_gauge *ga, char *buf, size_t size) {
  char nom[32], up[40], dn[40];
  mm_str(ga->nominal, nom, sizeof nom);
  double hi = ga->hi - ga->nominal, lo = ga->lo - ga->nominal;
  const char *dia = ga->kind == HH_GAUGE_DIAMETER || ga->kind == HH_GAUGE_HOLE ? "\xC3\x98" : "";
  if (hi > 0 && fabs(hi + lo) < 1e-9) {
    mm_str(hi, up, sizeof up);
    snprintf(buf, size, "%d: %s%s \xC2\xB1%s", g + 1, dia, nom, up);
  } else {
    dev_str(hi, up, sizeof up);
    dev_str(lo, dn, sizeof dn);
    snprintf(buf, size, "%d: %s%s %s/%s", g + 1, dia, nom, up, dn);
  }
}

/* the labels placed on a sketch so far (pixels), so the next one can keep clear */
typedef struct sheet_labels {
  float r[2 * HH_CNC_MAX_GAUGES + 4][4]; /* the labels and the hole circles */
  int n;
} sheet_labels;

/* draw label text at (x, baseline y) on a paper backing, moved up or down a line at a
   time (nearest first) until it overlaps no label placed before; then remember it */
static void place_label(hh_hud *h, hh_font *f, sheet_labels *L, float x, float y, int px,
                        const char *text) {
  float w = hh_rhud_text_width(f, text, px), ty = y;
  for (int t = 0; t < 9; t++) {
    ty = y + (t & 1 ? 1.0f : -1.0f) * (float)((t + 1) / 2) * px * 1.15f;
    float q[4] = {x - 1, ty - px * 0.85f, x + w + 1, ty + px * 0.25f};
    int clash = 0;
    for (int i = 0; i < L->n; i++)
      clash |= q[0] < L->r[i][2] && L->r[i][0] < q[2] && q[1] < L->r[i][3] && L->r[i][1] < q[3];
    if (!clash) break;
  }
  float q[4] = {x - 1, ty - px * 0.85f, x + w + 1, ty + px * 0.25f};
  if (L->n < (int)(sizeof L->r / sizeof L->r[0])) memcpy(L->r[L->n++], q, sizeof q);
  hh_rhud_rect(h, f, q[0], q[1], q[2], q[3], PAPER);
  hh_rhud_text(h, f, x, ty, px, text, DIM);
}

/* mill: top view of the block shaded by depth, dimension lines of the gauges with their
   labels kept apart (the outer ones outside the block: below it and to its right) */
static void mill_sketch(hh_hud *h, hh_font *f, const hh_model *m, const hh_data *d, float x0,
                        float y0, float x1, float y1, int px) {
  enum { N = 40 };
  const hh_cnc_model *k = &m->cnc;
  double dx = k->stock_max[0] - k->stock_min[0], dy = k->stock_max[1] - k->stock_min[1];
  double top = k->stock_max[2];
  int lpx = px * 3 / 4 > 8 ? px * 3 / 4 : 8; /* dimension labels a size below the table's */
  char nm[128];
  float wy = 0; /* room for the outer Y labels on the right */
  for (int g = 0; g < k->n_gauges; g++)
    if (k->gauge[g].kind == HH_GAUGE_OUTER_Y) {
      dim_label(g, &k->gauge[g], nm, sizeof nm);
      wy = fmaxf(wy, hh_rhud_text_width(f, nm, lpx) + 10);
    }
  float s = (float)fmin((x1 - x0 - wy) / dx, (y1 - y0 - lpx * 1.9f) / dy);
  if (s <= 0) return;
  float ox = 0.5f * (x0 + x1 - wy) - s * (float)(0.5 * dx), oy = y0 + s * (float)dy;
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
  float lw = fmaxf(1.5f, px * 0.1f);
  for (int o = 0; o < k->n_outlines; o++) { /* the nominal profile over the part as cut */
    const double(*p)[2] = k->outline[o];
    int n = k->outline_n[o];
    for (int i = 0; i + 1 < n + (k->outline_closed[o] ? 1 : 0); i++) {
      int j = (i + 1) % n;
      hh_rhud_seg(h, f, SX(p[i][0]), SY(p[i][1]), SX(p[j][0]), SY(p[j][1]), lw, INK);
    }
  }
  sheet_labels L = {.n = 0};
  float tw;
  for (int g = 0; g < k->n_gauges; g++) /* the hole circles: no label may lie on them */
    if (k->gauge[g].kind == HH_GAUGE_HOLE && L.n < (int)(sizeof L.r / sizeof L.r[0])) {
      const hh_cnc_gauge *ga = &k->gauge[g];
      float r = s * (float)(0.5 * ga->nominal) + lw, cx = SX(ga->at[0]), cy = SY(ga->at[1]);
      float q[4] = {cx - r, cy - r, cx + r, cy + r};
      memcpy(L.r[L.n++], q, sizeof q);
    }
  for (int g = 0; g < k->n_gauges; g++) {
    const hh_cnc_gauge *ga = &k->gauge[g];
    double n2 = 0.5 * ga->nominal;
    dim_label(g, ga, nm, sizeof nm);
    tw = hh_rhud_text_width(f, nm, lpx);
    switch (ga->kind) {
    case HH_GAUGE_OUTER_X: { /* under the block */
      float a = SX(ga->at[0] - n2), b = SX(ga->at[0] + n2), y = oy + lpx * 0.6f;
      hdim(h, f, a, b, y, "", lpx);
      place_label(h, f, &L, 0.5f * (a + b - tw), y + lpx * 1.15f, lpx, nm);
      break;
    }
    case HH_GAUGE_OUTER_Y: { /* right of the block */
      float x = ox + s * (float)dx + 4, a = SY(ga->at[1] - n2), b = SY(ga->at[1] + n2);
      vdim(h, f, x, a, b, "", lpx, 0);
      place_label(h, f, &L, x + 3, 0.5f * (a + b) + lpx * 0.35f, lpx, nm);
      break;
    }
    case HH_GAUGE_INNER_X: {
      float a = SX(ga->at[0] - n2), b = SX(ga->at[0] + n2), y = SY(ga->at[1]);
      hdim(h, f, a, b, y, "", lpx);
      place_label(h, f, &L, 0.5f * (a + b - tw), y - 2, lpx, nm);
      break;
    }
    case HH_GAUGE_INNER_Y: {
      float x = SX(ga->at[0]), a = SY(ga->at[1] - n2), b = SY(ga->at[1] + n2);
      vdim(h, f, x, a, b, "", lpx, 2);
      place_label(h, f, &L, x - 0.5f * tw, fmaxf(a, b) + lpx * 1.1f, lpx, nm);
      break;
    }
    case HH_GAUGE_HOLE: { /* a diameter line across the hole, the label beside it */
      float hx0 = SX(ga->at[0] - n2), hx1 = SX(ga->at[0] + n2), hy = SY(ga->at[1]);
      hline(h, f, hx0, hx1, hy, DIM);
      float gap = lw + 2 + lpx * 0.25f; /* clear of the circle's ink and its backing */
      float tx = ga->at[0] > 0 ? hx0 - gap - tw : hx1 + gap; /* toward the part's centre */
      place_label(h, f, &L, tx, hy + lpx * 0.35f, lpx, nm);
      break;
    }
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
  enum { N = 120, ROWS = 3, SLOTS = 2 * ROWS, PER = HH_CNC_MAX_GAUGES };
  const hh_cnc_model *k = &m->cnc;
  double z0 = k->stock_min[2], dz = k->stock_max[2] - k->stock_min[2], rmax = k->stock_max[0];
  int nlen = 0;
  for (int g = 0; g < k->n_gauges; g++) nlen += k->gauge[g].kind == HH_GAUGE_LENGTH;
  /* room for ROWS label rows above and below the part and the length rows under it;
     dimension labels a size below the table's, smaller (down to 10 px) while the rows
     would leave the part under a third of the sketch (large print on a small screen) */
  float lh, top_room, llh, bot_room, s;
  for (px = px * 3 / 4 > 8 ? px * 3 / 4 : 8;; px--) {
    lh = px * 1.2f, top_room = ROWS * lh + 4;
    llh = px * 1.6f + 8; /* a length row: label, gap, line with its ticks, gap */
    bot_room = ROWS * lh + nlen * llh + 8;
    s = (float)fmin((x1 - x0) / dz, (y1 - y0 - top_room - bot_room) / (2.0 * rmax));
    if (px <= 10 || s * rmax * 2 >= (y1 - y0) / 3) break;
  }
  int labels = s * rmax * 2 >= px; /* too little room for the label rows (a thumbnail):
                                      the profile alone, the table lists the dimensions */
  if (!labels) {
    top_room = bot_room = 0;
    s = (float)fmin((x1 - x0) / dz, (y1 - y0) / (2.0 * rmax));
  }
  if (s <= 0) return;
  float ox = 0.5f * (x0 + x1) - s * (float)(0.5 * dz), cy = y0 + top_room + s * (float)rmax;
  float cw = s * (float)dz / N;
  for (int i = 0; i < N; i++) {
    double r = hh_cnc_radius_at(m, d, z0 + (i + 0.5) * dz / N);
    if (r <= 0) continue;
    hh_rhud_rect(h, f, ox + i * cw, cy - s * (float)r, ox + (i + 1) * cw + 0.5f, cy + s * (float)r, PART);
  }
  hline(h, f, ox - 4, ox + s * (float)dz + 4, cy, INK); /* the axis */
#define SZ(z) (ox + s * (float)((z) + k->part_origin[2] - z0))
  float lw = fmaxf(1.5f, px * 0.1f);
  for (int o = 0; o < k->n_outlines; o++) { /* the nominal profile, both halves */
    const double(*p)[2] = k->outline[o];
    int n = k->outline_n[o];
    for (int i = 0; i + 1 < n + (k->outline_closed[o] ? 1 : 0); i++) {
      int j = (i + 1) % n;
      for (int side = -1; side <= 1; side += 2)
        hh_rhud_seg(h, f, SZ(p[i][0]), cy + side * s * (float)p[i][1], SZ(p[j][0]),
                    cy + side * s * (float)p[j][1], lw, INK);
    }
  }
  char nm[128];
  int nl = 0;
  /* diameter labels: each in the first slot (row above, row below, second row above,
     ...) where it runs into no label already there; none free: the last slot */
  float used[SLOTS][PER][2];
  int n_used[SLOTS] = {0};
  for (int g = 0; g < k->n_gauges; g++) {
    const hh_cnc_gauge *ga = &k->gauge[g];
    dim_label(g, ga, nm, sizeof nm);
    if (!labels) continue;
    if (ga->kind == HH_GAUGE_DIAMETER) {
      float x = SZ(ga->at[2]), r = s * (float)(0.5 * ga->nominal);
      vdim(h, f, x, cy - r, cy + r, "", px, 0);
      float tw = hh_rhud_text_width(f, nm, px), tx = x - 0.5f * tw, gap = px * 0.5f;
      tx = fmaxf(x0, fminf(tx, x1 - tw)); /* inside the sketch */
      int slot = 0;
      for (; slot < SLOTS - 1; slot++) {
        int clash = 0;
        for (int q = 0; q < n_used[slot]; q++)
          clash |= tx < used[slot][q][1] + gap && tx + tw + gap > used[slot][q][0];
        if (!clash) break;
      }
      if (n_used[slot] < PER) {
        used[slot][n_used[slot]][0] = tx, used[slot][n_used[slot]][1] = tx + tw;
        n_used[slot]++;
      }
      int below = slot & 1, row = slot / 2;
      float edge = cy + (below ? 1 : -1) * (s * (float)rmax + 2);
      float base = below ? edge + lh * (row + 1) - px * 0.25f : edge - lh * row - px * 0.25f;
      vline(h, f, x, below ? cy + r : base, below ? base - px * 0.8f : cy - r, DIM); /* leader */
      hh_rhud_text(h, f, tx, base, px, nm, DIM);
    } else if (ga->kind == HH_GAUGE_LENGTH) {
      float y = cy + s * (float)rmax + 4 + ROWS * lh + llh * (float)(nl++);
      hdim(h, f, SZ(ga->at[2] + 1e-3 - ga->nominal), SZ(ga->at[2] + 1e-3), y + llh - 4, nm, px);
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

/* the widest table row's need at rpx: name, band and value side by side (table_row) */
static float table_need(hh_font *font, const hh_model *m, int rpx) {
  const hh_cnc_model *k = &m->cnc;
  char name[64], band[48];
  float need = hh_rhud_text_width(font, hh_tr("Dimension"), rpx) + rpx +
               hh_rhud_text_width(font, hh_tr("Measured"), rpx);
  for (int g = 0; g < k->n_gauges + k->n_surf; g++) {
    if (g < k->n_gauges) {
      const hh_cnc_gauge *ga = &k->gauge[g];
      snprintf(name, sizeof name, "%d  %s", g + 1, ga->name);
      snprintf(band, sizeof band, "%.3f..%.3f", ga->lo * 1e3, ga->hi * 1e3);
    } else {
      snprintf(name, sizeof name, "%s", k->surf[g - k->n_gauges].name);
      snprintf(band, sizeof band, "Ra<=%.1f", k->surf[g - k->n_gauges].spec * 1e6);
    }
    float w = hh_rhud_text_width(font, name, rpx) + rpx * 5.4f + hh_rhud_text_width(font, band, rpx);
    if (w > need) need = w;
  }
  return need;
}

void hh_rcnc_sheet(hh_hud *h, hh_font *font, const hh_model *m, const hh_data *d, int W, int H,
                   int px) {
  const hh_cnc_state *s = &d->cnc;
  const hh_cnc_model *k = &m->cnc;
  if (!s->drawing) return;
  /* a column at the right (hh_rcnc_view.c keeps the camera's work zone clear of it):
     title, the sketch with its legend, the table of dimensions under it */
  float r[4];
  hh_rcnc_sheet_rect(m, d, W, H, h->large, r);
  float pad = px * 0.6f, x0 = r[0], x1 = r[2], y0 = r[1], y1 = r[3];
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
  /* the table at the bottom: the largest letters at which every name fits whole */
  int rows = k->n_gauges + k->n_surf + 1;
  float tx = x0 + pad, txr = x1 - pad;
  int rpx = px * 4 / 5;
  while (rpx > 7 && (table_need(font, m, rpx) > txr - tx || rows * rpx * 1.3f > 0.5f * (y1 - top)))
    rpx--;
  if (rpx < 7) rpx = 7;
  float pitch = rpx * 1.3f, ty0 = y1 - pad - rows * pitch, y = ty0 + rpx;
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
  /* the sketch between the title and the table, its legend under it */
  const char *cut = hh_tr("Part as cut"), *nom = hh_tr("Nominal profile");
  float sx0 = x0 + pad, sx1 = x1 - pad;
  int lpx = rpx;
  while (lpx > 7 && lpx * 6.4f + hh_rhud_text_width(font, cut, lpx) +
                        (k->n_outlines > 0 ? hh_rhud_text_width(font, nom, lpx) : 0) > sx1 - sx0)
    lpx--;
  float ly = ty0 - pad * 0.5f, sy0 = top + rpx * 0.5f, sy1 = ly - lpx * 1.6f;
  if (sx1 - sx0 < 20 || sy1 - sy0 < 20) return;
  if (hh_cnc_is_lathe(m)) lathe_sketch(h, font, m, d, sx0, sy0, sx1, sy1, rpx * 5 / 4);
  else mill_sketch(h, font, m, d, sx0, sy0, sx1, sy1, rpx * 5 / 4);
  float lx = sx0;
  hh_rhud_rect(h, font, lx, ly - lpx * 0.7f, lx + lpx * 1.4f, ly, PART);
  lx += lpx * 1.8f;
  lx += hh_rhud_text(h, font, lx, ly, lpx, cut, INK) + lpx * 1.2f;
  if (k->n_outlines > 0) {
    hh_rhud_seg(h, font, lx, ly - lpx * 0.35f, lx + lpx * 1.4f, ly - lpx * 0.35f,
                fmaxf(1.5f, lpx * 0.1f), INK);
    hh_rhud_text(h, font, lx + lpx * 1.8f, ly, lpx, nom, INK);
  }
}
