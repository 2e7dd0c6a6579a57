/* hh_gc_check.c - phase 2: validate a whole block before anything is committed. */
#include "hh_gc_int.h"
#include "../../../core/hh_i18n.h"
#include <string.h>

typedef struct chk {
  hh_gc_interp *in;
  const hh_gc_block *b;
  hh_error *err;
  const char *file;
} chk;

/* set err at column col of the block */
static hh_code fail(chk *k, hh_code code, int col, const char *what) {
  return hh_error_set(k->err, code, k->file, k->b->line, col, "%s", what);
}

/* set err at the column of letter word c */
static hh_code fail_w(chk *k, hh_code code, char c, const char *what) {
  return fail(k, code, k->b->col[c - 'A'], what);
}

/* modal groups, named (and translated) only when a message needs them */
enum {
  GRP_MOTION, GRP_DIST, GRP_NONMODAL, GRP_FEEDMODE, GRP_CYCLE, GRP_PLANE, GRP_UNITS,
  GRP_COMP, GRP_LENGTH, GRP_WCS, GRP_CSS, GRP_RETRACT, GRP_FLOW, GRP_SPINDLE, GRP_COOLANT
};

/* translated name of a modal group */
static const char *group_name(int group) {
  switch (group) {
  case GRP_MOTION: return hh_tr("motion");
  case GRP_DIST: return hh_tr("distance mode");
  case GRP_NONMODAL: return hh_tr("non-modal");
  case GRP_FEEDMODE: return hh_tr("feed mode");
  case GRP_CYCLE: return hh_tr("canned cycle");
  case GRP_PLANE: return hh_tr("plane");
  case GRP_UNITS: return hh_tr("units");
  case GRP_COMP: return hh_tr("radius compensation");
  case GRP_LENGTH: return hh_tr("tool length");
  case GRP_WCS: return hh_tr("work offset");
  case GRP_CSS: return hh_tr("spindle speed mode");
  case GRP_RETRACT: return hh_tr("return level");
  case GRP_FLOW: return hh_tr("program flow");
  case GRP_SPINDLE: return hh_tr("spindle");
  default: return hh_tr("coolant");
  }
}

/* put code into a modal-group slot, conflict if the slot is taken */
static hh_code slot(chk *k, int *dst, int code, int col, int group) {
  char msg[128];
  if (*dst >= 0) {
    snprintf(msg, sizeof msg, hh_tr("G%d and G%d are both in the %s group"), *dst, code,
             group_name(group));
    return fail(k, HH_E_GCODE_MODAL_CONFLICT, col, msg);
  }
  *dst = code;
  return HH_OK;
}

/* classify each G code of the block into its modal group */
static hh_code classify_g(chk *k, hh_gc_plan *p) {
  int lathe = k->in->setup.machine == HH_GC_LATHE;
  char msg[96];
  for (int i = 0; i < k->b->ng; i++) {
    int g = k->b->g[i], col = k->b->gcol[i];
    hh_code r = HH_OK;
    switch (g) {
    case 0: case 1: case 2: case 3:
      r = slot(k, &p->motion, g, col, GRP_MOTION); break;
    case 32: case 90: case 92: case 94:
      if (lathe) { r = slot(k, &p->motion, g, col, GRP_MOTION); break; }
      if (g == 90 || g == 92) {
        if (g == 90) r = slot(k, &p->dist, g, col, GRP_DIST);
        else r = slot(k, &p->nonmodal, g, col, GRP_NONMODAL);
      } else if (g == 94) {
        r = slot(k, &p->feedmode, g, col, GRP_FEEDMODE);
      } else goto unsupported;
      break;
    case 91:
      if (lathe) goto unsupported;
      r = slot(k, &p->dist, g, col, GRP_DIST); break;
    case 95:
      if (lathe) goto unsupported;
      r = slot(k, &p->feedmode, g, col, GRP_FEEDMODE); break;
    case 73: case 74: case 81: case 82: case 83: case 84: case 85: case 86: case 89:
      if (lathe) {
        if (g == 73) { r = slot(k, &p->nonmodal, g, col, GRP_NONMODAL); break; }
        goto unsupported;
      }
      r = slot(k, &p->cycle, g, col, GRP_CYCLE); break;
    case 80:
      if (lathe) goto unsupported;
      r = slot(k, &p->cycle, g, col, GRP_CYCLE); break;
    case 4: case 28: case 53:
      r = slot(k, &p->nonmodal, g, col, GRP_NONMODAL); break;
    case 50:
      if (!lathe) goto unsupported;
      r = slot(k, &p->nonmodal, g, col, GRP_NONMODAL); break;
    case 70: case 71: case 72: case 76:
      if (!lathe) goto unsupported;
      r = slot(k, &p->nonmodal, g, col, GRP_NONMODAL); break;
    case 17: case 18: case 19:
      r = slot(k, &p->plane, g, col, GRP_PLANE); break;
    case 20: case 21:
      r = slot(k, &p->units, g, col, GRP_UNITS); break;
    case 40: case 41: case 42:
      r = slot(k, &p->comp, g, col, GRP_COMP); break;
    case 43: case 44: case 49:
      if (lathe) goto unsupported;
      r = slot(k, &p->length, g, col, GRP_LENGTH); break;
    case 54: case 55: case 56: case 57: case 58: case 59:
      r = slot(k, &p->wcs, g, col, GRP_WCS); break;
    case 96: case 97:
      if (!lathe) goto unsupported;
      r = slot(k, &p->css, g, col, GRP_CSS); break;
    case 98: case 99:
      if (lathe) r = slot(k, &p->feedmode, g, col, GRP_FEEDMODE);
      else r = slot(k, &p->retract, g, col, GRP_RETRACT);
      break;
    default:
    unsupported:
      snprintf(msg, sizeof msg, hh_tr("G%d is not supported on a %s"), g, lathe ? hh_tr("lathe") : hh_tr("mill"));
      return fail(k, HH_E_GCODE_UNSUPPORTED, col, msg);
    }
    if (r) return r;
  }
  return HH_OK;
}

/* classify each M code into its group */
static hh_code classify_m(chk *k, hh_gc_plan *p) {
  char msg[96];
  for (int i = 0; i < k->b->nm; i++) {
    int m = k->b->m[i], col = k->b->mcol[i], *dst = NULL, grp = GRP_FLOW;
    switch (m) {
    case 0: case 1: case 2: case 30: case 98: case 99: dst = &p->flow; grp = GRP_FLOW; break;
    case 3: case 4: case 5: dst = &p->spindle; grp = GRP_SPINDLE; break;
    case 7: case 8: case 9: dst = &p->coolant; grp = GRP_COOLANT; break;
    case 6:
      if (k->in->setup.machine == HH_GC_LATHE) break;
      if (p->toolchange)
        return fail(k, HH_E_GCODE_MODAL_CONFLICT, col, hh_tr("M6 twice in one block"));
      p->toolchange = 1;
      continue;
    default: break;
    }
    if (!dst) {
      snprintf(msg, sizeof msg, hh_tr("M%d is not supported"), m);
      return fail(k, HH_E_GCODE_UNSUPPORTED, col, msg);
    }
    if (*dst >= 0) {
      snprintf(msg, sizeof msg, hh_tr("M%d and M%d are both in the %s group"), *dst, m,
               group_name(grp));
      return fail(k, HH_E_GCODE_MODAL_CONFLICT, col, msg);
    }
    *dst = m;
  }
  return HH_OK;
}

#define HAS(c) (b->seen & HH_GC_BIT(c))

/* check integer and range rules of the plain words */
static hh_code check_values(chk *k, const hh_gc_plan *p) {
  const hh_gc_block *b = k->b;
  const char *ints = "DHLNOT";
  const unsigned int_bits = HH_GC_BIT('D') | HH_GC_BIT('H') | HH_GC_BIT('L') |
                            HH_GC_BIT('N') | HH_GC_BIT('O') | HH_GC_BIT('T');
  if (b->fracbits & int_bits) /* the first of D H L N O T, in that order */
    for (const char *c = ints; *c; c++)
      if (b->fracbits & HH_GC_BIT(*c))
        return fail_w(k, HH_E_GCODE_INTEGER, *c, hh_tr("this word must be an integer"));
  if (HAS('P') && (b->fracbits & HH_GC_BIT('P')) && p->nonmodal != 4)
    return fail_w(k, HH_E_GCODE_INTEGER, 'P', hh_tr("P must be an integer here"));
  if (HAS('F') && b->val['F' - 'A'] < 0)
    return fail_w(k, HH_E_GCODE_RANGE, 'F', hh_tr("feed rate F must not be negative"));
  if (HAS('S') && b->val['S' - 'A'] < 0)
    return fail_w(k, HH_E_GCODE_RANGE, 'S', hh_tr("spindle speed S must not be negative"));
  int lathe = k->in->setup.machine == HH_GC_LATHE;
  if (HAS('T') && (b->val['T' - 'A'] < 0 || b->val['T' - 'A'] > (lathe ? 9999 : 99)))
    return fail_w(k, HH_E_GCODE_RANGE, 'T', lathe ? hh_tr("T must be 0..9999 (tool*100+offset)")
                                                  : hh_tr("T must be 0..99"));
  if (lathe && HAS('T') && (int)b->val['T' - 'A'] % 100 >= HH_GC_TOOLS)
    return fail_w(k, HH_E_GCODE_RANGE, 'T', hh_tr("offset register out of range"));
  if (HAS('H') && (b->val['H' - 'A'] < 0 || b->val['H' - 'A'] >= HH_GC_TOOLS))
    return fail_w(k, HH_E_GCODE_RANGE, 'H', hh_tr("H must be 0..99"));
  if (HAS('D') && (b->val['D' - 'A'] < 0 || b->val['D' - 'A'] >= HH_GC_TOOLS))
    return fail_w(k, HH_E_GCODE_RANGE, 'D', hh_tr("D must be 0..99"));
  if (HAS('L') && b->val['L' - 'A'] < 0)
    return fail_w(k, HH_E_GCODE_RANGE, 'L', hh_tr("L must not be negative"));
  return HH_OK;
}

/* validate block b against the interpreter's modal state; fill plan p */
hh_code hh_gc_check(hh_gc_interp *in, const hh_gc_block *b, hh_gc_plan *p,
                    hh_error *err) {
  chk k = {in, b, err, in->prog ? in->prog->name : "MDI"};
  const hh_gc_modal *m = &in->modal;
  int lathe = in->setup.machine == HH_GC_LATHE;
  hh_code r;
  memset(p, 0xff, sizeof *p); /* every int slot -1 */
  p->toolchange = 0;
  p->axes = 0;
  if ((r = classify_g(&k, p)) || (r = classify_m(&k, p))) return r;
  if ((r = check_values(&k, p))) return r;
  unsigned axes = lathe ? HH_GC_BIT('X') | HH_GC_BIT('Z') | HH_GC_BIT('U') | HH_GC_BIT('W')
                        : HH_GC_BIT('X') | HH_GC_BIT('Y') | HH_GC_BIT('Z');
  unsigned used = HH_GC_BIT('N') | HH_GC_BIT('O') | HH_GC_BIT('F') | HH_GC_BIT('S') |
                  HH_GC_BIT('T');
  if (lathe && HAS('X') && HAS('U'))
    return fail_w(&k, HH_E_GCODE_REPEATED_WORD, 'U', hh_tr("X and U both given (one X axis)"));
  if (lathe && HAS('Z') && HAS('W'))
    return fail_w(&k, HH_E_GCODE_REPEATED_WORD, 'W', hh_tr("Z and W both given (one Z axis)"));
  p->axes = (b->seen & axes) != 0;
  int plane = p->plane >= 0 ? p->plane : m->plane;
  int nm = p->nonmodal;
  /* non-modal codes that consume words */
  if (nm == 4) {
    unsigned t = HH_GC_BIT('P') | HH_GC_BIT('X') | (lathe ? HH_GC_BIT('U') : 0);
    if (!(b->seen & t))
      return fail(&k, HH_E_GCODE_MISSING_WORD, b->gcol[0], hh_tr("G4 needs P (ms) or X (s)"));
    unsigned have = b->seen & t;
    if (have & (have - 1))
      return fail(&k, HH_E_GCODE_REPEATED_WORD, b->gcol[0], hh_tr("G4 takes one of P, X or U"));
    double v = HAS('P') ? b->val['P' - 'A'] : HAS('X') ? b->val['X' - 'A'] : b->val['U' - 'A'];
    if (v < 0) return fail(&k, HH_E_GCODE_RANGE, b->gcol[0], hh_tr("dwell time must not be negative"));
    used |= t;
  } else if (nm == 28 || nm == 53 || nm == 92 || nm == 50) {
    if (p->motion >= 0 && p->axes && nm != 53 && nm != 50)
      return fail(&k, HH_E_GCODE_MODAL_CONFLICT, b->gcol[0],
                  hh_tr("a motion code and G28/G92 both want the axis words"));
    if (nm == 28 && !p->axes)
      return fail(&k, HH_E_GCODE_MISSING_WORD, b->gcol[0], hh_tr("G28 needs the axes to return"));
    if (nm == 53 && !p->axes)
      return fail(&k, HH_E_GCODE_MISSING_WORD, b->gcol[0], hh_tr("G53 needs axis words"));
    if (nm == 53 && lathe && (HAS('U') || HAS('W')))
      return fail(&k, HH_E_GCODE_UNUSED_WORD, HAS('U') ? b->col['U' - 'A'] : b->col['W' - 'A'],
                  hh_tr("G53 takes absolute X/Z only"));
    if (nm == 92 && !p->axes)
      return fail(&k, HH_E_GCODE_MISSING_WORD, b->gcol[0], hh_tr("G92 needs axis words"));
    if (nm == 50 && !p->axes && !HAS('S'))
      return fail(&k, HH_E_GCODE_MISSING_WORD, b->gcol[0], hh_tr("G50 needs X/Z or S"));
    used |= axes;
  } else if (nm == 70 || nm == 71 || nm == 72 || nm == 73) {
    char msg[96];
    int second = HAS('P');
    if (nm == 70 || second) {
      if (!HAS('P') || !HAS('Q')) {
        snprintf(msg, sizeof msg, hh_tr("G%d needs P and Q (first and last contour block)"), nm);
        return fail(&k, HH_E_GCODE_MISSING_WORD, b->gcol[0], msg);
      }
      if ((b->fracbits & HH_GC_BIT('Q')))
        return fail_w(&k, HH_E_GCODE_INTEGER, 'Q', hh_tr("Q must be a sequence number"));
      used |= HH_GC_BIT('P') | HH_GC_BIT('Q');
      if (nm != 70) used |= HH_GC_BIT('U') | HH_GC_BIT('W');
    } else if (nm == 73) {
      if (!HAS('R') || (!HAS('U') && !HAS('W')))
        return fail(&k, HH_E_GCODE_MISSING_WORD, b->gcol[0],
                    hh_tr("G73 first block needs U and/or W (relief) and R (passes)"));
      if (b->val['R' - 'A'] < 1 || (b->fracbits & HH_GC_BIT('R')) || b->val['R' - 'A'] > 999)
        return fail_w(&k, HH_E_GCODE_RANGE, 'R', hh_tr("G73 R (passes) must be a whole number 1..999"));
      used |= HH_GC_BIT('U') | HH_GC_BIT('W') | HH_GC_BIT('R');
    } else {
      char dw = nm == 71 ? 'U' : 'W';
      if (!HAS(dw) || !HAS('R')) {
        snprintf(msg, sizeof msg, hh_tr("G%d first block needs %c (depth of cut) and R (retract)"), nm,
                 dw);
        return fail(&k, HH_E_GCODE_MISSING_WORD, b->gcol[0], msg);
      }
      if (b->val[dw - 'A'] <= 0 || b->val['R' - 'A'] < 0)
        return fail(&k, HH_E_GCODE_RANGE, b->gcol[0], hh_tr("depth of cut must be > 0 and R >= 0"));
      used |= HH_GC_BIT(dw) | HH_GC_BIT('R');
    }
    if (p->motion >= 0)
      return fail(&k, HH_E_GCODE_MODAL_CONFLICT, b->gcol[0],
                  hh_tr("a motion code and G70-G73 in one block"));
  } else if (nm == 76) {
    if (!p->axes) { /* first block: P mmrraa, Q min depth (um), R allowance */
      if (HAS('P') && (b->val['P' - 'A'] < 0 || b->val['P' - 'A'] > 999999))
        return fail_w(&k, HH_E_GCODE_RANGE, 'P', hh_tr("G76 P must be mmrraa (6 digits)"));
      if (HAS('P')) {
        int a = (int)b->val['P' - 'A'] % 100;
        if (a != 0 && a != 29 && a != 30 && a != 55 && a != 60 && a != 80)
          return fail_w(&k, HH_E_GCODE_RANGE, 'P', hh_tr("G76 tool angle must be 0, 29, 30, 55, 60 or 80"));
      }
      if (HAS('Q') && ((b->fracbits & HH_GC_BIT('Q')) || b->val['Q' - 'A'] < 0))
        return fail_w(&k, HH_E_GCODE_INTEGER, 'Q', hh_tr("G76 Q is a whole number of micrometres"));
      if (HAS('R') && b->val['R' - 'A'] < 0)
        return fail_w(&k, HH_E_GCODE_RANGE, 'R', hh_tr("G76 R (finishing allowance) must be >= 0"));
      used |= HH_GC_BIT('P') | HH_GC_BIT('Q') | HH_GC_BIT('R');
    } else {
      if (!HAS('P') || !HAS('Q'))
        return fail(&k, HH_E_GCODE_MISSING_WORD, b->gcol[0],
                    hh_tr("G76 second block needs P (thread height) and Q (first depth)"));
      if ((b->fracbits & HH_GC_BIT('Q')) || b->val['Q' - 'A'] <= 0)
        return fail_w(&k, HH_E_GCODE_RANGE, 'Q', hh_tr("G76 Q is a whole number of micrometres > 0"));
      if (b->val['P' - 'A'] <= 0)
        return fail_w(&k, HH_E_GCODE_RANGE, 'P', hh_tr("G76 P (thread height) must be > 0"));
      if (!HAS('F') && m->feed <= 0)
        return fail(&k, HH_E_GCODE_MISSING_WORD, b->gcol[0], hh_tr("threading needs F (lead)"));
      used |= axes | HH_GC_BIT('P') | HH_GC_BIT('Q') | HH_GC_BIT('R');
    }
    if (p->motion >= 0)
      return fail(&k, HH_E_GCODE_MODAL_CONFLICT, b->gcol[0], hh_tr("a motion code and G76 in one block"));
  }
  /* effective motion for the axis words */
  int move = -1;
  if (p->motion >= 0) move = p->motion;
  else if (p->cycle >= 0 && p->cycle != 80) move = 100 + p->cycle;
  else if (p->axes && !(used & axes & b->seen)) {
    if (!lathe && m->cycle != 80 && p->cycle != 80) move = 100 + m->cycle;
    else move = m->motion;
  }
  if (p->motion >= 0 && p->cycle >= 0 && p->cycle != 80)
    return fail(&k, HH_E_GCODE_MODAL_CONFLICT, b->gcol[0],
                hh_tr("a motion code and a canned cycle in one block"));
  if (nm == 53 && p->motion > 1)
    return fail(&k, HH_E_GCODE_MODAL_CONFLICT, b->gcol[0], hh_tr("G53 moves only with G0 or G1"));
  if (nm == 53) move = -1;
  p->move = move;
  if (move >= 0 && move < 100) {
    if (p->axes || move <= 3) used |= axes;
    if (move == 2 || move == 3) {
      unsigned ijk = plane == 17 ? HH_GC_BIT('I') | HH_GC_BIT('J')
                   : plane == 18 ? HH_GC_BIT('I') | HH_GC_BIT('K')
                                 : HH_GC_BIT('J') | HH_GC_BIT('K');
      if (HAS('R') && (b->seen & ijk))
        return fail_w(&k, HH_E_GCODE_UNUSED_WORD, 'R', hh_tr("arc with both R and I/J/K"));
      if (!HAS('R') && !(b->seen & ijk))
        return fail(&k, HH_E_GCODE_MISSING_WORD, b->gcol[0] ? b->gcol[0] : 1,
                    hh_tr("arc needs I/J/K of its plane or R"));
      if (HAS('R') && !p->axes)
        return fail_w(&k, HH_E_GCODE_MISSING_WORD, 'R', hh_tr("R-form arc needs an end point"));
      used |= HAS('R') ? HH_GC_BIT('R') : ijk;
    }
    if (move == 32 || move == 92) {
      if (!HAS('F') && m->feed <= 0)
        return fail(&k, HH_E_GCODE_MISSING_WORD, b->gcol[0], hh_tr("threading needs F (lead)"));
    }
    if (move == 90 || move == 92 || move == 94) {
      if (p->motion >= 0 && !p->axes)
        return fail(&k, HH_E_GCODE_MISSING_WORD, b->gcol[0], hh_tr("cycle needs X/U and Z/W"));
      used |= HH_GC_BIT('R');
    }
    if ((move == 1 || move == 2 || move == 3 || move == 90 || move == 94) && p->axes) {
      int fpr = p->feedmode >= 0 ? (p->feedmode == 95 || (lathe && p->feedmode == 99))
                                 : m->feed_per_rev;
      int fmode_changed = p->feedmode >= 0 && fpr != m->feed_per_rev;
      if (!HAS('F') && (m->feed <= 0 || fmode_changed))
        return fail(&k, HH_E_GCODE_NO_FEED, b->gcol[0] ? b->gcol[0] : 1,
                    hh_tr("feed move without a feed rate (F)"));
      if (HAS('F') && b->val['F' - 'A'] == 0)
        return fail_w(&k, HH_E_GCODE_NO_FEED, 'F', hh_tr("feed move with F0"));
    }
  } else if (move >= 100) {
    int cyc = move - 100;
    used |= axes | HH_GC_BIT('R') | HH_GC_BIT('K') | HH_GC_BIT('L');
    if (!HAS('Z') && !(m->cycle != 80 && p->cycle < 0) && !(p->cycle == m->cycle))
      return fail(&k, HH_E_GCODE_MISSING_WORD, b->gcol[0], hh_tr("canned cycle needs Z"));
    if (!HAS('R') && p->cycle >= 0 && p->cycle != m->cycle)
      return fail(&k, HH_E_GCODE_MISSING_WORD, b->gcol[0], hh_tr("canned cycle needs R"));
    if (cyc == 73 || cyc == 83) {
      used |= HH_GC_BIT('Q');
      if (!HAS('Q') && !(m->cyc_q > 0 && p->cycle < 0))
        return fail(&k, HH_E_GCODE_MISSING_WORD, b->gcol[0], hh_tr("peck cycle needs Q"));
      if (HAS('Q') && b->val['Q' - 'A'] <= 0)
        return fail_w(&k, HH_E_GCODE_RANGE, 'Q', hh_tr("peck depth Q must be > 0"));
    }
    if (cyc == 82 || cyc == 89 || cyc == 74 || cyc == 84) used |= HH_GC_BIT('P');
    if (HAS('P') && b->val['P' - 'A'] < 0)
      return fail_w(&k, HH_E_GCODE_RANGE, 'P', hh_tr("dwell P must not be negative"));
    if (HAS('K') && (b->val['K' - 'A'] < 0 || (b->fracbits & HH_GC_BIT('K'))))
      return fail_w(&k, HH_E_GCODE_RANGE, 'K', hh_tr("repeat count K must be a whole number >= 0"));
    if (cyc == 74 || cyc == 84) {
      if (m->spindle_dir == 0 && p->spindle != 3 && p->spindle != 4)
        return fail(&k, HH_E_GCODE_RANGE, b->gcol[0], hh_tr("tapping needs the spindle on"));
    }
    int fpr = m->feed_per_rev;
    (void)fpr;
    if (!HAS('F') && m->feed <= 0)
      return fail(&k, HH_E_GCODE_NO_FEED, b->gcol[0], hh_tr("canned cycle without a feed rate (F)"));
  }
  if (p->cycle == 80 && p->axes && move < 0 && !(used & axes))
    used |= axes;
  /* tool length and radius words */
  if (p->length == 43 || p->length == 44) {
    if (!HAS('H'))
      return fail(&k, HH_E_GCODE_MISSING_WORD, b->gcol[0], hh_tr("G43/G44 need an H number"));
    used |= HH_GC_BIT('H');
  } else if (HAS('H') && m->length_on && p->length != 49) {
    used |= HH_GC_BIT('H');
  }
  if (p->comp == 41 || p->comp == 42) {
    if (!HAS('D') && m->d_reg == 0 && !(lathe && HAS('T')))
      return fail(&k, HH_E_GCODE_MISSING_WORD, b->gcol[0],
                  lathe ? hh_tr("G41/G42 need a tool offset (T)") : hh_tr("G41/G42 need a D number"));
    if (plane != (lathe ? 18 : 17))
      return fail(&k, HH_E_GCODE_COMP, b->gcol[0],
                  lathe ? hh_tr("nose radius compensation only in G18") : hh_tr("cutter compensation only in G17"));
    int d = HAS('D') ? (int)b->val['D' - 'A'] : m->d_reg;
    if (lathe && HAS('T'))
      d = (int)b->val['T' - 'A'] % 100;
    if (d == 0 || in->setup.tool[d].radius <= 0)
      return fail(&k, HH_E_GCODE_COMP, HAS('D') ? b->col['D' - 'A'] : b->gcol[0],
                  lathe ? hh_tr("nose radius compensation with offset 0 or a zero nose radius")
                        : hh_tr("compensation with D0 or a zero radius"));
    used |= HH_GC_BIT('D');
    if (m->comp != 40)
      return fail(&k, HH_E_GCODE_COMP, b->gcol[0],
                  hh_tr("G41/G42 while compensation is on: cancel it with G40 first"));
  } else if (HAS('D') && m->comp != 40 && p->comp != 40) {
    if ((int)b->val['D' - 'A'] != m->d_reg)
      return fail_w(&k, HH_E_GCODE_COMP, 'D', hh_tr("D changed while compensation is on"));
    used |= HH_GC_BIT('D');
  }
  if (m->comp != 40 && p->comp != 40) {
    const char *what = NULL;
    if (nm == 28 || nm == 53 || nm == 92 || nm == 50) what = hh_tr("G28, G53, G50 and G92");
    else if (p->wcs >= 0) what = hh_tr("a work offset change (G54-G59)");
    else if (move >= 100 || (p->cycle >= 0 && p->cycle != 80)) what = hh_tr("canned cycles");
    else if (move >= 4 && move < 100) what = hh_tr("lathe cycles and threading");
    else if ((nm >= 71 && nm <= 76) || (nm == 70 && !lathe)) what = hh_tr("G71-G76 cycles");
    else if (lathe && HAS('T')) what = hh_tr("a tool or offset change (T)");
    if (what) {
      char msg[128];
      snprintf(msg, sizeof msg, hh_tr("%s not allowed while radius compensation is on (G40 first)"),
               what);
      return fail(&k, HH_E_GCODE_COMP, b->ng ? b->gcol[0] : 1, msg);
    }
  }
  if (p->plane >= 0 && m->comp != 40 && p->comp != 40 && p->plane != m->plane)
    return fail(&k, HH_E_GCODE_COMP, b->gcol[0], hh_tr("plane change with compensation on"));
  /* program flow words */
  if (p->flow == 98) {
    if (!HAS('P')) return fail(&k, HH_E_GCODE_MISSING_WORD, b->mcol[0], hh_tr("M98 needs P"));
    used |= HH_GC_BIT('P') | HH_GC_BIT('L');
  }
  if (p->flow == 99) used |= HH_GC_BIT('P');
  if (p->css == 96 && !HAS('S') && m->css_speed <= 0)
    return fail(&k, HH_E_GCODE_MISSING_WORD, b->gcol[0], hh_tr("G96 needs S (surface speed)"));
  unsigned unused = b->seen & ~used;
  if (unused) {
    for (int c = 0; c < 26; c++)
      if (unused & (1u << c)) {
        char msg[80];
        snprintf(msg, sizeof msg, hh_tr("word %c is not used by any code in this block"), 'A' + c);
        return fail(&k, HH_E_GCODE_UNUSED_WORD, b->col[c], msg);
      }
  }
  return HH_OK;
}
