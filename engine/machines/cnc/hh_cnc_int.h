/* hh_cnc_int.h - internals shared by the CNC machine's files (not public).
 *
 * Files by job:
 *   hh_cnc.c          attach / detach / step / hash, tool lookup, texts
 *   hh_cnc_panel.c    panel keys, modes, switches, offsets entry (touch-off)
 *   hh_cnc_motion.c   reference return, jog, handwheel, program execution, limits
 *   hh_cnc_stock.c    material removal, crash detection, roughness
 *   hh_cnc_measure.c  caliper, micrometer, depth gauge on the simulated stock
 *   hh_cnc_mdi.c      MDI blocks through the G-code interpreter
 *   hh_cnc_metrics.c  the metrics the rubric reads
 */
#ifndef HH_CNC_INT_H
#define HH_CNC_INT_H
#include "hh_cnc.h"
#include "hh_canon.h"

/* stock storage (hh_cnc_stock.c) */
int hh_cnc_stock_alloc(const hh_model *m, hh_data *d, hh_error *err);
void hh_cnc_stock_free(hh_data *d);
uint64_t hh_cnc_stock_hash(const hh_data *d, uint64_t h);

/* panel (hh_cnc_panel.c): act on this tick's key, buttons and switches */
void hh_cnc_panel(const hh_model *m, hh_data *d, const hh_controls *c);
/* set an alarm (keeps the first) */
void hh_cnc_alarm(hh_data *d, int number, int msg);

/* motion (hh_cnc_motion.c): one tick of the current mode's motion */
void hh_cnc_motion(const hh_model *m, hh_data *d, const hh_controls *c);
/* start the program from the current pc (cycle start in AUTO) */
void hh_cnc_cycle_start(const hh_model *m, hh_data *d);

/* MDI (hh_cnc_mdi.c): interpreter lifetime; start the key-in block on CYCLE START
   (1 when operations were queued to run, 0 otherwise, an alarm on a bad block) */
int hh_cnc_mdi_alloc(const hh_model *m, hh_data *d, hh_error *err);
void hh_cnc_mdi_free(hh_data *d);
int hh_cnc_mdi_start(const hh_model *m, hh_data *d);

/* metrics (hh_cnc_metrics.c) */
void hh_cnc_metrics(const hh_model *m, hh_data *d);
/* measure every gauge of the drawing into d->cnc.dims */
void hh_cnc_measure_all(const hh_model *m, hh_data *d);

#endif
