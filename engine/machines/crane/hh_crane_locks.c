/* hh_crane_locks.c - twistlock state machine.
 *
 * UNLOCKED --LOCK held, landed and aligned--> LOCKING --lock_time--> LOCKED
 * LOCKED --UNLOCK held, landed, container resting on a surface--> UNLOCKING
 *        --lock_time--> UNLOCKED
 * Aligned means every lock within align_tol (horizontally) of its corner casting; over
 * a 12 m container that also bounds the yaw error to about 0.5 deg at the default 5 cm.
 * A LOCK or UNLOCK press that fails its condition is refused (nothing happens). The
 * opposite button during a turn reverses it. Reaching LOCKED engages the weld between
 * spreader and container only if the spreader is still seated on it (locks turned in
 * the air hold nothing); reaching UNLOCKED releases the weld.
 */
#include "hh_crane_internal.h"

/* advance the twistlock state machine by one tick */
void hh_crane_locks(const hh_model *m, hh_data *d, const hh_controls *c, const hh_crane_sense *s) {
  uint32_t btn = c ? c->buttons : 0;
  int landed = hh_crane_landed(m, d, s);
  int aligned = landed && hh_crane_corner_error(m, d) <= m->sts.align_tol;
  double turn = m->sts.lock_time > 0 ? m->sts.lock_time : m->dt;
  switch (d->lock) {
    case HH_LOCK_UNLOCKED:
      if ((btn & HH_BTN_LOCK) && aligned) { d->lock = HH_LOCK_LOCKING; d->lock_timer_s = 0; }
      break;
    case HH_LOCK_LOCKED:
      if ((btn & HH_BTN_UNLOCK) && landed && s->container_static) {
        d->lock = HH_LOCK_UNLOCKING;
        d->lock_timer_s = 0;
      }
      break;
    case HH_LOCK_LOCKING:
      if (btn & HH_BTN_UNLOCK) {
        d->lock = HH_LOCK_UNLOCKING;
        d->lock_timer_s = turn - d->lock_timer_s;
      }
      break;
    case HH_LOCK_UNLOCKING:
      if ((btn & HH_BTN_LOCK) && landed) {
        d->lock = HH_LOCK_LOCKING;
        d->lock_timer_s = turn - d->lock_timer_s;
      }
      break;
  }
  if (d->lock == HH_LOCK_LOCKING || d->lock == HH_LOCK_UNLOCKING) {
    d->lock_timer_s += m->dt;
    if (d->lock_timer_s >= turn - 1e-9) {
      d->lock_timer_s = 0;
      if (d->lock == HH_LOCK_LOCKING) {
        d->lock = HH_LOCK_LOCKED;
        if (landed) {
          hh_phys_weld_set(d->phys, HH_CRANE_WELD, 1);
          d->load_attached = 1;
        }
      } else {
        d->lock = HH_LOCK_UNLOCKED;
        hh_phys_weld_set(d->phys, HH_CRANE_WELD, 0);
        d->load_attached = 0;
      }
    }
  }
}
