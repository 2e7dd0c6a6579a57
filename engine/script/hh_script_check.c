/* hh_script_check.c - whole-model validation after the script returned: required
 * parts present, cross-field consistency (ranges of single fields were checked when
 * read). Problems are located at the line of the call that declared the part.
 */
#include "hh_script_int.h"
#include "../core/hh_i18n.h"

/* line of a call for messages (-1 means made but unknown) */
static int at(int line) { return line > 0 ? line : 0; }

/* a drive's limits, start and loaded speed are consistent */
static int check_drive(hh_sctx *c, const hh_drive *d, const char *name) {
  int l = at(c->line_crane);
  if (!(d->min_pos < d->max_pos))
    return hh_error_set(&c->err, HH_E_SCENARIO, c->path, l, 0,
                        hh_tr("crane.%s: min %g must be below max %g"), name, d->min_pos,
                        d->max_pos);
  if (d->start_pos < d->min_pos || d->start_pos > d->max_pos)
    return hh_error_set(&c->err, HH_E_SCENARIO, c->path, l, 0,
                        hh_tr("crane.%s.start: %g is outside min..max (%g to %g)"), name,
                        d->start_pos, d->min_pos, d->max_pos);
  if (d->max_speed_loaded > d->max_speed)
    return hh_error_set(&c->err, HH_E_SCENARIO, c->path, l, 0,
                        hh_tr("crane.%s.max_speed_loaded: %g is above max_speed %g"), name,
                        d->max_speed_loaded, d->max_speed);
  return HH_OK;
}

/* the crane: drives, rails, sheave above the shortest rope */
static int check_crane(hh_sctx *c) {
  const hh_sts_params *s = &c->m->sts;
  int e;
  if ((e = check_drive(c, &s->gantry, "gantry")) || (e = check_drive(c, &s->trolley, "trolley")) ||
      (e = check_drive(c, &s->hoist, "hoist")))
    return e;
  int l = at(c->line_crane);
  if (!(s->hoist.min_pos > 0))
    return hh_error_set(&c->err, HH_E_SCENARIO, c->path, l, 0,
                        hh_tr("crane.hoist.min: rope length %g must be above 0 m"), s->hoist.min_pos);
  if (!(s->sheave_z > s->hoist.min_pos))
    return hh_error_set(&c->err, HH_E_SCENARIO, c->path, l, 0,
                        hh_tr("crane.sheave_height: %g m must be above the shortest rope (hoist.min %g m)"),
                        s->sheave_z, s->hoist.min_pos);
  if (!(s->rail_y[0] < s->rail_y[1]))
    return hh_error_set(&c->err, HH_E_SCENARIO, c->path, l, 0,
                        hh_tr("crane.rail_y: landside rail %g must be below waterside rail %g"),
                        s->rail_y[0], s->rail_y[1]);
  return HH_OK;
}

/* the rubric: pass score within the scale, then compiled (item caps within max_score) */
static int check_rubric(hh_sctx *c) {
  const hh_rubric *rb = &c->m->rubric;
  int l = at(c->line_rubric);
  if (rb->pass_score > rb->max_score)
    return hh_error_set(&c->err, HH_E_RUBRIC, c->path, l, 0,
                        hh_tr("rubric.pass_score: %g is above max_score %g"), rb->pass_score,
                        rb->max_score);
  return hh_rule_check(c); /* caps, sections, weights; compiles (hh_script_rule.c) */
}

/* check the whole staging model; fills c->err and returns its code on a problem */
int hh_check_model(hh_sctx *c) {
  if (!c->line_scenario)
    return hh_error_set(&c->err, HH_E_SCENARIO, c->path, 0, 0,
                        "%s", hh_tr("no scenario{} call: every scenario declares its id, title and brief"));
  if (c->m->machine == HH_MACHINE_SHIP) {
    int es = hh_check_ship(c);
    return es ? es : check_rubric(c);
  }
  if (c->m->machine == HH_MACHINE_OFFSHORE_CRANE) return hh_marine_check(c) ? (int)c->err.code : check_rubric(c);
  if (c->m->machine == HH_MACHINE_CNC_MILL || c->m->machine == HH_MACHINE_CNC_LATHE)
    return hh_check_cnc(c) ? (int)c->err.code : check_rubric(c);
  if (!c->line_container)
    return hh_error_set(&c->err, HH_E_SCENARIO, c->path, 0, 0,
                        "%s", hh_tr("no container{} call: the scenario has no load to move"));
  if (!c->line_target)
    return hh_error_set(&c->err, HH_E_SCENARIO, c->path, 0, 0,
                        "%s", hh_tr("no target{} call: the scenario has no landing slot"));
  int e;
  if ((e = check_crane(c)) || (e = check_rubric(c))) return e;
  return HH_OK;
}
