/* hh_gc_cycles.c - mill canned cycles G73 G74 G81-G86 G89 at one hole, expanded
 * into rapids, feeds, dwells and spindle ops (FANUC 0i semantics). */
#include "hh_gc_int.h"
#include "../../../core/hh_i18n.h"
#include <string.h>

#define PECK_CLEAR 0.000254 /* m: G73 back-off and G83 stop short (LinuxCNC's 0.010 in) */

/* move along z only, keeping x and y */
static hh_code zmove(hh_gc_ctx *c, hh_canon_kind kind, double z) {
  double e[3] = {c->m->pos[0], c->m->pos[1], z};
  return hh_gc_move(c, kind, e);
}

/* dwell of s seconds if positive */
static hh_code dwell(hh_gc_ctx *c, double s) {
  if (s <= 0) return HH_OK;
  hh_canon_op *op = &c->in->scratch;
  memset(op, 0, sizeof *op);
  op->kind = HH_CANON_DWELL;
  op->value = s;
  return hh_gc_emit(c, op);
}

/* spindle start in direction dir (0 = stop) with the modal speed */
static hh_code spin(hh_gc_ctx *c, int dir) {
  hh_canon_op *op = &c->in->scratch;
  memset(op, 0, sizeof *op);
  op->kind = dir ? HH_CANON_SPINDLE_ON : HH_CANON_SPINDLE_OFF;
  op->dir = dir;
  op->speed = c->m->speed;
  op->speed_max = c->m->speed_max;
  return hh_gc_emit(c, op);
}

/* one hole of cycle `cyc` at hole (x, y); first = the block that started the cycle */
hh_code hh_gc_mill_cycle(hh_gc_ctx *c, int cyc, const double hole[3], int first) {
  hh_gc_modal *m = c->m;
  hh_code r;
  (void)first;
  double init = m->cyc_init_z;
  double rz = m->incremental ? init + m->cyc_r : m->cyc_r;
  double bz = m->incremental ? rz + m->cyc_z : m->cyc_z;
  if (bz > rz)
    return hh_gc_error(c, HH_E_GCODE_CYCLE, 0, hh_tr("cycle bottom Z is above the R level"));
  double xy[3] = {hole[0], hole[1], m->pos[2]};
  if ((r = hh_gc_move(c, HH_CANON_RAPID, xy))) return r;
  if ((r = zmove(c, HH_CANON_RAPID, rz))) return r;
  int dir = m->spindle_dir;
  switch (cyc) {
  case 81:
    if ((r = zmove(c, HH_CANON_LINEAR, bz))) return r;
    break;
  case 82:
    if ((r = zmove(c, HH_CANON_LINEAR, bz)) || (r = dwell(c, m->cyc_p))) return r;
    break;
  case 73: case 83: {
    double z = rz, q = m->cyc_q;
    while (z > bz + 1e-12) {
      double next = z - q < bz ? bz : z - q;
      if (cyc == 83 && z < rz) {
        if ((r = zmove(c, HH_CANON_RAPID, z + PECK_CLEAR))) return r;
      }
      if ((r = zmove(c, HH_CANON_LINEAR, next))) return r;
      z = next;
      if (z <= bz + 1e-12) break;
      if (cyc == 83) r = zmove(c, HH_CANON_RAPID, rz);
      else r = zmove(c, HH_CANON_RAPID, z + PECK_CLEAR);
      if (r) return r;
    }
    break;
  }
  case 85: case 89:
    if ((r = zmove(c, HH_CANON_LINEAR, bz))) return r;
    if (cyc == 89 && (r = dwell(c, m->cyc_p))) return r;
    if ((r = zmove(c, HH_CANON_LINEAR, rz))) return r;
    break;
  case 86:
    if ((r = zmove(c, HH_CANON_LINEAR, bz)) || (r = spin(c, 0))) return r;
    if ((r = zmove(c, HH_CANON_RAPID, m->retract_r ? rz : init))) return r;
    if ((r = spin(c, dir))) return r;
    return HH_OK;
  case 74: case 84:
    if ((r = zmove(c, HH_CANON_LINEAR, bz)) || (r = dwell(c, m->cyc_p))) return r;
    if ((r = spin(c, -dir))) return r;
    if ((r = zmove(c, HH_CANON_LINEAR, rz)) || (r = spin(c, dir))) return r;
    break;
  default:
    return hh_gc_error(c, HH_E_GCODE_UNSUPPORTED, 0, hh_tr("G%d is not supported"), cyc);
  }
  double back = m->retract_r ? rz : init;
  if (m->pos[2] != back) return zmove(c, HH_CANON_RAPID, back);
  return HH_OK;
}
