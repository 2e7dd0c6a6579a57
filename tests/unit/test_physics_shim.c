/* test_physics_shim.c - the C shim over Bullet: boxes, state, forces, contacts, welds.
 *
 * 1. A 1000 kg box dropped on a static slab comes to rest on it; the pair is listed
 *    with its user ids and roles, and the normal impulse per step equals m g dt.
 * 2. Bodies never sleep: after 10 s at rest a force still moves the box, and with no
 *    damping a free body keeps its velocity exactly.
 * 3. A weld holds two boxes in their relative pose when enabled (the lower one hangs
 *    from the upper one, held by a force) and lets go when disabled.
 * 4. get/set round-trip.
 */
#include "hh_test.h"
#include "physics/hh_physics.h"
#include <math.h>
#include <string.h>

int main(void) {
  const double g = 9.81, dt = 1.0 / 240;
  hh_physics *p = hh_phys_create(g, 8, 0);
  CHECK(p != NULL);
  if (!p) return hh_test_done("test_physics_shim");
  hh_phys_box slab = {.pos = {0, 0, -0.5}, .half = {10, 10, 0.5}, .user = 7, .role = 3};
  hh_phys_box box = {.pos = {0, 0, 2}, .half = {0.5, 0.5, 0.5}, .mass = 1000, .user = 9, .role = 5};
  int s = hh_phys_add_box(p, &slab), b = hh_phys_add_box(p, &box);
  CHECK(s == 0 && b == 1 && hh_phys_body_count(p) == 2);
  CHECK(hh_phys_body_user(p, b) == 9 && hh_phys_body_role(p, s) == 3);
  CHECK_NEAR(hh_phys_body_mass(p, b), 1000, 1e-9);
  CHECK(hh_phys_body_mass(p, s) == 0);

  /* 1: drop and rest */
  for (int i = 0; i < 240 * 3; i++) hh_phys_step(p, dt);
  double pos[3], vel[3];
  hh_phys_get(p, b, pos, NULL, vel, NULL);
  CHECK_NEAR(pos[2], 0.5, 0.01);
  CHECK(fabs(vel[2]) < 1e-3);
  hh_phys_contact c[4];
  int n = hh_phys_contacts(p, c, 4);
  CHECK(n == 1);
  if (n == 1) {
    CHECK(c[0].a == s && c[0].b == b);
    CHECK_NEAR(c[0].impulse, 1000 * g * dt, 0.02 * 1000 * g * dt);
  }

  /* 2: no sleeping, no damping */
  for (int i = 0; i < 240 * 10; i++) hh_phys_step(p, dt);
  double f[3] = {0, 0, 2 * 1000 * g}, at[3];
  hh_phys_get(p, b, at, NULL, NULL, NULL);
  hh_phys_force_at(p, b, f, at);
  hh_phys_step(p, dt);
  hh_phys_get(p, b, NULL, NULL, vel, NULL);
  CHECK(vel[2] > 0.5 * g * dt);
  double up[3] = {0, 0, 100}, q[4] = {0, 0, 0, 1}, v0[3] = {1.5, -2, 0}, w0[3] = {0, 0, 0.3};
  hh_phys_set(p, b, up, q, v0, w0);
  double pq[3], qq[4], pv[3], pw[3];
  hh_phys_get(p, b, pq, qq, pv, pw);
  CHECK(pq[2] == 100 && qq[3] == 1 && pv[0] == 1.5 && pw[2] == 0.3); /* 4: round trip */
  for (int i = 0; i < 240; i++) hh_phys_step(p, dt);
  hh_phys_get(p, b, NULL, NULL, pv, pw);
  CHECK(pv[0] == 1.5 && pv[1] == -2);       /* horizontal velocity untouched: no damping */
  CHECK_NEAR(pw[2], 0.3, 1e-12);
  CHECK(hh_phys_contacts(p, c, 4) == 0);
  hh_phys_destroy(p);

  /* 3: weld */
  p = hh_phys_create(g, 4, 0);
  hh_phys_box top = {.pos = {0, 0, 10}, .half = {1, 1, 0.25}, .mass = 500};
  hh_phys_box low = {.pos = {0.3, 0, 9.25}, .half = {1, 1, 0.5}, .mass = 2000};
  int t = hh_phys_add_box(p, &top), l = hh_phys_add_box(p, &low);
  int w = hh_phys_add_weld(p, t, l);
  CHECK(w == 0 && hh_phys_weld_on(p, w) == 0);
  hh_phys_weld_set(p, w, 1);
  CHECK(hh_phys_weld_on(p, w) == 1);
  for (int i = 0; i < 240 * 2; i++) {
    double hold[3] = {0, 0, 2500 * g}, ct[3];
    hh_phys_get(p, t, ct, NULL, NULL, NULL);
    ct[0] += 0.3 * 2000 / 2500;    /* push through the pair's centre of mass */
    hh_phys_force_at(p, t, hold, ct);
    hh_phys_step(p, dt);
  }
  double pt[3], pl[3];
  hh_phys_get(p, t, pt, NULL, NULL, NULL);
  hh_phys_get(p, l, pl, NULL, NULL, NULL);
  CHECK_NEAR(pt[2], 10, 0.01);               /* held up together */
  CHECK_NEAR(pl[2] - pt[2], -0.75, 0.005);   /* in their welded relative pose */
  CHECK_NEAR(pl[0] - pt[0], 0.3, 0.005);
  hh_phys_weld_set(p, w, 0);
  for (int i = 0; i < 240; i++) hh_phys_step(p, dt);
  hh_phys_get(p, t, pt, NULL, NULL, NULL);
  hh_phys_get(p, l, pl, NULL, NULL, NULL);
  CHECK(pl[2] < 9.25 - 4.0);                 /* released: fell about g/2 t^2 = 4.9 m */
  CHECK(hh_phys_overflow(p) == 0);
  hh_phys_destroy(p);
  hh_phys_destroy(NULL);
  return hh_test_done("test_physics_shim");
}
