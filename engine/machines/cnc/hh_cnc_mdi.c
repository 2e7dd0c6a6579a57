/* hh_cnc_mdi.c - MDI mode: the block typed on the key-in line is interpreted by the
 * G-code interpreter (hh_gc_mdi, no allocation) into the machine's own op buffer on
 * CYCLE START and then executed like the program (hh_cnc_motion.c). The interpreter
 * is allocated at attach; its modal state (G90/G91, feed, units) persists between
 * blocks like a real control's, its position is set to the machine's before each one.
 */
#include "hh_cnc_int.h"
#include "gcode/hh_gcode.h"
#include <stdlib.h>
#include <string.h>

int hh_cnc_op_from_canon(hh_cnc_op *o, const hh_canon_op *op) {
  if (op->kind == HH_CANON_COMMENT || op->kind == HH_CANON_MESSAGE ||
      op->kind == HH_CANON_UNITS || op->kind == HH_CANON_PLANE ||
      op->kind == HH_CANON_TOOL_RADIUS_COMP)
    return 0;
  memset(o, 0, sizeof *o);
  o->kind = op->kind;
  o->line = op->line;
  memcpy(o->end, op->end, sizeof o->end);
  for (int i = 0; i < 3; i++)
    if (op->kind == HH_CANON_ARC || op->end[i] != op->start[i]) o->mask |= 1 << i;
  if (op->machine_axes) { /* G28 / G53: keep the machine-frame target of those axes */
    o->machine = op->machine_axes & 7;
    o->mask = o->machine;
    for (int i = 0; i < 3; i++)
      if (o->machine & (1 << i)) o->end[i] = op->machine_end[i];
  }
  memcpy(o->centre, op->centre, sizeof o->centre);
  o->axis = op->axis;
  o->turns = op->turns;
  o->feed = op->feed;
  o->feed_mode = op->feed_mode;
  o->dir = op->dir;
  o->spindle_mode = op->spindle_mode;
  o->speed = op->speed;
  o->css = op->css;
  o->speed_max = op->speed_max;
  o->tool = op->tool;
  o->index = op->index;
  o->value = op->value;
  return 1;
}

/* allocate the MDI interpreter with the machine's reference point */
int hh_cnc_mdi_alloc(const hh_model *m, hh_data *d, hh_error *err) {
  hh_gc_interp *in = calloc(1, sizeof *in);
  hh_gc_setup *setup = calloc(1, sizeof *setup);
  if (!in || !setup) {
    free(in);
    free(setup);
    return hh_error_set(err, HH_E_NOMEM, m->source, 0, 0, "cnc: no memory for MDI");
  }
  hh_gc_setup_defaults(setup, hh_cnc_is_lathe(m) ? HH_GC_LATHE : HH_GC_MILL);
  memcpy(setup->home, m->cnc.home, sizeof setup->home);
  memcpy(setup->start, m->cnc.start, sizeof setup->start);
  hh_gc_init(in, setup, NULL);
  free(setup);
  d->cnc.mdi_interp = in;
  return HH_OK;
}

void hh_cnc_mdi_free(hh_data *d) {
  free(d->cnc.mdi_interp);
  d->cnc.mdi_interp = NULL;
}

/* sink collecting the block's ops into the state's MDI buffer */
static int mdi_emit(void *user, const hh_canon_op *op) {
  hh_cnc_state *s = user;
  hh_cnc_op o;
  if (!hh_cnc_op_from_canon(&o, op)) return 0;
  if (s->n_mdi >= HH_CNC_MDI_OPS) return 1; /* too long: aborts the block */
  s->mdi_op[s->n_mdi++] = o;
  return 0;
}

int hh_cnc_mdi_start(const hh_model *m, hh_data *d) {
  hh_cnc_state *s = &d->cnc;
  hh_gc_interp *in = s->mdi_interp;
  if (!in || s->run != HH_CNC_RUN_IDLE || s->input_len == 0) return 0;
  /* the interpreter starts from where the machine is, in the operator's work frame */
  int r = s->tool_reg;
  for (int i = 0; i < 3; i++) {
    double w = s->pos[i] - s->work_ofs[s->work][i];
    if (r >= 1 && r <= HH_CNC_MAX_TOOLS) w -= s->tool_ofs[r - 1][i];
    in->modal.pos[i] = hh_cnc_is_lathe(m) && i == 1 ? 0.0 : w;
  }
  hh_gc_modal keep = in->modal;
  hh_canon_sink sink = {mdi_emit, s};
  hh_error err;
  memset(&err, 0, sizeof err);
  s->n_mdi = 0;
  s->mdi_pc = 0;
  hh_code rc = hh_gc_mdi(in, s->input, &sink, &err);
  if (rc != HH_OK) {
    in->modal = keep; /* a block cut short by a full buffer leaves nothing behind */
    s->n_mdi = 0;
    s->mdi_err = rc;
    s->mdi_err_col = err.column;
    hh_cnc_alarm(d, rc == HH_E_GCODE_ABORTED ? 5012 : 5011,
                 rc == HH_E_GCODE_ABORTED ? HH_CNC_ALM_MDI_LONG : HH_CNC_ALM_MDI);
    return 0;
  }
  s->mdi_err = 0;
  memcpy(s->mdi_block, s->input, sizeof s->mdi_block);
  s->input_len = 0;
  s->input[0] = '\0';
  if (s->n_mdi == 0) return 0;
  s->mdi = 1;
  s->verifying = 0;
  s->run = HH_CNC_RUN_RUNNING;
  return 1;
}
