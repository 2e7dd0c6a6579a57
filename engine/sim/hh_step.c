/* hh_step.c - the one loop: machine, physics, metrics, rubric; data lifetime; hash. */
#include "hh_sim.h"
#include "hh_machine.h"
#include "../core/hh_hash.h"
#include <stdlib.h>
#include <string.h>

hh_data *hh_data_make(const hh_model *m, hh_error *err) {
  hh_data *d = calloc(1, sizeof *d);
  int cap = m->rubric.log_capacity > 0 ? m->rubric.log_capacity : 1;
  if (d) d->event_log = calloc((size_t)cap, sizeof *d->event_log);
  if (!d || !d->event_log) {
    hh_error_set(err, HH_E_NOMEM, "", 0, 0, "out of memory allocating simulation data");
    hh_data_free(d);
    return NULL;
  }
  if (hh_data_reset(m, d, err) != HH_OK) {
    hh_data_free(d);
    return NULL;
  }
  return d;
}

/* detach whatever machine state d holds (each detach is safe on empty state) */
static void detach_all(hh_data *d) {
  for (int k = 1; k < HH_MACHINE_KIND_COUNT; k++) {
    const hh_machine_ops *ops = hh_machine_ops_for((hh_machine_kind)k);
    if (ops && ops->detach) ops->detach(d);
  }
}

void hh_data_free(hh_data *d) {
  if (!d) return;
  detach_all(d);
  free(d->event_log);
  free(d);
}

int hh_data_reset(const hh_model *m, hh_data *d, hh_error *err) {
  hh_event *log = d->event_log;
  const hh_machine_ops *ops = hh_machine_ops_for(m->machine);
  if (!ops)
    return hh_error_set(err, HH_E_SCENARIO, m->source, 0, 0, "unknown machine kind %d",
                        (int)m->machine);
  detach_all(d);
  memset(d, 0, sizeof *d);
  d->event_log = log;
  d->machine = m->machine;
  d->rubric_enabled = 1;
  hh_rubric_reset(&m->rubric, &d->rubric, log);
  if (ops->attach(m, d, err) != HH_OK) return err ? err->code : HH_E_INTERNAL;
  return HH_OK;
}

/* stage 1-4 of one tick; the attempt ends on task completion, a critical end or the
   hard time limit, after which further ticks change nothing */
void hh_step(const hh_model *m, hh_data *d, const hh_controls *c) {
  if (d->done) return;
  hh_machine_ops_for(m->machine)->step(m, d, c); /* 1-3: machine, physics, metrics */
  d->tick++;
  d->time_s = (double)d->tick * m->dt;
  d->metric[HH_M_TIME] = d->time_s;
  if (d->rubric_enabled)           /* 4: rubric */
    hh_rubric_eval(&m->rubric, &d->rubric, d->metric, d->tick, d->time_s, m->dt);
  if (d->metric[HH_M_TASK_DONE] != 0.0 || d->rubric.end_requested ||
      d->time_s >= m->time_limit_s)
    d->done = 1;
}

void hh_finish(const hh_model *m, hh_data *d) {
  if (d->finished) return;
  d->finished = 1;
  d->done = 1;
  if (d->rubric_enabled)
    hh_rubric_finish(&m->rubric, &d->rubric, d->metric, d->tick, d->time_s);
}

/* hash the plain simulation fields in a fixed order (no pointers, no padding), then
   the machine's own state */
uint64_t hh_data_hash(const hh_data *d) {
  uint64_t h = HH_FNV_SEED;
#define HH_H(field) h = hh_fnv1a64(h, &(field), sizeof(field))
  HH_H(d->tick);
  HH_H(d->gantry.pos); HH_H(d->gantry.speed);
  HH_H(d->trolley.pos); HH_H(d->trolley.speed);
  HH_H(d->hoist.pos); HH_H(d->hoist.speed);
  HH_H(d->lock); HH_H(d->lock_timer_s); HH_H(d->estop); HH_H(d->prev_buttons);
  HH_H(d->load_attached); HH_H(d->touch_prev); HH_H(d->done);
  HH_H(d->spreader.pos); HH_H(d->spreader.quat); HH_H(d->spreader.vel); HH_H(d->spreader.avel);
  HH_H(d->container.pos); HH_H(d->container.quat); HH_H(d->container.vel); HH_H(d->container.avel);
  HH_H(d->rope_tension);
  HH_H(d->metric);
  for (int i = 0; i < HH_MAX_RULES; i++) {
    HH_H(d->rubric.r[i].count);
    HH_H(d->rubric.r[i].deducted);
  }
  HH_H(d->rubric.critical);
  HH_H(d->rubric.log_len);
#undef HH_H
  const hh_machine_ops *ops = hh_machine_ops_for(d->machine);
  if (ops && ops->hash) h = ops->hash(d, h);
  return h;
}

double hh_score(const hh_model *m, const hh_data *d) {
  return hh_rubric_score(&m->rubric, &d->rubric);
}

int hh_passed(const hh_model *m, const hh_data *d) {
  return !d->rubric.critical && hh_score(m, d) >= m->rubric.pass_score;
}
