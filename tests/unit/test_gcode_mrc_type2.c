/* test_gcode_mrc_type2.c - G71/G72 type II roughing (contours with pockets): the pass
 * order (the start region, then each pocket in turn, the first fully roughed before
 * the second is entered), the finishing allowance left everywhere (no feed move comes
 * closer to the contour than the allowance, measured along X for G71 U / along Z for
 * G72 W), no rapid inside the stock left so far, and the lathe simulation cutting the
 * bar to the contour + allowance (after G71) and to the contour (after G70). */
#include "hh_test.h"
#include "machines/cnc/gcode/hh_gcode.h"
#include "machines/cnc/hh_cnc.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

#define MM 1e-3
#define MAXOPS 4096

/* G71 type II, two pockets: a V pocket (floor D26) and a round one (G2 R8, floor
   D34.583); bar D50, cycle start X52 Z2, 2 mm passes, 0.5 mm left on the radius */
static const char *g71_prog =
    "O0100 (G71 TYPE II, TWO POCKETS)\n"
    "G21 G18 G40 G99\n"
    "T0101\n"
    "G97 S1000 M3\n"
    "G0 X52. Z2.\n"
    "G71 U%s R%s\n"
    "G71 P10 Q20 U1. W0 F0.25\n"
    "N10 G0 X20. Z2.\n"
    "G1 Z-5. F0.1\n"
    "X36. Z-13.\n"
    "Z-16.\n"
    "X26. Z-21.\n"
    "Z-24.\n"
    "X40. Z-31.\n"
    "Z-34.\n"
    "G2 X40. Z-46. R8.\n"
    "G1 X48. Z-51.\n"
    "N20 X50. Z-52.\n"
    "G70 P10 Q20\n"
    "G0 X60. Z50.\n"
    "M30\n";

/* G72 type II, two pockets in the face (X runs from the bar's edge to the centre,
   the contour goes in and out in Z): 2 mm passes along Z, 0.3 mm left on Z */
static const char *g72_prog =
    "O0101 (G72 TYPE II, TWO POCKETS)\n"
    "G21 G18 G40 G99\n"
    "T0101\n"
    "G97 S1000 M3\n"
    "G0 X54. Z2.\n"
    "G72 W2. R0.5\n"
    "G72 P30 Q40 U0 W0.3 F0.2\n"
    "N30 G0 X54. Z-14.\n"
    "G1 X46. F0.1\n"
    "X40. Z-6.\n"
    "X36.\n"
    "X30. Z-12.\n"
    "X24. Z-4.\n"
    "X20.\n"
    "X12. Z-10.\n"
    "X8.\n"
    "N40 X0 Z0\n"
    "M30\n";

typedef struct rec { hh_canon_op op[MAXOPS]; int n; } rec;

/* sink that keeps every op */
static int keep(void *user, const hh_canon_op *op) {
  rec *r = user;
  if (r->n < MAXOPS) r->op[r->n++] = *op;
  return 0;
}

/* run a lathe program into r; returns the interpreter's code */
static hh_code run(const char *text, rec *r) {
  static hh_gc_interp in;
  static hh_gc_program prog;
  hh_gc_setup s;
  hh_error err;
  memset(&prog, 0, sizeof prog);
  r->n = 0;
  hh_code c = hh_gc_program_load(&prog, text, strlen(text), "type2.nc", &err);
  if (c) return c;
  hh_gc_setup_defaults(&s, HH_GC_LATHE);
  hh_gc_init(&in, &s, &prog);
  hh_canon_sink sink = {keep, r};
  c = hh_gc_run(&in, &sink, &err);
  if (c) hh_error_print(&err, stderr);
  hh_gc_program_free(&prog);
  return c;
}

/* the G71 contour: radius (m) at work z (m), the finished part */
static double g71_part(double z) {
  static const double P[][2] = {{2, 10},  {-5, 10},  {-13, 18}, {-16, 18}, {-21, 13},
                                {-24, 13}, {-31, 20}, {-34, 20}, {-46, 20}, {-51, 24},
                                {-52, 25}};
  z /= MM;
  if (z < -34 && z > -46) /* G2 R8 from Z-34 to Z-46 at D40: centre X 20 + sqrt(28) */
    return (20 + sqrt(28.0) - sqrt(64 - (z + 40) * (z + 40))) * MM;
  for (int i = 0; i + 1 < (int)(sizeof P / sizeof P[0]); i++)
    if (z <= P[i][0] && z >= P[i + 1][0]) {
      if (P[i][0] == P[i + 1][0]) return fmax(P[i][1], P[i + 1][1]) * MM;
      double u = (z - P[i][0]) / (P[i + 1][0] - P[i][0]);
      return (P[i][1] + u * (P[i + 1][1] - P[i][1])) * MM;
    }
  return z > 2 ? 10 * MM : 25 * MM;
}

/* the G72 contour: z (m) at radius x (m) */
static double g72_part(double x) {
  static const double P[][2] = {{27, -14}, {23, -14}, {20, -6}, {18, -6}, {15, -12},
                                {12, -4},  {10, -4},  {6, -10}, {4, -10}, {0, 0}};
  x /= MM;
  for (int i = 0; i + 1 < (int)(sizeof P / sizeof P[0]); i++)
    if (x <= P[i][0] && x >= P[i + 1][0]) {
      if (P[i][0] == P[i + 1][0]) return fmax(P[i][1], P[i + 1][1]) * MM;
      double u = (x - P[i][0]) / (P[i + 1][0] - P[i][0]);
      return (P[i][1] + u * (P[i + 1][1] - P[i][1])) * MM;
    }
  return -14 * MM;
}

/* point at fraction u along a move (arcs in the ZX plane as the machine runs them) */
static void at(const hh_canon_op *o, double u, double p[3]) {
  if (u <= 0 || u >= 1) { /* the ends exactly */
    memcpy(p, u <= 0 ? o->start : o->end, sizeof(double) * 3);
    return;
  }
  if (o->kind != HH_CANON_ARC) {
    for (int i = 0; i < 3; i++) p[i] = o->start[i] + u * (o->end[i] - o->start[i]);
    return;
  }
  const double *c = o->centre;
  double a0 = atan2(o->start[0] - c[0], o->start[2] - c[2]);
  double a1 = atan2(o->end[0] - c[0], o->end[2] - c[2]), d = a1 - a0;
  if (o->turns > 0) { while (d <= 1e-12) d += 2 * M_PI; }
  else { while (d >= -1e-12) d -= 2 * M_PI; }
  double R = hypot(o->start[0] - c[0], o->start[2] - c[2]);
  p[0] = c[0] + R * sin(a0 + u * d);
  p[1] = 0;
  p[2] = c[2] + R * cos(a0 + u * d);
}

/* index range [*lo, *hi) of the ops of source line `line` */
static void ops_of(const rec *r, int line, int *lo, int *hi) {
  *lo = -1, *hi = -1;
  for (int i = 0; i < r->n; i++)
    if (r->op[i].line == line) {
      if (*lo < 0) *lo = i;
      *hi = i + 1;
    }
}

/* first op in [lo, hi) ending at (x, z) */
static int ends_at(const rec *r, int lo, int hi, double x, double z) {
  for (int i = lo; i < hi; i++)
    if (fabs(r->op[i].end[0] - x) < 1e-9 && fabs(r->op[i].end[2] - z) < 1e-9) return i;
  return -1;
}

/* the op ends inside the box x < xmax, zlo < z < zhi (a pocket below its crests) */
static int in_box(const hh_canon_op *o, double xmax, double zlo, double zhi) {
  return (o->kind == HH_CANON_LINEAR || o->kind == HH_CANON_RAPID) && o->end[0] < xmax - 1e-9 &&
         o->end[2] > zlo + 1e-9 && o->end[2] < zhi - 1e-9;
}

/* smallest signed distance along axis dp from the feed moves in [lo, hi) to the part */
static double min_allowance(const rec *r, int lo, int hi, int dp) {
  double best = 1e9;
  for (int i = lo; i < hi; i++) {
    const hh_canon_op *o = &r->op[i];
    if (o->kind != HH_CANON_LINEAR && o->kind != HH_CANON_ARC) continue;
    for (int s = 0; s <= 400; s++) {
      double p[3];
      at(o, s / 400.0, p);
      double d = dp == 0 ? p[0] - g71_part(p[2]) : p[2] - g72_part(p[0]);
      if (dp == 0 && p[2] > 2 * MM) continue; /* in front of the contour */
      if (d < best) best = d;
    }
  }
  return best;
}

/* follow the ops with a point tool on a stock of 0.01 mm slices (G71: radius per z,
   material where along <= extent up to radius top; G72: face z per radius, material
   where x <= extent up to z top); returns how many rapid samples lay inside the stock
   left at that time */
static int rapids_in_stock(const rec *r, int lo, int hi, int dp, double top, double extent) {
  enum { N = 8000 };
  static double st[N];  /* G71: radius at z = -70 mm + k*0.01; G72: face z at x */
  const double step = 0.01 * MM, base = dp == 0 ? -70 * MM : 0.0;
  for (int k = 0; k < N; k++)
    st[k] = base + (k + 1) * step <= extent ? top : dp == 0 ? 0.0 : -1.0;
  int bad = 0;
  for (int i = lo; i < hi; i++) {
    const hh_canon_op *o = &r->op[i];
    if (o->kind != HH_CANON_LINEAR && o->kind != HH_CANON_ARC && o->kind != HH_CANON_RAPID)
      continue;
    double len = hypot(o->end[0] - o->start[0], o->end[2] - o->start[2]);
    int ns = (int)(len / (0.002 * MM)) + 2;
    for (int s = 0; s <= ns; s++) {
      double p[3];
      at(o, (double)s / ns, p);
      double along = dp == 0 ? p[2] : p[0], depth = dp == 0 ? p[0] : p[2];
      int k = (int)floor((along - base) / step);
      if (k < 0 || k >= N) continue;
      if (o->kind == HH_CANON_RAPID) bad += depth < st[k] - 1e-6;
      else if (depth < st[k]) st[k] = depth;
    }
  }
  return bad;
}

/* the G71 program with depth of cut `u` and retract `e` (mm text) */
static const char *g71_text(const char *u, const char *e) {
  static char buf[1024];
  snprintf(buf, sizeof buf, g71_prog, u, e);
  return buf;
}

/* G71 with fine passes (0.3 mm, retract 0.2): allowance and rapids again */
static void g71_fine(void) {
  static rec r;
  CHECK(run(g71_text("0.3", "0.2"), &r) == HH_OK);
  int lo, hi, fin;
  ops_of(&r, 7, &lo, &hi);
  fin = ends_at(&r, lo, hi, 10.5 * MM, 2 * MM);
  CHECK(lo >= 0 && fin > lo);
  CHECK(min_allowance(&r, lo, fin, 0) >= 0.5 * MM - 1e-9);
  CHECK(rapids_in_stock(&r, lo, hi, 0, 25 * MM, 1 * MM) == 0);
}

/* G71: order, allowance, rapids */
static void g71_order(void) {
  static rec r;
  CHECK(run(g71_text("2.", "0.5"), &r) == HH_OK);
  int lo, hi;
  ops_of(&r, 7, &lo, &hi); /* the G71 block */
  CHECK(lo >= 0 && hi > lo);
  /* the roughing passes end where the final pass along the contour + allowance starts */
  int fin = ends_at(&r, lo, hi, 10.5 * MM, 2 * MM);
  CHECK(fin > lo);
  int reg_last = -1, p1_first = -1, p1_last = -1, p2_first = -1, p2_last = -1;
  for (int i = lo; i < fin; i++) {
    const hh_canon_op *o = &r.op[i];
    if (in_box(o, 18.5 * MM, -31 * MM, -16 * MM)) { /* pocket 1, below crest 1 */
      if (p1_first < 0) p1_first = i;
      p1_last = i;
    }
    if (in_box(o, 20.5 * MM, -51 * MM, -34 * MM)) { /* pocket 2, below crest 2 */
      if (p2_first < 0) p2_first = i;
      p2_last = i;
    }
    if (o->kind == HH_CANON_LINEAR && o->end[0] < 18 * MM && o->end[2] > -13 * MM) reg_last = i;
  }
  CHECK(reg_last > 0 && p1_first > 0 && p2_first > 0);
  CHECK(reg_last < p1_first);   /* the start region first, down to its last level */
  CHECK(p1_last < p2_first);    /* pocket 1 finished before pocket 2 is entered */
  CHECK(p2_last < fin);
  /* the deepest levels: region X12 (radius 12 mm), pocket 1 radius 14, pocket 2 18 */
  CHECK(ends_at(&r, lo, reg_last + 1, 12 * MM, -6.5 * MM) >= 0);
  CHECK(ends_at(&r, p1_first, p1_last + 1, 14 * MM, -24.5 * MM) >= 0);
  /* pocket 2 is entered at its own side: rapid down to e above the level above it
     (radius 22 + 0.5), then a feed into the first level (radius 20) */
  CHECK(r.op[p2_first - 1].kind == HH_CANON_RAPID &&
        fabs(r.op[p2_first - 1].end[0] - 22.5 * MM) < 1e-9);
  CHECK(r.op[p2_first].kind == HH_CANON_LINEAR && fabs(r.op[p2_first].end[0] - 20 * MM) < 1e-9);
  /* every feed move of G71 keeps the 0.5 mm radial allowance, the last pass touches it */
  CHECK_NEAR(min_allowance(&r, lo, hi, 0), 0.5 * MM, 1e-9);
  CHECK(min_allowance(&r, lo, fin, 0) >= 0.5 * MM - 1e-9);
  /* G70 runs on the contour itself */
  int flo, fhi;
  ops_of(&r, 19, &flo, &fhi);
  CHECK_NEAR(min_allowance(&r, flo, fhi, 0), 0.0, 1e-9);
  /* no rapid inside the D50 bar left so far, through G71 and G70 */
  CHECK(rapids_in_stock(&r, lo, fhi, 0, 25 * MM, 1 * MM) == 0);
  /* the checker sees a rapid into the stock: a rapid straight into the first pocket */
  static rec bad;
  bad = r;
  bad.op[fhi].kind = HH_CANON_RAPID;
  bad.op[fhi].start[0] = 30 * MM, bad.op[fhi].start[2] = -20 * MM;
  bad.op[fhi].end[0] = 10 * MM, bad.op[fhi].end[2] = -20 * MM;
  CHECK(rapids_in_stock(&bad, lo, fhi + 1, 0, 25 * MM, 1 * MM) > 0);
}

/* G72: the same along X */
static void g72_order(void) {
  static rec r;
  CHECK(run(g72_prog, &r) == HH_OK);
  int lo, hi;
  ops_of(&r, 7, &lo, &hi);
  int fin = ends_at(&r, lo, hi, 27 * MM, -13.7 * MM);
  CHECK(lo >= 0 && fin > lo);
  /* pockets (radius): 1 between the crests at X18..20 and X10..12 is x 12..18 under
     Z-6, 2 is x 4..10 under Z-4 */
  int p1_first = -1, p1_last = -1, p2_first = -1, reg_last = -1;
  for (int i = lo; i < fin; i++) {
    const hh_canon_op *o = &r.op[i];
    int mv = o->kind == HH_CANON_LINEAR || o->kind == HH_CANON_RAPID;
    if (mv && o->end[2] < -5.7 * MM - 1e-9 && o->end[0] > 12 * MM && o->end[0] < 18 * MM) {
      if (p1_first < 0) p1_first = i;
      p1_last = i;
    }
    if (mv && o->end[2] < -3.7 * MM - 1e-9 && o->end[0] > 4 * MM && o->end[0] < 10 * MM &&
        p2_first < 0)
      p2_first = i;
    if (o->kind == HH_CANON_LINEAR && o->end[2] < -6 * MM && o->end[0] > 20 * MM) reg_last = i;
  }
  CHECK(reg_last > 0 && p1_first > reg_last && p2_first > p1_last);
  CHECK(min_allowance(&r, lo, fin, 2) >= 0.3 * MM - 1e-9);
  CHECK_NEAR(min_allowance(&r, lo, hi, 2), 0.3 * MM, 1e-9);
  CHECK(rapids_in_stock(&r, lo, hi, 2, 0.0, 26 * MM) == 0);
}

/* the lathe simulation: a D50 bar 60 mm long (work Z0 at machine z 59 mm), a
   profiling tool modelled by its 0.03 mm nose disc (the simulated turning insert has a
   flat end edge behind the nose, which no pocket wall can clear) */
static void g71_material(void) {
  static hh_model m;
  static rec r;
  hh_model_defaults(&m);
  m.machine = HH_MACHINE_CNC_LATHE;
  hh_cnc_model *k = &m.cnc;
  for (int i = 0; i < 3; i++) {
    k->travel_min[i] = -0.5, k->travel_max[i] = 0.5, k->rapid[i] = 0.2, k->accel[i] = 2;
  }
  k->stock_min[0] = 0, k->stock_min[2] = 0;
  k->stock_max[0] = 25 * MM, k->stock_max[2] = 60 * MM;
  k->res = 0.05 * MM;
  k->spindle_max = 50, k->spindle_accel = 100;
  k->tool[0] = (hh_cnc_tool){.number = 1, .type = HH_TOOL_THREAD, .radius = 0.03 * MM,
                             .point_angle = 35 * M_PI / 180, .teeth = 1};
  k->n_tools = 1, k->first_tool = 1;
  hh_error err = {0};
  hh_data *d = hh_data_make(&m, &err);
  CHECK(d != NULL);
  if (!d) return;
  d->cnc.tool = 1, d->cnc.spindle_speed = 50, d->cnc.spindle_dir = 1;
  CHECK(run(g71_text("2.", "0.5"), &r) == HH_OK);
  const double z0 = 59 * MM; /* machine z of work Z0 */
  int lo, hi, flo, fhi;
  ops_of(&r, 7, &lo, &hi);
  ops_of(&r, 19, &flo, &fhi);
  for (int pass = 0; pass < 2; pass++) {
    for (int i = pass ? flo : lo; i < (pass ? fhi : hi); i++) {
      const hh_canon_op *o = &r.op[i];
      if (o->kind != HH_CANON_LINEAR && o->kind != HH_CANON_ARC && o->kind != HH_CANON_RAPID)
        continue;
      int ns = o->kind == HH_CANON_ARC ? 200 : 1;
      for (int s = 0; s < ns; s++) {
        double a[3], b[3];
        at(o, (double)s / ns, a);
        at(o, (double)(s + 1) / ns, b);
        a[2] += z0, b[2] += z0;
        hh_cnc_sweep(&m, d, a, b, o->kind == HH_CANON_RAPID);
      }
    }
    CHECK(!d->cnc.crash);
    /* the bar follows the contour + allowance (pass 0) or the contour (pass 1), up to
       the imaginary-tip lag of the 0.03 mm nose disc on the slopes (no G41/G42):
       at most 0.03 x (1 + s - sqrt(1 + s^2)) above, 0.03 x (s + sqrt(1 + s^2) - 1) below
       for slopes s <= 1.14 (the steepest, at the ends of the R8 arc) */
    double al = pass ? 0 : 0.5 * MM, worst_lo = 1, worst_hi = -1;
    for (int s = 0; s < 1200; s++) { /* slice centres from the bar's face to Z-58.95 */
      double zm = 60 * MM - (s + 0.5) * k->res, z = zm - z0;
      double want = z < -52 * MM ? 25 * MM : fmin(g71_part(z) + al, 25 * MM); /* D50 bar */
      double dev = hh_cnc_radius_at(&m, d, zm) - want;
      if (dev < worst_lo) worst_lo = dev;
      if (dev > worst_hi) worst_hi = dev;
    }
    CHECK(worst_lo > -0.06 * MM); /* never into the part by more than the nose lag */
    CHECK(worst_hi < 0.025 * MM); /* nothing left above the contour (+ allowance) */
    if (pass == 0) /* on the pocket floors exactly the allowance is left */
      CHECK_NEAR(hh_cnc_radius_at(&m, d, -22.5 * MM + z0), 13.5 * MM, 0.003 * MM);
    printf("gcode_mrc_type2: simulated bar %s: %+.4f .. %+.4f mm from the %s\n",
           pass ? "after G70" : "after G71", worst_lo / MM, worst_hi / MM,
           pass ? "contour" : "contour + allowance");
  }
  CHECK(d->cnc.removed > 0);
  hh_data_free(d);
}

int main(void) {
  g71_order();
  g71_fine();
  g72_order();
  g71_material();
  return hh_test_done("gcode_mrc_type2");
}
