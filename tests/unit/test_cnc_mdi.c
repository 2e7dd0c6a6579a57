/* test_cnc_mdi.c - MDI mode and the screen page keys on the milling machine: a block
 * typed on the panel runs through the interpreter on CYCLE START (incremental move,
 * G53 and G28 in the machine frame, modal G91 kept between blocks, spindle); a bad
 * block raises alarm 5011 with the interpreter's code and moves nothing; cycle start
 * before reference return is refused; the page and drawing keys switch the screen. */
#include "hh_test.h"
#include "machines/cnc/hh_cnc.h"
#include "script/hh_script.h"
#include "render/hh_render_int.h"
#include <stdio.h>
#include <string.h>

static hh_model model;

/* one tick with key code k (and axis input 1 on axis a, -1 none) */
static void tick(hh_data *d, unsigned k, int a) {
  hh_controls c;
  memset(&c, 0, sizeof c);
  c.reserved = k;
  if (a >= 0) c.axis[a] = 1.0f;
  hh_step(&model, d, &c);
}

/* press and release a key */
static void press(hh_data *d, unsigned k) {
  tick(d, k, -1);
  tick(d, 0, -1);
}

/* label and value of HUD row i of the current screen page, "LABEL VALUE" */
static const char *rows(const hh_data *d, int i) {
  static char out[160];
  const char *lab[7];
  char val[7][64];
  double g[4][4];
  hh_rcnc_hud_rows(&model, d, lab, val, g[0], g[1], g[2], g[3]);
  snprintf(out, sizeof out, "%s %s", lab[i], val[i]);
  return out;
}

/* type a block on the key-in line */
static void type(hh_data *d, const char *s) {
  for (; *s; s++) press(d, (unsigned char)*s);
}

/* type a block, cycle start, run until the machine is idle again */
static void mdi(hh_data *d, const char *block) {
  type(d, block);
  CHECK(strcmp(d->cnc.input, block) == 0);
  press(d, HH_CNC_KEY_CYCLE_START);
  for (int i = 0; i < 60 * 120 && d->cnc.run != HH_CNC_RUN_IDLE; i++) tick(d, 0, -1);
  CHECK(d->cnc.run == HH_CNC_RUN_IDLE && !d->cnc.mdi);
}

int main(void) {
  hh_error err = {0};
  if (hh_script_load(HH_SOURCE_DIR "/scenarios/cnc/mill_exam_plate.lua", &model, &err) != HH_OK) {
    hh_error_print(&err, stderr);
    return 1;
  }
  hh_data *d = hh_data_make(&model, &err);
  CHECK(d != NULL);
  if (!d) return 1;
  /* MDI before the reference return: alarm 224, nothing runs */
  press(d, HH_CNC_KEY_MDI);
  type(d, "G0 X1.");
  press(d, HH_CNC_KEY_CYCLE_START);
  CHECK(d->cnc.alarm == 224 && d->cnc.run == HH_CNC_RUN_IDLE);
  press(d, HH_CNC_KEY_RESET);
  for (int i = 0; i < 7; i++) press(d, HH_CNC_KEY_CAN);
  CHECK(d->cnc.input_len == 0);
  /* reference return of every axis */
  press(d, HH_CNC_KEY_REF);
  for (int a = 2; a >= 0; a--)
    for (int i = 0; i < 60 * 60 && !d->cnc.referenced[a]; i++) tick(d, 0, a);
  CHECK(d->cnc.referenced[0] && d->cnc.referenced[1] && d->cnc.referenced[2]);
  tick(d, 0, -1);
  /* letters other than X Y Z S T are key-in characters only in MDI */
  press(d, 'G');
  CHECK(d->cnc.input_len == 0);
  press(d, HH_CNC_KEY_MDI);
  double x0 = d->cnc.pos[0], y0 = d->cnc.pos[1];
  mdi(d, "G91 G0 X-20. Y-10.");
  printf("after G91 G0 X-20. Y-10.: %.6f %.6f %.6f\n", d->cnc.pos[0], d->cnc.pos[1], d->cnc.pos[2]);
  CHECK_NEAR(d->cnc.pos[0], x0 - 0.020, 1e-9);
  CHECK_NEAR(d->cnc.pos[1], y0 - 0.010, 1e-9);
  CHECK(strcmp(d->cnc.mdi_block, "G91 G0 X-20. Y-10.") == 0 && d->cnc.input_len == 0);
  mdi(d, "X-5."); /* G91 and G0 stay modal between MDI blocks */
  CHECK_NEAR(d->cnc.pos[0], x0 - 0.025, 1e-9);
  mdi(d, "G90 G53 Z300.");
  CHECK_NEAR(d->cnc.pos[2], 0.300, 1e-9);
  mdi(d, "G91 G28 Z0.");
  CHECK_NEAR(d->cnc.pos[2], model.cnc.home[2], 1e-9);
  mdi(d, "M3 S1200");
  CHECK(d->cnc.spindle_dir == 1 && d->cnc.spindle_cmd * 60.0 > 1199.0);
  /* a bad block: alarm with the interpreter's code, modal state and machine untouched */
  double p[3];
  memcpy(p, d->cnc.pos, sizeof p);
  type(d, "G1 X1 X2");
  press(d, HH_CNC_KEY_CYCLE_START);
  printf("bad block: alarm %d, interpreter code %d column %d\n", d->cnc.alarm, d->cnc.mdi_err,
         d->cnc.mdi_err_col);
  CHECK(d->cnc.alarm == 5011 && d->cnc.mdi_err == HH_E_GCODE_REPEATED_WORD);
  press(d, HH_CNC_KEY_PAGE_ALARM); /* the ALARM page: number, message, interpreter code */
  CHECK(strcmp(rows(d, 1), "5011 MDI BLOCK REJECTED BY THE INTERPRETER") == 0);
  CHECK(strcmp(rows(d, 2), "MDI E402 at column 7") == 0);
  press(d, HH_CNC_KEY_PAGE_PROG); /* the PROG page in MDI: key-in and the last block */
  CHECK(strcmp(rows(d, 2), "MDI M3 S1200") == 0);
  press(d, HH_CNC_KEY_PAGE_OFFSET);
  CHECK(strncmp(rows(d, 1), "G54 X", 5) == 0 && strncmp(rows(d, 2), "01 Z", 4) == 0);
  press(d, HH_CNC_KEY_PAGE_POS);
  CHECK(d->cnc.mdi_err_col == 7);
  CHECK(d->cnc.run == HH_CNC_RUN_IDLE && !d->cnc.mdi);
  CHECK(memcmp(p, d->cnc.pos, sizeof p) == 0);
  press(d, HH_CNC_KEY_RESET);
  CHECK(d->cnc.alarm == 0);
  /* screen pages and the drawing sheet */
  CHECK(d->cnc.page == HH_CNC_PAGE_POS && !d->cnc.drawing);
  press(d, HH_CNC_KEY_PAGE_PROG);
  CHECK(d->cnc.page == HH_CNC_PAGE_PROG);
  press(d, HH_CNC_KEY_PAGE_ALARM);
  CHECK(d->cnc.page == HH_CNC_PAGE_ALARM);
  press(d, HH_CNC_KEY_PAGE_OFFSET);
  CHECK(d->cnc.page == HH_CNC_PAGE_OFFSET);
  press(d, HH_CNC_KEY_DRAWING);
  CHECK(d->cnc.drawing == 1);
  press(d, HH_CNC_KEY_DRAWING);
  CHECK(d->cnc.drawing == 0);
  /* the program text is kept for the PROG page */
  CHECK(model.cnc.n_lines > 20 && strncmp(model.cnc.src + model.cnc.line_ofs[1], "O", 1) == 0);
  hh_data_free(d);
  return hh_test_done("cnc_mdi");
}
