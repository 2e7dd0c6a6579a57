/* hh_gc_convert.c - phase 3: turn a checked block into canonical operations and
 * commit the modal state. Run first "dry" (no emission) when the block can still
 * fail on geometry, so an error leaves nothing half-applied. */
#include "hh_gc_int.h"
#include "../../../core/hh_i18n.h"
#include <math.h>
#include <stdarg.h>
#include <string.h>

#define HAS(ch) (c->b->seen & HH_GC_BIT(ch))
#define VAL(ch) (c->b->val[(ch) - 'A'])

/* located error at the column of word `letter` (0: the block's first column) */
hh_code hh_gc_error(hh_gc_ctx *c, hh_code code, char letter, const char *fmt, ...) {
  char text[HH_ERROR_TEXT];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(text, sizeof text, fmt, ap);
  va_end(ap);
  int col = letter ? c->b->col[letter - 'A'] : (c->b->ng ? c->b->gcol[0] : 1);
  return hh_error_set(c->err, code, c->in->prog ? c->in->prog->name : "MDI", c->b->line,
                      col, "%s", text);
}

/* stamp line and hand op to the sink (nothing in a dry run) */
hh_code hh_gc_emit(hh_gc_ctx *c, hh_canon_op *op) {
  op->line = c->b->line;
  if (!c->sink || !c->sink->emit) return HH_OK;
  if (hh_gc_cc_holds(c, op)) return hh_gc_cc_queue(c, op, 0);
  if (c->sink->emit(c->sink->user, op))
    return hh_gc_error(c, HH_E_GCODE_ABORTED, 0, hh_tr("program stopped by the machine"));
  return HH_OK;
}

/* emit a straight move (RAPID, LINEAR or THREAD) to end and update the position */
hh_code hh_gc_move(hh_gc_ctx *c, hh_canon_kind kind, const double end[3]) {
  hh_canon_op *op = &c->in->scratch;
  hh_gc_zero(op, sizeof *op);
  op->kind = kind;
  memcpy(op->start, c->m->pos, sizeof op->start);
  memcpy(op->end, end, sizeof op->end);
  op->feed = c->m->feed;
  op->feed_mode = c->m->feed_per_rev;
  memcpy(c->m->pos, end, sizeof c->m->pos);
  return hh_gc_emit(c, op);
}

/* emit a simple op of a kind with a value */
static hh_code simple(hh_gc_ctx *c, hh_canon_kind kind, double value) {
  hh_canon_op *op = &c->in->scratch;
  memset(op, 0, sizeof *op);
  op->kind = kind;
  op->value = value;
  return hh_gc_emit(c, op);
}

/* emit a spindle op with the current modal spindle state */
static hh_code spindle(hh_gc_ctx *c, hh_canon_kind kind) {
  hh_canon_op *op = &c->in->scratch;
  memset(op, 0, sizeof *op);
  op->kind = kind;
  op->dir = kind == HH_CANON_SPINDLE_OFF ? 0 : c->m->spindle_dir;
  op->spindle_mode = c->m->css ? HH_CANON_CSS : HH_CANON_RPM;
  op->speed = c->m->speed;
  op->css = c->m->css_speed;
  op->speed_max = c->m->speed_max;
  return hh_gc_emit(c, op);
}

/* emit a vector op (TOOL_OFFSET / WORK_OFFSET) */
static hh_code vec_op(hh_gc_ctx *c, hh_canon_kind kind, int index, const double v[3]) {
  hh_canon_op *op = &c->in->scratch;
  memset(op, 0, sizeof *op);
  op->kind = kind;
  op->index = index;
  memcpy(op->vec, v, sizeof op->vec);
  return hh_gc_emit(c, op);
}

/* axis-word target in the work frame (absolute/incremental, diameter mode) */
static void target(hh_gc_ctx *c, double end[3]) {
  hh_gc_modal *m = c->m;
  memcpy(end, m->pos, 3 * sizeof(double));
  if (c->in->setup.machine == HH_GC_LATHE) {
    double dx = c->in->setup.diameter_mode ? 0.5 : 1.0;
    if (HAS('X')) end[0] = VAL('X') * c->unit * dx;
    if (HAS('U')) end[0] = m->pos[0] + VAL('U') * c->unit * dx;
    if (HAS('Z')) end[2] = VAL('Z') * c->unit;
    if (HAS('W')) end[2] = m->pos[2] + VAL('W') * c->unit;
    return;
  }
  static const char L[3] = {'X', 'Y', 'Z'};
  for (int i = 0; i < 3; i++)
    if (HAS(L[i])) end[i] = (m->incremental ? m->pos[i] : 0.0) + VAL(L[i]) * c->unit;
}

/* change the tool offset vector keeping the machine where it is */
static hh_code set_tool_offset(hh_gc_ctx *c, int index, const double v[3]) {
  for (int i = 0; i < 3; i++) {
    c->m->pos[i] -= v[i] - c->m->tool_off[i];
    c->m->tool_off[i] = v[i];
  }
  return vec_op(c, HH_CANON_TOOL_OFFSET, index, v);
}

/* change the work origin keeping the machine where it is */
static hh_code set_origin(hh_gc_ctx *c, const double o[3]) {
  for (int i = 0; i < 3; i++) {
    c->m->pos[i] -= o[i] - c->m->origin[i];
    c->m->origin[i] = o[i];
  }
  return vec_op(c, HH_CANON_WORK_OFFSET, c->m->wcs, o);
}

/* spindle words: S, G96/G97, G50 S */
static hh_code do_spindle_words(hh_gc_ctx *c, const hh_gc_plan *p) {
  hh_gc_modal *m = c->m;
  int changed = 0;
  double len = m->inch ? 0.3048 : 1.0; /* surface speed: ft/min or m/min */
  if (p->nonmodal == 50 && HAS('S')) {
    m->speed_max = VAL('S') / 60.0;
    changed = 1;
  } else if (HAS('S')) {
    int css = p->css >= 0 ? p->css == 96 : m->css;
    if (css) m->css_speed = VAL('S') * len / 60.0;
    else m->speed = VAL('S') / 60.0;
    changed = 1;
  }
  if (p->css >= 0 && (p->css == 96) != m->css) {
    m->css = p->css == 96;
    changed = 1;
  }
  if (changed) return spindle(c, HH_CANON_SPINDLE_SPEED);
  return HH_OK;
}

/* tool words: T (mill select / lathe index + offset) and M6 */
static hh_code do_tool(hh_gc_ctx *c, const hh_gc_plan *p) {
  hh_gc_modal *m = c->m;
  hh_code r;
  if (c->in->setup.machine == HH_GC_LATHE) {
    if (!HAS('T')) return HH_OK;
    int t = (int)VAL('T'), tool = t / 100, off = t % 100;
    if (tool > 0 && tool != m->tool) {
      hh_canon_op *op = &c->in->scratch;
      memset(op, 0, sizeof *op);
      op->kind = HH_CANON_TOOL_CHANGE;
      op->tool = tool;
      if ((r = hh_gc_emit(c, op))) return r;
      m->tool = tool;
    }
    const hh_gc_tool *tt = &c->in->setup.tool[off];
    double v[3] = {off ? tt->xoff : 0.0, 0.0, off ? tt->length : 0.0};
    m->h_reg = off;
    m->d_reg = off;
    return set_tool_offset(c, off, v);
  }
  if (HAS('T')) m->tool_next = (int)VAL('T');
  if (p->toolchange) {
    hh_canon_op *op = &c->in->scratch;
    memset(op, 0, sizeof *op);
    op->kind = HH_CANON_TOOL_CHANGE;
    op->tool = m->tool_next;
    if ((r = hh_gc_emit(c, op))) return r;
    m->tool = m->tool_next;
  }
  return HH_OK;
}

/* modal G codes: plane, units, comp, length, wcs, distance, retract, feed mode */
static hh_code do_modes(hh_gc_ctx *c, const hh_gc_plan *p) {
  hh_gc_modal *m = c->m;
  hh_code r;
  int lathe = c->in->setup.machine == HH_GC_LATHE;
  if (p->plane >= 0 && p->plane != m->plane) {
    m->plane = p->plane;
    hh_canon_op *op = &c->in->scratch;
    memset(op, 0, sizeof *op);
    op->kind = HH_CANON_PLANE;
    op->axis = p->plane == 17 ? 2 : p->plane == 18 ? 1 : 0;
    if ((r = hh_gc_emit(c, op))) return r;
  }
  if (p->units >= 0 && (p->units == 20) != m->inch) {
    m->inch = p->units == 20;
    c->unit = m->inch ? 0.0254 : 0.001;
    if ((r = simple(c, HH_CANON_UNITS, m->inch))) return r;
  }
  if (p->comp >= 0) {
    if (p->comp == 40) {
      if ((r = hh_gc_cc_flush(c))) return r;
      m->comp = 40;
      m->cc_radius = 0;
    } else {
      int d = HAS('D') ? (int)VAL('D') : m->d_reg;
      m->comp = p->comp;
      m->d_reg = d;
      m->cc_radius = c->in->setup.tool[d].radius;
      m->cc_tip = c->in->setup.tool[d].tip;
      m->cc_idle = 0;
    }
    hh_canon_op *op = &c->in->scratch;
    memset(op, 0, sizeof *op);
    op->kind = HH_CANON_TOOL_RADIUS_COMP;
    op->side = m->comp == 41 ? 1 : m->comp == 42 ? 2 : 0;
    op->value = m->cc_radius;
    op->index = m->comp == 40 ? 0 : m->d_reg;
    if ((r = hh_gc_emit(c, op))) return r;
  }
  if (p->length == 43 || p->length == 44) {
    int h = (int)VAL('H');
    double len = c->in->setup.tool[h].length * (p->length == 44 ? -1.0 : 1.0);
    double v[3] = {0, 0, h ? len : 0.0};
    m->length_on = 1;
    m->h_reg = h;
    if ((r = set_tool_offset(c, h, v))) return r;
  } else if (p->length == 49) {
    double v[3] = {0, 0, 0};
    m->length_on = 0;
    m->h_reg = 0;
    if ((r = set_tool_offset(c, 0, v))) return r;
  } else if (HAS('H') && m->length_on && !lathe) {
    int h = (int)VAL('H');
    double v[3] = {0, 0, c->in->setup.tool[h].length};
    m->h_reg = h;
    if ((r = set_tool_offset(c, h, v))) return r;
  }
  if (p->wcs >= 0) {
    m->wcs = p->wcs - 53;
    if ((r = set_origin(c, c->in->setup.work[m->wcs - 1]))) return r;
  }
  if (p->dist >= 0) m->incremental = p->dist == 91;
  if (p->retract >= 0) m->retract_r = p->retract == 99;
  return HH_OK;
}

/* emit a G28/G53 move to end (work frame) flagged with its machine-frame target for
   the axes in named[] */
static hh_code machine_move(hh_gc_ctx *c, hh_canon_kind kind, const double end[3],
                            const int named[3]) {
  hh_canon_op *op = &c->in->scratch;
  memset(op, 0, sizeof *op);
  op->kind = kind;
  memcpy(op->start, c->m->pos, sizeof op->start);
  memcpy(op->end, end, sizeof op->end);
  op->feed = c->m->feed;
  op->feed_mode = c->m->feed_per_rev;
  for (int i = 0; i < 3; i++)
    if (named[i]) {
      op->machine_axes |= 1 << i;
      op->machine_end[i] = end[i] + c->m->origin[i] + c->m->tool_off[i];
    }
  memcpy(c->m->pos, end, sizeof c->m->pos);
  return hh_gc_emit(c, op);
}

/* G28 (intermediate point then reference), G53, G92/G50 coordinate setting */
static hh_code do_nonmodal_axes(hh_gc_ctx *c, const hh_gc_plan *p) {
  hh_gc_modal *m = c->m;
  hh_code r;
  double end[3];
  int lathe = c->in->setup.machine == HH_GC_LATHE;
  int named[3] = {HAS('X') || HAS('U'), !lathe && HAS('Y'), HAS('Z') || HAS('W')};
  if (p->nonmodal == 28) {
    target(c, end);
    if ((r = hh_gc_move(c, HH_CANON_RAPID, end))) return r;
    for (int i = 0; i < 3; i++)
      if (named[i]) end[i] = c->in->setup.home[i] - m->origin[i] - m->tool_off[i];
    return machine_move(c, HH_CANON_RAPID, end, named);
  }
  if (p->nonmodal == 53) {
    static const char L[3] = {'X', 'Y', 'Z'};
    memcpy(end, m->pos, sizeof end);
    double dx = lathe && c->in->setup.diameter_mode ? 0.5 : 1.0;
    for (int i = 0; i < 3; i++)
      if (HAS(L[i]))
        end[i] = VAL(L[i]) * c->unit * (i == 0 ? dx : 1.0) - m->origin[i] - m->tool_off[i];
    int feed = (p->motion >= 0 ? p->motion : m->motion) == 1;
    int given[3] = {HAS('X'), !lathe && HAS('Y'), HAS('Z')};
    return machine_move(c, feed ? HH_CANON_LINEAR : HH_CANON_RAPID, end, given);
  }
  if ((p->nonmodal == 92 || p->nonmodal == 50) && p->axes) {
    int save = m->incremental;
    m->incremental = 0;
    target(c, end);
    m->incremental = save;
    double o[3];
    for (int i = 0; i < 3; i++) o[i] = m->origin[i] + m->pos[i] - end[i];
    return set_origin(c, o);
  }
  return HH_OK;
}

/* program flow M codes; returns with in->pc/done updated (real pass only) */
static hh_code do_flow(hh_gc_ctx *c, const hh_gc_plan *p, int dry) {
  hh_gc_interp *in = c->in;
  if (p->flow == 0) return simple(c, HH_CANON_PROGRAM_STOP, 0);
  if (p->flow == 1) return simple(c, HH_CANON_OPTIONAL_STOP, 0);
  if ((p->flow == 2 || p->flow == 30 || (p->flow == 99 && in->depth == 0)) &&
      c->m->comp != 40) {
    hh_code r = hh_gc_cc_flush(c);
    if (r) return r;
    c->m->comp = 40;
  }
  if (p->flow == 2 || p->flow == 30) {
    if (!dry) in->done = 1;
    return simple(c, HH_CANON_PROGRAM_END, p->flow);
  }
  if (p->flow == 98) {
    int pv = (int)VAL('P'), num = pv, reps = HAS('L') ? (int)VAL('L') : 1;
    if (pv > 9999) { num = pv % 10000; reps = pv / 10000; }
    const hh_gc_program *pr = in->prog;
    int at = -1;
    for (int i = 0; pr && i < pr->nsubs; i++)
      if (pr->sub_number[i] == num) at = pr->sub_line[i];
    if (at < 0)
      return hh_gc_error(c, HH_E_GCODE_SUBPROGRAM, 'P', hh_tr("subprogram O%04d not found"), num);
    if (in->depth >= HH_GC_CALL_DEPTH)
      return hh_gc_error(c, HH_E_GCODE_SUBPROGRAM, 'P',
                         hh_tr("subprogram calls nested deeper than %d"), HH_GC_CALL_DEPTH);
    if (dry || reps == 0) return HH_OK;
    in->ret_line[in->depth] = in->pc;
    in->ret_count[in->depth] = reps - 1;
    in->call_line[in->depth] = at + 1;
    in->depth++;
    in->pc = at + 1;
    return HH_OK;
  }
  if (p->flow == 99) {
    if (in->depth == 0) {
      if (!dry) in->done = 1;
      return simple(c, HH_CANON_PROGRAM_END, 99);
    }
    if (dry) return HH_OK;
    int d = in->depth - 1;
    if (in->ret_count[d] > 0) {
      in->ret_count[d]--;
      in->pc = in->call_line[d];
    } else {
      in->pc = in->ret_line[d];
      in->depth--;
    }
  }
  return HH_OK;
}

/* the motion of the block: G0-G3, lathe G32/G90/G92/G94, mill canned cycles */
static hh_code do_motion(hh_gc_ctx *c, const hh_gc_plan *p) {
  hh_gc_modal *m = c->m;
  hh_code r;
  if (p->motion >= 0) m->motion = p->motion;
  if (p->motion >= 0 && c->in->setup.machine == HH_GC_MILL) m->cycle = 80;
  if (p->cycle >= 0) m->cycle = p->cycle;
  int mv = p->move;
  if (mv < 0 || (!p->axes && !(mv == 2 || mv == 3))) return HH_OK;
  double end[3];
  if (mv >= 100) {
    int first = p->cycle >= 0;
    if (first) m->cyc_init_z = m->pos[2];
    if (HAS('Z')) m->cyc_z = (m->incremental ? 0.0 : 0.0) + VAL('Z') * c->unit;
    if (HAS('R')) m->cyc_r = VAL('R') * c->unit;
    if (HAS('Q')) m->cyc_q = VAL('Q') * c->unit;
    if (HAS('P')) m->cyc_p = VAL('P') / 1000.0;
    int reps = HAS('K') ? (int)VAL('K') : HAS('L') ? (int)VAL('L') : 1;
    static const char L[2] = {'X', 'Y'};
    for (int k = 0; k < reps; k++) {
      memcpy(end, m->pos, sizeof end);
      for (int i = 0; i < 2; i++)
        if (HAS(L[i])) end[i] = (m->incremental ? m->pos[i] : 0.0) + VAL(L[i]) * c->unit;
      if ((r = hh_gc_mill_cycle(c, mv - 100, end, first && k == 0))) return r;
    }
    return HH_OK;
  }
  if (mv >= 90 && p->motion < 0) { /* modal repeat of a lathe cycle: base = last end */
    double save[3];
    memcpy(save, m->pos, sizeof save);
    memcpy(m->pos, m->lcyc_end, sizeof save);
    target(c, end);
    if (HAS('U')) end[0] = save[0] + (end[0] - m->lcyc_end[0]);
    if (HAS('W')) end[2] = save[2] + (end[2] - m->lcyc_end[2]);
    memcpy(m->pos, save, sizeof save);
  } else {
    target(c, end);
  }
  if (mv >= 90) memcpy(m->lcyc_end, end, sizeof end);
  if (m->comp != 40 && mv <= 3) {
    hh_gc_cseg s2;
    memset(&s2, 0, sizeof s2);
    s2.kind = mv == 0 ? HH_CANON_RAPID : mv == 1 ? HH_CANON_LINEAR : HH_CANON_ARC;
    memcpy(s2.ps, m->pos, sizeof s2.ps);
    memcpy(s2.pe, end, sizeof s2.pe);
    s2.feed = m->feed;
    s2.feed_mode = m->feed_per_rev;
    if (mv >= 2) {
      hh_canon_op op;
      memset(&op, 0, sizeof op);
      if ((r = hh_gc_arc(c, mv, end, &op))) return r;
      memcpy(s2.cen, op.centre, sizeof s2.cen);
      s2.turns = op.turns;
    }
    return hh_gc_cc_move(c, &s2);
  }
  switch (mv) {
  case 0: return hh_gc_move(c, HH_CANON_RAPID, end);
  case 1: return hh_gc_move(c, HH_CANON_LINEAR, end);
  case 2: case 3: {
    hh_canon_op op;
    hh_gc_zero(&op, sizeof op);
    if ((r = hh_gc_arc(c, mv, end, &op))) return r;
    memcpy(op.start, m->pos, sizeof op.start);
    memcpy(op.end, end, sizeof op.end);
    op.feed = m->feed;
    op.feed_mode = m->feed_per_rev;
    memcpy(m->pos, end, sizeof m->pos);
    hh_gc_copy(&c->in->scratch, &op, sizeof op);
    return hh_gc_emit(c, &c->in->scratch);
  }
  case 32: return hh_gc_move(c, HH_CANON_THREAD, end);
  default: return hh_gc_lathe_cycle(c, mv, end);
  }
}

/* execute the checked block; dry = validate geometry without emitting or jumping */
static hh_code convert_pass(hh_gc_interp *in, const hh_gc_block *b, const hh_gc_plan *p,
                            const hh_canon_sink *sink, hh_error *err, int dry,
                            hh_gc_modal *m) {
  hh_gc_ctx ctx = {in, m, b, dry ? NULL : sink, err, m->inch ? 0.0254 : 0.001};
  hh_gc_ctx *c = &ctx;
  hh_code r;
  int idle = m->cc.kind && (b->ng || b->nm || (b->seen & ~HH_GC_BIT('N')));
  if (idle) m->cc_idle++;
  if (b->has_comment) {
    hh_canon_op *op = &in->scratch;
    memset(op, 0, sizeof *op);
    op->kind = b->is_msg ? HH_CANON_MESSAGE : HH_CANON_COMMENT;
    memcpy(op->text, b->comment, sizeof op->text);
    if ((r = hh_gc_emit(c, op))) return r;
  }
  /* units first so F and coordinates of this block use them */
  if (p->units >= 0 && (p->units == 20) != m->inch) {
    m->inch = p->units == 20;
    ctx.unit = m->inch ? 0.0254 : 0.001;
    if ((r = simple(c, HH_CANON_UNITS, m->inch))) return r;
  }
  if (p->feedmode >= 0) {
    int fpr = p->feedmode == 95 || (in->setup.machine == HH_GC_LATHE && p->feedmode == 99);
    if (fpr != m->feed_per_rev) {
      m->feed_per_rev = fpr;
      m->feed = 0;
      if ((r = simple(c, HH_CANON_FEED_MODE, fpr))) return r;
    }
  }
  if (HAS('F')) m->feed = m->feed_per_rev ? VAL('F') * ctx.unit : VAL('F') * ctx.unit / 60.0;
  if ((r = do_spindle_words(c, p))) return r;
  if ((r = do_tool(c, p))) return r;
  if (p->spindle == 3 || p->spindle == 4) {
    m->spindle_dir = p->spindle == 3 ? 1 : -1;
    if ((r = spindle(c, HH_CANON_SPINDLE_ON))) return r;
  } else if (p->spindle == 5) {
    m->spindle_dir = 0;
    if ((r = spindle(c, HH_CANON_SPINDLE_OFF))) return r;
  }
  if (p->coolant >= 0) {
    m->coolant = p->coolant == 9 ? 0 : p->coolant == 8 ? 1 : 2;
    if ((r = simple(c, HH_CANON_COOLANT, m->coolant))) return r;
  }
  if (p->nonmodal == 4) {
    double t = HAS('P') ? VAL('P') / 1000.0 : HAS('X') ? VAL('X') : VAL('U');
    if ((r = simple(c, HH_CANON_DWELL, t))) return r;
  }
  if ((r = do_modes(c, p))) return r;
  if ((r = do_nonmodal_axes(c, p))) return r;
  if (in->setup.machine == HH_GC_LATHE && p->nonmodal >= 70 && p->nonmodal <= 76) {
    if ((r = hh_gc_lathe_mrc(c, p->nonmodal))) return r;
  } else if ((r = do_motion(c, p))) {
    return r;
  }
  if (m->cc.kind && m->cc_idle > HH_GC_CC_IDLE)
    return hh_gc_error(c, HH_E_GCODE_COMP, 0,
                       hh_tr("more than %d blocks without motion in the plane while compensating"),
                       HH_GC_CC_IDLE);
  return do_flow(c, p, dry);
}

/* convert block b: a dry pass on a copy when geometry can fail, then the real pass on
   the modal state itself, put back from a copy if that pass fails (the sink stopped
   the program): an error leaves the modal state as it was */
hh_code hh_gc_convert(hh_gc_interp *in, const hh_gc_block *b, const hh_gc_plan *p,
                      const hh_canon_sink *sink, hh_error *err) {
  hh_gc_modal keep;
  hh_code r;
  int risky = p->move == 2 || p->move == 3 || p->move >= 90 || p->nonmodal == 70 ||
              p->nonmodal == 71 || p->comp >= 0 || p->flow == 98 || in->modal.comp != 40 ||
              p->nonmodal >= 70;
  hh_gc_copy(&keep, &in->modal, sizeof keep);
  if (risky) {
    if ((r = convert_pass(in, b, p, sink, err, 1, &in->modal))) {
      hh_gc_copy(&in->modal, &keep, sizeof keep);
      return r;
    }
    hh_gc_copy(&in->modal, &keep, sizeof keep);
  }
  if ((r = convert_pass(in, b, p, sink, err, 0, &in->modal))) {
    hh_gc_copy(&in->modal, &keep, sizeof keep);
    return r;
  }
  return HH_OK;
}
