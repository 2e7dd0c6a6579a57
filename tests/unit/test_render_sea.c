/* test_render_sea.c - the drawn sea grid (engine/render/hh_rmarine.c,
 * hh_rmarine_sea_grid: phases advanced by complex rotation) equals the wave field the
 * physics uses at every corner: elevation against hh_sea_elevation, slopes against a
 * direct sum (with the grid's fade of unresolved components), to 1e-9 m, late in a
 * long run (large phases), on a short-crested sea with components in the fade band;
 * the same comparison rejects a grid whose phase step is 0.1 % off; bad sizes refused. */
#include "hh_test.h"
#include "machines/marine/hh_marine.h"
#include "render/hh_render_int.h"
#include <math.h>
#include <string.h>

#define PI 3.14159265358979323846
#define M (HH_SEA_GRID_MAX + 1)

static hh_sea_params sea;
static double ze[M * M], zx[M * M], zy[M * M];

/* direct slopes at (x, y, t): each component's, faded out between 4 and 2 cells of
   size step per wavelength */
static void slope_at(double x, double y, double t, double step, double *sx, double *sy) {
  *sx = *sy = 0;
  for (int k = 0; k < sea.n; k++) {
    double th = sea.kx[k] * x + sea.ky[k] * y - sea.omega[k] * t + sea.phase[k];
    double kt = sea.k[k] * step / PI;
    double f = kt < 0.5 ? 1.0 : kt > 1.0 ? 0.0 : 0.5 + 0.5 * cos((kt - 0.5) * 2.0 * PI);
    *sx -= f * sea.amp[k] * sea.kx[k] * sin(th);
    *sy -= f * sea.amp[k] * sea.ky[k] * sin(th);
  }
}

/* largest difference (m, or slope) between the grid in ze/zx/zy (n cells) and direct
   evaluation at corners (x0 + i step, y0 + j step); *range: elevation max - min */
static double max_err(double x0, double y0, double step, int n, double t, double *range) {
  double err = 0, lo = 1e9, hi = -1e9;
  for (int i = 0; i <= n; i++)
    for (int j = 0; j <= n; j++) {
      int q = i * (n + 1) + j;
      double x = x0 + i * step, y = y0 + j * step, sx, sy;
      double e = hh_sea_elevation(&sea, x, y, t);
      slope_at(x, y, t, step, &sx, &sy);
      err = fmax(err, fmax(fabs(ze[q] - e), fmax(fabs(zx[q] - sx), fabs(zy[q] - sy))));
      lo = fmin(lo, e), hi = fmax(hi, e);
    }
  if (range) *range = hi - lo;
  return err;
}

int main(void) {
  hh_error err;
  memset(&err, 0, sizeof err);
  sea.hs = 2.0, sea.tp = 8.0, sea.gamma = 3.3, sea.dir = PI - 0.5, sea.spread_s = 10;
  sea.n_waves = 256;
  CHECK(hh_sea_build(&sea, 9.81, 7, "test", &err) == HH_OK);
  CHECK(sea.n == 256);
  int fading = 0; /* components whose slope the 6 m grid fades (not 0, not 1) */
  for (int k = 0; k < sea.n; k++) fading += sea.k[k] * 6.0 / PI > 0.5 && sea.k[k] * 6.0 / PI < 1.0;
  CHECK(fading > 5);

  /* the offshore scene's grid (30 cells of 6 m), early and late in a run */
  double t[3] = {0.0, 12.4, 3600.0 + 0.0166667 * 777};
  for (int c = 0; c < 3; c++) {
    double range = 0;
    CHECK(hh_rmarine_sea_grid(&sea, -117.3, -95.1, 6.0, 30, t[c], ze, zx, zy) == 0);
    CHECK(max_err(-117.3, -95.1, 6.0, 30, t[c], &range) < 1e-9);
    CHECK(range > 1.0); /* a real sea, not a flat one that any grid matches */
    double smax = 0;
    for (int q = 0; q < 31 * 31; q++) smax = fmax(smax, fmax(fabs(zx[q]), fabs(zy[q])));
    CHECK(smax > 0.02);
  }
  /* the smallest and largest grids, other spacing */
  CHECK(hh_rmarine_sea_grid(&sea, 10.0, 20.0, 3.0, 1, 50.0, ze, zx, zy) == 0);
  CHECK(max_err(10.0, 20.0, 3.0, 1, 50.0, NULL) < 1e-9);
  CHECK(hh_rmarine_sea_grid(&sea, -200.0, 40.0, 4.5, HH_SEA_GRID_MAX, 900.0, ze, zx, zy) == 0);
  CHECK(max_err(-200.0, 40.0, 4.5, HH_SEA_GRID_MAX, 900.0, NULL) < 1e-9);

  /* a grid built with a phase step 0.1 % off (6.006 m) is caught by the comparison */
  CHECK(hh_rmarine_sea_grid(&sea, -117.3, -95.1, 6.006, 30, 12.4, ze, zx, zy) == 0);
  CHECK(max_err(-117.3, -95.1, 6.0, 30, 12.4, NULL) > 1e-3);

  /* sizes outside 1..HH_SEA_GRID_MAX: refused, nothing written */
  ze[0] = 123.0;
  CHECK(hh_rmarine_sea_grid(&sea, 0, 0, 6.0, 0, 0, ze, zx, zy) == -1);
  CHECK(hh_rmarine_sea_grid(&sea, 0, 0, 6.0, HH_SEA_GRID_MAX + 1, 0, ze, zx, zy) == -1);
  CHECK(ze[0] == 123.0);
  return hh_test_done("render_sea");
}
