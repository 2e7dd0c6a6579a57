/* hh_cnc.h - CNC machines: a 3-axis vertical machining centre and a 2-axis flat-bed
 * lathe (stages 1-3 of hh_step), their stock, measurement and the operator panel.
 *
 * Panel mapping onto hh_controls (documented in docs/cnc.md):
 *   reserved bits 0-7   key code pressed this tick (HH_CNC_KEY_* or an ASCII key-in
 *                       character 0-9 . - X Y Z); a key acts when the code differs
 *                       from the previous tick's (release = send 0 for one tick)
 *   axis[0..2]          JOG: jog x, y, z (sign = direction); REF: > 0.5 starts the
 *                       reference return of that axis
 *   axis[4] (AUX1)      handwheel (MPG): detents this tick / 10 (so -1..1 = -10..10)
 *   buttons HH_BTN_ESTOP  emergency stop (latched; RESET after release clears it)
 *   buttons HH_BTN_FINISH operator hands in the part (ends the attempt)
 *
 * Index:
 *   hh_cnc_attach        allocate the stock and reset the machine (load time)
 *   hh_cnc_detach        free the stock (safe twice)
 *   hh_cnc_step          one tick: panel, motion, material removal, metrics
 *   hh_cnc_hash          fold the machine state and stock into the state hash
 *   hh_cnc_measure       measure one gauge on the simulated stock
 *   hh_cnc_caliper_x/y   outside caliper along x / y at a height (machine frame)
 *   hh_cnc_height_at     stock top at a machine x, y (depth gauge)
 *   hh_cnc_radius_at     lathe profile radius at machine z (micrometer)
 *   hh_cnc_sweep         remove material for a tool tip moving a -> b (tests, bench)
 *   hh_cnc_tip           tool tip position for the current state (machine frame)
 *   hh_cnc_alarm_text    English msgid of an alarm message id (translate with hh_tr)
 *   hh_cnc_op_from_canon canonical op -> compact machine op (program load, MDI)
 *   hh_cnc_ra_turn/mill  roughness estimates
 */
#ifndef HH_CNC_H
#define HH_CNC_H
#include "../../sim/hh_sim.h"
#include "hh_canon.h"

enum { /* modes */
  HH_CNC_MODE_EDIT = 0, HH_CNC_MODE_MDI, HH_CNC_MODE_AUTO, HH_CNC_MODE_JOG,
  HH_CNC_MODE_MPG, HH_CNC_MODE_REF
};

enum { /* program run state */
  HH_CNC_RUN_IDLE = 0, HH_CNC_RUN_RUNNING, HH_CNC_RUN_HOLD, HH_CNC_RUN_STOPPED
};

enum { /* panel keys (reserved & 0xFF), codes >= 0x80; ASCII below for key-in */
  HH_CNC_KEY_EDIT = 0x80, HH_CNC_KEY_MDI, HH_CNC_KEY_AUTO, HH_CNC_KEY_JOG, HH_CNC_KEY_MPG,
  HH_CNC_KEY_REF,
  HH_CNC_KEY_CYCLE_START = 0x88, HH_CNC_KEY_FEED_HOLD, HH_CNC_KEY_RESET,
  HH_CNC_KEY_SINGLE_BLOCK = 0x90, HH_CNC_KEY_DRY_RUN, HH_CNC_KEY_OPT_STOP,
  HH_CNC_KEY_MACHINE_LOCK,
  HH_CNC_KEY_FEED_UP = 0x98, HH_CNC_KEY_FEED_DOWN, HH_CNC_KEY_RAPID_100,
  HH_CNC_KEY_RAPID_50, HH_CNC_KEY_RAPID_25,
  HH_CNC_KEY_AXIS_X = 0xA0, HH_CNC_KEY_AXIS_Y, HH_CNC_KEY_AXIS_Z,
  HH_CNC_KEY_MPG_X1, HH_CNC_KEY_MPG_X10, HH_CNC_KEY_MPG_X100,
  HH_CNC_KEY_SPINDLE_CW = 0xA8, HH_CNC_KEY_SPINDLE_CCW, HH_CNC_KEY_SPINDLE_STOP,
  HH_CNC_KEY_COOLANT, HH_CNC_KEY_DOOR,
  HH_CNC_KEY_TOOL_CHANGE = 0xB0, /* JOG: put tool <input number> in the spindle */
  HH_CNC_KEY_MEASURE_TOOL,       /* offset page: "Z0" / "X30" + MEASURE for the current tool */
  HH_CNC_KEY_MEASURE_WORK,       /* work page: "X-45" + MEASURE sets G54 in that axis */
  HH_CNC_KEY_CAN,                /* delete the last key-in character */
  HH_CNC_KEY_MEASURE_PART,       /* measure the finished part (caliper, micrometer) */
  HH_CNC_KEY_PAGE_POS = 0xB8,    /* screen pages: POS, PROG, OFFSET, ALARM */
  HH_CNC_KEY_PAGE_PROG, HH_CNC_KEY_PAGE_OFFSET, HH_CNC_KEY_PAGE_ALARM,
  HH_CNC_KEY_DRAWING             /* show / hide the drawing sheet */
};

enum { /* screen pages (d->cnc.page) */
  HH_CNC_PAGE_POS = 0, HH_CNC_PAGE_PROG, HH_CNC_PAGE_OFFSET, HH_CNC_PAGE_ALARM
};

enum { /* alarm message ids (numbers in the FANUC style are in d->cnc.alarm) */
  HH_CNC_ALM_NONE = 0, HH_CNC_ALM_NO_REF, HH_CNC_ALM_OT_PLUS, HH_CNC_ALM_OT_MINUS,
  HH_CNC_ALM_SPINDLE_STOPPED, HH_CNC_ALM_RAPID_STOCK, HH_CNC_ALM_HOLDER,
  HH_CNC_ALM_FIXTURE, HH_CNC_ALM_ESTOP, HH_CNC_ALM_NO_TOOL, HH_CNC_ALM_INPUT,
  HH_CNC_ALM_MDI, HH_CNC_ALM_MDI_LONG,
  HH_CNC_ALM_COUNT
};

enum { /* procedure counters (d->cnc.counters) */
  HH_CNC_CNT_AUTO_NO_REF = 0, HH_CNC_CNT_CUT_UNVERIFIED, HH_CNC_CNT_CUT_TOOL_UNSET,
  HH_CNC_CNT_DOOR_OPEN, HH_CNC_CNT_NO_COOLANT, HH_CNC_CNT_OVERTRAVEL, HH_CNC_CNT_ESTOP,
  HH_CNC_CNT_AUTO_START /* CYCLE START presses in AUTO (metric cnc_auto_starts) */
};

int hh_cnc_attach(const hh_model *m, hh_data *d, hh_error *err);
void hh_cnc_detach(hh_data *d);
void hh_cnc_step(const hh_model *m, hh_data *d, const hh_controls *c);
uint64_t hh_cnc_hash(const hh_data *d, uint64_t h);

/* 1 when the model is a lathe */
static inline int hh_cnc_is_lathe(const hh_model *m) { return m->machine == HH_MACHINE_CNC_LATHE; }
/* the model tool with T number t, or NULL */
const hh_cnc_tool *hh_cnc_tool_get(const hh_model *m, int t);
/* tool tip (mill: on the axis; lathe: imaginary tip) for controlled point p (machine) */
void hh_cnc_tip(const hh_model *m, const hh_data *d, const double p[3], double tip[3]);

/* remove material for the current tool's tip moving from a to b (machine frame);
   returns the removed volume (m^3); sets d->cnc.cutting and raises crash alarms when
   rapid is 1 and material is hit, or when the spindle is stopped */
double hh_cnc_sweep(const hh_model *m, hh_data *d, const double a[3], const double b[3],
                    int rapid);

/* measurement on the simulated stock (machine frame, m); < 0 when nothing found */
double hh_cnc_measure(const hh_model *m, const hh_data *d, const hh_cnc_gauge *g);
double hh_cnc_caliper_x(const hh_model *m, const hh_data *d, double y, double z);
double hh_cnc_caliper_y(const hh_model *m, const hh_data *d, double x, double z);
double hh_cnc_inner_x(const hh_model *m, const hh_data *d, double x, double y, double z);
double hh_cnc_inner_y(const hh_model *m, const hh_data *d, double x, double y, double z);
double hh_cnc_height_at(const hh_model *m, const hh_data *d, double x, double y);
double hh_cnc_radius_at(const hh_model *m, const hh_data *d, double z);

/* roughness: turning Ra = f^2 / (32 r); milling cusp h -> Ra ~ h / 4 */
double hh_cnc_ra_turn(double feed_per_rev, double nose_r);
double hh_cnc_ra_cusp(double step, double radius);

/* English msgid of alarm message id (the screen translates it with hh_tr) */
const char *hh_cnc_alarm_text(int msg);
/* convert a canonical op into the machine's compact op; 0 when the machine ignores
   that kind (comments, units, plane, radius compensation notice) */
int hh_cnc_op_from_canon(hh_cnc_op *o, const hh_canon_op *op);
/* English msgid of a mode */
const char *hh_cnc_mode_text(int mode);

#endif
