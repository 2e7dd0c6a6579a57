/* hh_ryard.c - the container yard of the model (m->yard) as box instances: stacks of
 * 40 ft containers in rows and bays, a seeded mix of line colours and stack heights,
 * corner frames left out (the boxes are far from the cab); one instanced draw. */
#include "hh_render_int.h"
#include <stdint.h>

#define BOX_HALF_X 6.096   /* 40 ft container half length (m) */
#define BOX_HALF_Y 1.219   /* half width (m) */
#define BOX_HALF_Z 1.2955  /* half height (9 ft 6 in high cube) (m) */

/* a small integer hash (deterministic colours and heights) */
static uint32_t mix(uint32_t x) {
  x ^= x >> 16;
  x *= 0x7feb352dU;
  x ^= x >> 15;
  x *= 0x846ca68bU;
  x ^= x >> 16;
  return x;
}

void hh_ryard_build(hh_ibuf *b, const hh_model *m) {
  /* shipping-line colours, linear RGB */
  static const float line[8][4] = {
      {0.42f, 0.05f, 0.03f, 1}, {0.02f, 0.10f, 0.35f, 1}, {0.05f, 0.25f, 0.08f, 1},
      {0.60f, 0.33f, 0.02f, 1}, {0.45f, 0.45f, 0.45f, 1}, {0.03f, 0.22f, 0.30f, 1},
      {0.30f, 0.02f, 0.12f, 1}, {0.55f, 0.50f, 0.40f, 1}};
  const hh_yard *y = &m->yard;
  if (y->rows <= 0 || y->bays <= 0 || y->tiers <= 0) return;
  double px = y->pitch[0] > 0 ? y->pitch[0] : 13.0;
  double py = y->pitch[1] > 0 ? y->pitch[1] : 2.8;
  double fill = y->fill > 0 ? y->fill : 1.0;
  double half[3] = {BOX_HALF_X, BOX_HALF_Y, BOX_HALF_Z};
  for (int r = 0; r < y->rows; r++)
    for (int c = 0; c < y->bays; c++) {
      uint32_t h = mix((uint32_t)(r * 7919 + c * 104729 + 1));
      /* stack height: full stacks for the fill share, lower ones for the rest */
      int tiers = y->tiers;
      if ((double)(h & 0xFFFF) / 65535.0 >= fill) tiers = (int)((h >> 16) % (uint32_t)y->tiers);
      for (int t = 0; t < tiers; t++) {
        uint32_t k = mix(h + (uint32_t)t * 31u);
        const float *col = line[k & 7];
        double ctr[3] = {y->origin[0] + c * px, y->origin[1] + r * py,
                         y->origin[2] + BOX_HALF_Z + t * 2.0 * BOX_HALF_Z};
        int before = b->n;
        hh_ibuf_box(b, ctr, half, 0.0, col, HH_MAT_SOLID);
        if (b->n > before) b->v[b->n - 1].mat[1] = 0.55f; /* painted steel roughness */
      }
    }
}
