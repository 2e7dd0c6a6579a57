/* hh_model.c - model defaults: a standard ship-to-shore crane a scenario starts from.
 *
 * Crane figures are typical published values for Post-Panamax / Super-Post-Panamax STS
 * cranes (manufacturer data sheets, e.g. ZPMC and Liebherr STS series):
 *   hoist 90 m/min with rated load, 180 m/min empty; trolley 240 m/min;
 *   gantry 45 m/min; rail gauge 30.48 m (100 ft); lift height above rail ~40 m;
 *   spreader + headblock ~11 t; 8 rope falls of 29-32 mm wire rope.
 * Accelerations of 0.5-0.6 m/s^2 (hoist, trolley) and 0.2 m/s^2 (gantry) are the
 * usual drive settings; the scenario may override any of them.
 */
#include "hh_sim.h"
#include <string.h>

void hh_model_defaults(hh_model *m) {
  memset(m, 0, sizeof *m);
  m->machine = HH_MACHINE_STS;
  m->dt = 1.0 / HH_TICK_HZ;
  m->substeps = 4;
  m->gravity = 9.81;
  m->time_limit_s = 600.0;
  m->seed = 1;

  hh_sts_params *s = &m->sts;
  s->gantry = (hh_drive){.min_pos = -50, .max_pos = 50, .max_speed = 0.75,
                         .accel = 0.2, .start_pos = 0};
  s->trolley = (hh_drive){.min_pos = -40, .max_pos = 55, .max_speed = 4.0,
                          .accel = 0.5, .start_pos = -10};
  s->hoist = (hh_drive){.min_pos = 3, .max_pos = 60, .max_speed = 3.0,
                        .max_speed_loaded = 1.5, .accel = 0.6, .start_pos = 20};
  s->sheave_z = 45.0;
  s->rail_y[0] = -30.48;
  s->rail_y[1] = 0.0;
  s->spreader_mass = 11000.0;
  s->spreader_half[0] = 6.096;
  s->spreader_half[1] = 1.219;
  s->spreader_half[2] = 0.35;
  /* 8 falls of 30 mm rope (metallic area ~4.2e-4 m^2, E ~1.0e11 Pa) lumped into 4
     attachment ropes: 2 falls each -> E*A ~ 8.4e7 N per lumped rope */
  s->rope_ea = 8.4e7;
  s->rope_damping = 0.05;
  s->sway_damping = 0.0;
  s->rope_spread[0] = 2.0;
  s->rope_spread[1] = 0.8;
  s->lock_time = 1.0;
  s->align_tol = 0.05;

  hh_container *c = &m->container;
  c->half[0] = 6.096;
  c->half[1] = 1.219;
  c->half[2] = 1.2955;
  c->mass = 20000.0;
  c->rgba[0] = 0.75f; c->rgba[1] = 0.22f; c->rgba[2] = 0.12f; c->rgba[3] = 1.0f;

  m->target.tol = 0.05;
  m->target.zone_height = 3.0;
  m->target.zone_radius = 3.0;

  m->rubric.max_score = 100.0;
  m->rubric.pass_score = 60.0;
  m->rubric.log_capacity = 256;
}
