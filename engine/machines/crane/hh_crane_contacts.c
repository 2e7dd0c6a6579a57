/* hh_crane_contacts.c - which bodies touch, collisions and touchdowns of one tick.
 *
 * A collision is a contact pair that did not exist the previous tick between: the
 * spreader or the container and an OBSTACLE box; the spreader and a GROUND or LANDING
 * box; the container and a GROUND box. The container touching a LANDING box is a
 * landing: impact_speed is the container's downward speed at the start of the tick in
 * which it began touching (0 on every other tick). Contact state of the previous tick
 * lives in d->touch_prev (one bit per scene box).
 */
#include "hh_crane_internal.h"
#include <string.h>

#define HH_CRANE_MAX_PAIRS 128

/* 1 when a new contact of body j (0 spreader, 1 container) with a box of role is scored */
static int is_collision(int j, int role) {
  if (role == HH_ROLE_OBSTACLE) return 1;
  if (j == 0) return role == HH_ROLE_GROUND || role == HH_ROLE_LANDING;
  return role == HH_ROLE_GROUND;
}

/* summarise this tick's contacts, count new collisions and the touchdown speed */
void hh_crane_contacts(const hh_model *m, hh_data *d, const hh_body_state *container_before,
                       hh_crane_sense *s) {
  hh_phys_contact pairs[HH_CRANE_MAX_PAIRS];
  int n = hh_phys_contacts(d->phys, pairs, HH_CRANE_MAX_PAIRS);
  memset(s, 0, sizeof *s);
  for (int i = 0; i < n; i++) {
    int a = pairs[i].a, b = pairs[i].b;
    if (a == HH_CRANE_SPREADER && b == HH_CRANE_CONTAINER) {
      s->spreader_container = 1;
      continue;
    }
    if (a > HH_CRANE_CONTAINER || b < HH_CRANE_FIRST_STATIC) continue; /* static-static */
    int box = hh_phys_body_user(d->phys, b);
    if (box < 0 || box >= m->n_boxes) continue;
    s->touch[a][box / 32] |= 1u << (box % 32);
  }
  for (int j = 0; j < 2; j++) {
    for (int box = 0; box < m->n_boxes; box++) {
      uint32_t bit = 1u << (box % 32);
      if (!(s->touch[j][box / 32] & bit)) continue;
      int role = m->box[box].role;
      int fresh = !(d->touch_prev[j][box / 32] & bit);
      if (j == 1) {
        s->container_static = 1;
        if (role == HH_ROLE_LANDING) {
          s->container_landing = 1;
          if (fresh) s->new_landing = 1;
        }
      }
      if (fresh && is_collision(j, role)) s->new_collisions++;
    }
  }
  double vz = container_before->vel[2];
  d->metric[HH_M_IMPACT_SPEED] = s->new_landing && vz < 0 ? -vz : 0.0;
  d->metric[HH_M_COLLISIONS] += s->new_collisions;
  memcpy(d->touch_prev, s->touch, sizeof d->touch_prev);
}
