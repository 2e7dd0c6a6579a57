/* hh_crane_geometry.c - spreader-over-container checks: corner error and landed. */
#include "hh_crane_internal.h"
#include <math.h>

/* largest horizontal distance (m) from a spreader lock to its container casting */
double hh_crane_corner_error(const hh_model *m, const hh_data *d) {
  const double *h = m->container.half;
  double worst = 0;
  for (int k = 0; k < 4; k++) {
    double cx = (k & 1) ? h[0] : -h[0], cy = (k & 2) ? h[1] : -h[1];
    /* the lock under the spreader and the casting on the container's top */
    double lock_off[3] = {cx, cy, -m->sts.spreader_half[2]}, cast_off[3] = {cx, cy, h[2]};
    double a[3], b[3];
    hh_crane_rotate(d->spreader.quat, lock_off, a);
    hh_crane_rotate(d->container.quat, cast_off, b);
    double dx = d->spreader.pos[0] + a[0] - d->container.pos[0] - b[0];
    double dy = d->spreader.pos[1] + a[1] - d->container.pos[1] - b[1];
    double e = sqrt(dx * dx + dy * dy);
    if (e > worst) worst = e;
  }
  return worst;
}

/* seated: touching the container, the ropes carrying under 90 % of the spreader's
   weight, and the spreader's underside within 5 cm of the container's top */
int hh_crane_landed(const hh_model *m, const hh_data *d, const hh_crane_sense *s) {
  if (!s->spreader_container) return 0;
  double sum = 0;
  for (int r = 0; r < 4; r++) sum += d->rope_tension[r];
  if (sum >= 0.9 * m->sts.spreader_mass * m->gravity) return 0;
  double gap = (d->spreader.pos[2] - m->sts.spreader_half[2]) -
               (d->container.pos[2] + m->container.half[2]);
  return fabs(gap) < 0.05;
}
