/* hh_crane.c - STS crane lifetime and one tick (stages 1-3 of hh_step).
 *
 * Physics world layout: body 0 the spreader, body 1 the container, then one static box
 * per scene box that collides (GROUND, LANDING, OBSTACLE; WATER and VISUAL do not),
 * with the scene box index as user id. Weld 0 joins spreader and container.
 * A tick: drives (once) -> for each of m->substeps: rope forces, one physics step of
 * dt / substeps -> mirror bodies -> contacts -> twistlocks -> metrics.
 * d->contact_flags after a tick: bit 0 spreader touches container, bit 1 container
 * touches a LANDING box, bit 2 container touches any scene box.
 */
#include "hh_crane_internal.h"
#include <math.h>
#include <string.h>

/* quaternion x y z w for a rotation of yaw rad about z */
static void yaw_quat(double yaw, double q[4]) {
  q[0] = 0;
  q[1] = 0;
  q[2] = sin(0.5 * yaw);
  q[3] = cos(0.5 * yaw);
}

/* copy one body's state from the world into s */
static void mirror(const hh_data *d, int body, hh_body_state *s) {
  hh_phys_get(d->phys, body, s->pos, s->quat, s->vel, s->avel);
}

/* check the parameters the crane divides by or builds from; HH_OK or an error */
static int check_model(const hh_model *m, hh_error *err) {
  const hh_sts_params *p = &m->sts;
  const char *bad = NULL;
  if (!(m->dt > 0) || m->substeps < 1) bad = "tick length and substeps must be positive";
  else if (!(p->hoist.min_pos > 0)) bad = "hoist min_pos (shortest rope) must be positive";
  else if (!(p->rope_ea > 0)) bad = "rope_ea must be positive";
  else if (!(p->spreader_mass > 0) || !(m->container.mass > 0)) bad = "masses must be positive";
  else if (m->n_boxes < 0 || m->n_boxes > HH_MAX_BOXES) bad = "too many scene boxes";
  if (!bad) return HH_OK;
  hh_error_set(err, HH_E_SCENARIO, m->source, 0, 0, "crane model: %s", bad);
  return HH_E_SCENARIO;
}

/* build the world: spreader hanging at rest, container, static scene boxes, weld */
int hh_crane_attach(const hh_model *m, hh_data *d, hh_error *err) {
  int rc = check_model(m, err);
  if (rc != HH_OK) return rc;
  const hh_sts_params *p = &m->sts;
  d->phys = hh_phys_create(m->gravity, HH_CRANE_FIRST_STATIC + m->n_boxes, 0);
  if (!d->phys) {
    hh_error_set(err, HH_E_NOMEM, "", 0, 0, "out of memory creating the physics world");
    return HH_E_NOMEM;
  }
  d->gantry.pos = p->gantry.start_pos;
  d->trolley.pos = p->trolley.start_pos;
  d->hoist.pos = p->hoist.start_pos;

  /* spreader hanging at rest: ropes stretched by its weight */
  double L = d->hoist.pos, k = p->rope_ea / L;
  double stretch = p->spreader_mass * m->gravity / (4.0 * k);
  hh_phys_box sb = {.pos = {d->gantry.pos, d->trolley.pos,
                            p->sheave_z - L - stretch - p->spreader_half[2]},
                    .quat = {0, 0, 0, 1}, .mass = p->spreader_mass, .user = -1, .role = 0};
  memcpy(sb.half, p->spreader_half, sizeof sb.half);
  hh_phys_box cb = {.mass = m->container.mass, .user = -1, .role = 0};
  memcpy(cb.pos, m->container.pos, sizeof cb.pos);
  memcpy(cb.half, m->container.half, sizeof cb.half);
  yaw_quat(m->container.yaw, cb.quat);
  int ok = hh_phys_add_box(d->phys, &sb) == HH_CRANE_SPREADER &&
           hh_phys_add_box(d->phys, &cb) == HH_CRANE_CONTAINER;
  for (int i = 0; ok && i < m->n_boxes; i++) {
    const hh_box *b = &m->box[i];
    if (b->role == HH_ROLE_WATER || b->role == HH_ROLE_VISUAL) continue;
    hh_phys_box st = {.mass = 0, .user = i, .role = (int)b->role};
    memcpy(st.pos, b->pos, sizeof st.pos);
    memcpy(st.half, b->half, sizeof st.half);
    yaw_quat(b->yaw, st.quat);
    ok = hh_phys_add_box(d->phys, &st) >= 0;
  }
  ok = ok && hh_phys_add_weld(d->phys, HH_CRANE_SPREADER, HH_CRANE_CONTAINER) == HH_CRANE_WELD;
  if (!ok) {
    hh_crane_detach(d);
    hh_error_set(err, HH_E_NOMEM, "", 0, 0, "out of memory building the physics world");
    return HH_E_NOMEM;
  }
  mirror(d, HH_CRANE_SPREADER, &d->spreader);
  mirror(d, HH_CRANE_CONTAINER, &d->container);
  /* contacts of the start pose are not new on the first tick (a container standing on
     the quay is not a collision) */
  hh_crane_sense s;
  hh_phys_detect(d->phys);
  hh_crane_contacts(m, d, &d->container, &s);
  d->metric[HH_M_COLLISIONS] = 0;
  d->metric[HH_M_IMPACT_SPEED] = 0;
  double f = p->spreader_mass * m->gravity / 4.0;
  for (int r = 0; r < 4; r++) d->rope_tension[r] = f;
  d->lock = HH_LOCK_UNLOCKED;
  double dx = m->container.pos[0] - m->target.pos[0], dy = m->container.pos[1] - m->target.pos[1];
  d->metric[HH_M_LANDING_OFFSET] = sqrt(dx * dx + dy * dy);
  d->metric[HH_M_UNLOCKED] = 1;
  d->metric[HH_M_LOAD_MASS] = p->spreader_mass;
  return HH_OK;
}

/* destroy the world */
void hh_crane_detach(hh_data *d) {
  if (!d) return;
  hh_phys_destroy(d->phys);
  d->phys = NULL;
}

/* one tick: drives, rope forces and physics sub-steps, mirror, contacts, locks, metrics */
void hh_crane_step(const hh_model *m, hh_data *d, const hh_controls *c) {
  if (!d->phys) return;
  hh_crane_motion mo;
  hh_crane_drives(m, d, c, &mo);
  double h = m->dt / m->substeps;
  for (int i = 0; i < m->substeps; i++) {
    hh_crane_ropes(m, d, &mo, i * h);
    hh_phys_step(d->phys, h);
  }
  hh_body_state before = d->container;
  mirror(d, HH_CRANE_SPREADER, &d->spreader);
  mirror(d, HH_CRANE_CONTAINER, &d->container);
  hh_crane_sense s;
  hh_crane_contacts(m, d, &before, &s);
  hh_crane_locks(m, d, c, &s);
  hh_crane_metrics(m, d, &s);
  d->contact_flags = (s.spreader_container ? 1 : 0) | (s.container_landing ? 2 : 0) |
                     (s.container_static ? 4 : 0);
}
