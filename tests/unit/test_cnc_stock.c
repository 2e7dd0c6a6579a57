/* test_cnc_stock.c - material removal against hand-computed geometry: a facing pass,
 * a pocket (slot), a drilled hole on the mill's Z-map and a turned step on the lathe
 * profile, measured with the virtual caliper / depth gauge / micrometer; plus the
 * crash rules (rapid into the stock, cutting with the spindle stopped). */
#include "hh_test.h"
#include "machines/cnc/hh_cnc.h"
#include <math.h>
#include <string.h>

#define MM 1e-3

static hh_model mill, lathe;

/* a 40 x 40 x 20 mm block at the machine origin, 0.1 mm cells, a D10 flat mill (T1),
   a D8 drill (T2) */
static void mill_model(void) {
  hh_model_defaults(&mill);
  mill.machine = HH_MACHINE_CNC_MILL;
  hh_cnc_model *k = &mill.cnc;
  for (int i = 0; i < 3; i++) {
    k->travel_min[i] = -0.5;
    k->travel_max[i] = 0.5;
    k->rapid[i] = 0.5;
    k->accel[i] = 2;
  }
  k->stock_min[0] = -20 * MM, k->stock_min[1] = -20 * MM, k->stock_min[2] = 0;
  k->stock_max[0] = 20 * MM, k->stock_max[1] = 20 * MM, k->stock_max[2] = 20 * MM;
  k->res = 0.1 * MM;
  k->spindle_max = 100;
  k->spindle_accel = 100;
  k->tool[0] = (hh_cnc_tool){.number = 1, .type = HH_TOOL_FLAT, .radius = 5 * MM,
                             .flute_len = 25 * MM, .length = 0.1, .teeth = 3};
  k->tool[1] = (hh_cnc_tool){.number = 2, .type = HH_TOOL_DRILL, .radius = 4 * MM,
                             .point_angle = 118 * M_PI / 180, .flute_len = 50 * MM,
                             .length = 0.12, .teeth = 2};
  k->n_tools = 2;
  k->first_tool = 1;
}

/* a D40 x 60 mm bar, chuck face at z = 0, free end at z = 60 mm, 0.05 mm slices, a
   turning tool with a 0.4 mm nose (T1) */
static void lathe_model(void) {
  hh_model_defaults(&lathe);
  lathe.machine = HH_MACHINE_CNC_LATHE;
  hh_cnc_model *k = &lathe.cnc;
  for (int i = 0; i < 3; i++) {
    k->travel_min[i] = -0.5;
    k->travel_max[i] = 0.5;
    k->rapid[i] = 0.2;
    k->accel[i] = 2;
  }
  k->stock_min[0] = 0, k->stock_min[2] = 0;
  k->stock_max[0] = 20 * MM, k->stock_max[2] = 60 * MM;
  k->res = 0.05 * MM;
  k->spindle_max = 50;
  k->spindle_accel = 100;
  k->tool[0] = (hh_cnc_tool){.number = 1, .type = HH_TOOL_TURN, .radius = 0.4 * MM, .teeth = 1};
  k->n_tools = 1;
  k->first_tool = 1;
}

/* a spinning spindle (rev/s) */
static void spin(hh_data *d) {
  d->cnc.spindle_speed = 50;
  d->cnc.spindle_dir = 1;
}

/* facing 1 mm off the whole top with a D10 mill at 8 mm stepover */
static void facing(void) {
  hh_error err = {0};
  hh_data *d = hh_data_make(&mill, &err);
  spin(d);
  double z = 19 * MM;
  for (double y = -24 * MM; y <= 24.01 * MM; y += 8 * MM) {
    double a[3] = {-26 * MM, y, z}, b[3] = {26 * MM, y, z};
    hh_cnc_sweep(&mill, d, a, b, 0);
  }
  CHECK(!d->cnc.crash);
  for (double x = -19.9 * MM; x < 20 * MM; x += 3.7 * MM)
    CHECK_NEAR(hh_cnc_height_at(&mill, d, x, 0.3 * x), z, 1e-7);
  CHECK_NEAR(d->cnc.removed, 40 * MM * 40 * MM * 1 * MM, 1e-12);
  hh_data_free(d);
}

/* a 3 mm deep slot: D10 mill from x = -5 to +5 mm at y = 0 gives a 20 x 10 mm pocket */
static void pocket(void) {
  hh_error err = {0};
  hh_data *d = hh_data_make(&mill, &err);
  spin(d);
  double top = 20 * MM, z = top - 3 * MM;
  double a[3] = {-5 * MM, 0, top + 1 * MM}, b[3] = {-5 * MM, 0, z}, c[3] = {5 * MM, 0, z};
  hh_cnc_sweep(&mill, d, a, b, 0);
  hh_cnc_sweep(&mill, d, b, c, 0);
  CHECK(!d->cnc.crash);
  CHECK_NEAR(hh_cnc_inner_y(&mill, d, 0, 0, z + 1 * MM), 10 * MM, 1e-6);
  CHECK_NEAR(hh_cnc_inner_x(&mill, d, 0, 0, z + 1 * MM), 20 * MM, 2e-6); /* row 0.05 off axis */
  CHECK_NEAR(hh_cnc_height_at(&mill, d, 0.05 * MM, 0.05 * MM), z, 1e-7);
  CHECK_NEAR(hh_cnc_caliper_x(&mill, d, 8 * MM, z + 1 * MM), 40 * MM, 1e-9); /* untouched */
  hh_data_free(d);
}

/* a D8 drill 10 mm deep at (6.05, 6.05) mm (a cell centre): D8 hole, 10 mm deep */
static void drill(void) {
  hh_error err = {0};
  hh_data *d = hh_data_make(&mill, &err);
  d->cnc.tool = 2;
  spin(d);
  double top = 20 * MM, x = 6.05 * MM, y = 6.05 * MM;
  double a[3] = {x, y, top + 2 * MM}, b[3] = {x, y, top - 10 * MM};
  hh_cnc_sweep(&mill, d, a, b, 0);
  CHECK(!d->cnc.crash);
  CHECK_NEAR(hh_cnc_inner_x(&mill, d, x, y, top - 5 * MM), 8 * MM, 1e-6);
  CHECK_NEAR(hh_cnc_inner_y(&mill, d, x, y, top - 5 * MM), 8 * MM, 1e-6);
  CHECK_NEAR(top - hh_cnc_height_at(&mill, d, x, y), 10 * MM, 1e-7);
  /* the 118 degree point: 2 mm off the axis the bottom is 2 / tan(59 deg) higher */
  CHECK_NEAR(top - hh_cnc_height_at(&mill, d, x + 2 * MM, y), 10 * MM - 2 * MM / tan(59 * M_PI / 180), 1e-6);
  hh_data_free(d);
}

/* turning D30 over 30 mm from the free end leaves a D30 x 30 step on the D40 bar */
static void turned_step(void) {
  hh_error err = {0};
  hh_data *d = hh_data_make(&lathe, &err);
  spin(d);
  double a[3] = {15 * MM, 0, 61 * MM}, b[3] = {15 * MM, 0, 30 * MM}, c[3] = {21 * MM, 0, 30 * MM};
  hh_cnc_sweep(&lathe, d, a, b, 0);
  hh_cnc_sweep(&lathe, d, b, c, 0);
  CHECK(!d->cnc.crash);
  hh_cnc_gauge dia = {.kind = HH_GAUGE_DIAMETER, .at = {0, 0, 45 * MM}};
  hh_cnc_gauge big = {.kind = HH_GAUGE_DIAMETER, .at = {0, 0, 10 * MM}};
  hh_cnc_gauge len = {.kind = HH_GAUGE_LENGTH, .at = {15.2 * MM, 0, 59 * MM}};
  CHECK_NEAR(hh_cnc_measure(&lathe, d, &dia), 30 * MM, 1e-9);
  CHECK_NEAR(hh_cnc_measure(&lathe, d, &big), 40 * MM, 1e-9);
  /* the shoulder has the 0.4 mm nose fillet: D30.4 is reached 0.054 mm above its foot */
  CHECK_NEAR(hh_cnc_measure(&lathe, d, &len), 30 * MM - 0.054 * MM, 0.06 * MM);
  CHECK_NEAR(d->cnc.removed, M_PI * (0.02 * 0.02 - 0.015 * 0.015) * 0.03, 2e-8);
  hh_data_free(d);
}

/* a rapid into the stock and a cut with the spindle stopped are crashes */
static void crashes(void) {
  hh_error err = {0};
  hh_data *d = hh_data_make(&mill, &err);
  spin(d);
  double a[3] = {-30 * MM, 0, 18 * MM}, b[3] = {0, 0, 18 * MM};
  hh_cnc_sweep(&mill, d, a, b, 1);
  CHECK(d->cnc.crash == 1 && d->cnc.alarm == 1002);
  hh_data_free(d);
  d = hh_data_make(&mill, &err);
  hh_cnc_sweep(&mill, d, a, b, 0);
  CHECK(d->cnc.crash == 1 && d->cnc.alarm == 1001);
  uint64_t h = hh_data_hash(d);
  hh_data_free(d);
  d = hh_data_make(&mill, &err); /* determinism: the same sweep, the same hash */
  hh_cnc_sweep(&mill, d, a, b, 0);
  CHECK(hh_data_hash(d) == h);
  hh_data_free(d);
}

int main(void) {
  mill_model();
  lathe_model();
  facing();
  pocket();
  drill();
  turned_step();
  crashes();
  CHECK_NEAR(hh_cnc_ra_turn(0.1 * MM, 0.4 * MM), 0.78125e-6, 1e-12);
  return hh_test_done("cnc_stock");
}
