/* hh_gcode.h - FANUC 0i style G-code interpreter (mill and lathe) emitting
 * canonical operations (../hh_canon.h).
 *
 * Shape (grbl + LinuxCNC): a program is loaded once (allocates: a copy of the text,
 * the line table and the O-number table). Then each block goes through three phases
 * with no allocation: read (hh_gc_read.c: words into an hh_gc_block), check
 * (hh_gc_check.c: modal-group conflicts, repeated/missing/unused words, ranges) and
 * convert (hh_gc_convert.c + cycle files: canonical ops out, modal state committed).
 * An error in read or check leaves the modal state untouched.
 *
 * Index:
 *   hh_gc_setup_defaults  fill a setup with defaults (mill or lathe, zero offsets)
 *   hh_gc_program_load    copy program text and index its lines and O numbers
 *   hh_gc_program_adopt   the same on a buffer the program takes over (no copy)
 *   hh_gc_program_free    release a loaded program
 *   hh_gc_init            start an interpreter on a program with a setup
 *   hh_gc_step            execute the next block (0..n canonical ops)
 *   hh_gc_run             execute blocks until program end or an error
 *   hh_gc_mdi             execute one block of text typed in MDI mode
 *   hh_gc_tools_load      tool table text (T X Z D/R Q, mm) into the offset registers
 */
#ifndef HH_GCODE_H
#define HH_GCODE_H
#include <stddef.h>
#include "../../../core/hh_error.h"
#include "../hh_canon.h"

#define HH_GC_TOOLS 100      /* tool offset registers 0..99 (0 = none) */
#define HH_GC_CALL_DEPTH 8   /* M98 nesting depth */
#define HH_GC_PROFILE 256    /* max blocks in a G70-G73 contour P..Q */
#define HH_GC_CC_QUEUE 64    /* ops held behind a compensated move (look-ahead) */
#define HH_GC_CC_IDLE 4      /* blocks without XY motion allowed while compensating */

typedef enum hh_gc_machine { HH_GC_MILL = 0, HH_GC_LATHE = 1 } hh_gc_machine;

/* One tool offset register (FANUC offset memory; geometry + wear already summed). */
typedef struct hh_gc_tool {
  double length;   /* m: mill H length (G43 adds it to z); lathe Z offset */
  double radius;   /* m: mill D cutter radius; lathe nose radius */
  double xoff;     /* m: lathe X offset (radius value); unused on a mill */
  int tip;         /* lathe imaginary tip direction 0..9; unused on a mill */
} hh_gc_tool;

/* Everything the interpreter needs to know about the machine; plain data. */
typedef struct hh_gc_setup {
  hh_gc_machine machine;
  double work[6][3];      /* m: origins of G54..G59 in machine coordinates */
  double home[3];         /* m: G28 reference position, machine coordinates */
  double start[3];        /* m: machine position of the gauge point at program start */
  hh_gc_tool tool[HH_GC_TOOLS]; /* offset registers */
  double speed_max;       /* rev/s: machine spindle limit, 0 = none */
  int inch;               /* start in G20 (inch) instead of G21 */
  int block_delete;       /* 1: skip blocks starting with '/' (switch on) */
  int diameter_mode;      /* lathe: 1 (default) X words are diameters */
} hh_gc_setup;

/* A loaded program. Owns a copy of the text. */
typedef struct hh_gc_program {
  char name[256];         /* file name used in error messages */
  char *text;             /* NUL-terminated copy, lines split in place by '\0' */
  int nlines;
  char **line;            /* line[i] = text of source line i+1 (no newline) */
  int nsubs;
  int *sub_number;        /* O numbers found at line starts */
  int *sub_line;          /* index of the line holding that O number */
} hh_gc_program;

/* Cutter / nose radius compensation look-ahead: the last compensated move of the
   contour, held until the next move decides its corner (all m, work frame). */
typedef struct hh_gc_cseg {
  int kind;               /* 0 none pending, HH_CANON_RAPID / LINEAR / ARC */
  int line;               /* source line of the move */
  double ps[3], pe[3];    /* m: programmed start and end (entry move: tool start) */
  double cen[3];          /* m: ARC centre (programmed) */
  int turns;              /* ARC: +1 ccw, -1 cw */
  double cs[3];           /* m: compensated start (where the tool is) */
  double feed;            /* feed of the move (canon units) */
  int feed_mode;          /* 0 per minute, 1 per rev */
} hh_gc_cseg;

/* Modal state (what a FANUC position page shows); committed only after a block
   checked clean. */
typedef struct hh_gc_modal {
  int motion;             /* group 01: 0 1 2 3; lathe also 32, 90, 92, 94 (cycles) */
  int cycle;              /* mill group 09: 80 none, 73 74 76 81..89 (FANUC keeps
                             group 01 separate: G80 leaves motion as it was) */
  int plane;              /* 17 18 19 */
  int inch;               /* 1 G20, 0 G21 */
  int incremental;        /* 1 G91 (mill); lathe uses U/W words instead */
  int feed_per_rev;       /* 1 G95/G99(lathe), 0 G94/G98(lathe) */
  int retract_r;          /* mill canned cycles: 1 G99 (to R), 0 G98 (initial level) */
  int comp;               /* 40 41 42 */
  int length_on;          /* 1 G43 active */
  int wcs;                /* 1..6 = G54..G59 */
  int css;                /* lathe: 1 G96, 0 G97 */
  double feed;            /* m/s (per minute mode) or m/rev (per rev mode) */
  double speed;           /* rev/s (G97) */
  double css_speed;       /* m/s surface speed (G96) */
  double speed_max;       /* rev/s (G50 S on a lathe), 0 = none */
  int spindle_dir;        /* +1 M3, -1 M4, 0 stopped */
  int coolant;            /* 0 off, 1 flood, 2 mist */
  int tool;               /* tool in the spindle / indexed */
  int tool_next;          /* T word selected, waiting for M6 (mill) */
  int h_reg, d_reg;       /* active length / radius registers */
  double tool_off[3];     /* m: active tool offset vector */
  double origin[3];       /* m: machine coords of the active work origin (incl. G50/G92 shift) */
  double pos[3];          /* m: current position, work frame (tool tip) */
  /* canned-cycle words kept between blocks (FANUC keeps them modal) */
  double cyc_r, cyc_z, cyc_q, cyc_p, cyc_init_z;
  int cyc_k;
  double lcyc_end[3];     /* m: end point of the last lathe G90/G92/G94 (modal repeats) */
  /* radius compensation (G41/G42): while on, pos is the PROGRAMMED point and the
     tool follows cc; after G40 pos is the tool position again */
  hh_gc_cseg cc;          /* pending compensated move (kind 0 = none) */
  double cc_radius;       /* m: active compensation radius (D register / nose radius) */
  int cc_tip;             /* lathe: imaginary tip direction 0..9 of the active offset */
  int cc_idle;            /* blocks without XY motion since the pending move */
  /* lathe multiple repetitive cycles: first-block words kept modal (FANUC) */
  double mrc_depth;       /* m: G71/G72 depth of cut per pass (radius), 0 = default 1 mm */
  double mrc_retract;     /* m: G71/G72 retract e, 0 = default 0.5 mm */
  double g73_relief[3];   /* m: G73 total relief (X radius, -, Z) */
  int g73_passes;         /* G73 R: number of passes, 0 = default 1 */
  int g76_finish;         /* G76 P mm: finishing passes, 0 = default 1 */
  int g76_chamfer;        /* G76 P rr: thread run-out length in 0.1 lead (45-degree pull-out) */
  int g76_angle;          /* G76 P aa: tool angle in degrees (default 60) */
  double g76_min;         /* m: G76 Q minimum cut depth (radius) */
  double g76_allow;       /* m: G76 R finishing allowance (radius) */
} hh_gc_modal;

/* One move of a G70-G73 finishing contour (work frame, m). */
typedef struct hh_gc_pseg {
  int kind;               /* HH_CANON_RAPID, LINEAR or ARC */
  int line;               /* source line of the contour block */
  double s[3], e[3], cen[3];
  int turns;              /* ARC: +1 G3, -1 G2 */
  double feed;            /* feed in force in the contour (G70 finishing feed) */
} hh_gc_pseg;

typedef struct hh_gc_interp {
  hh_gc_setup setup;
  const hh_gc_program *prog;
  hh_gc_modal modal;
  int pc;                 /* index of the next line to execute */
  int done;               /* 1 after program end */
  int depth;              /* M98 call depth */
  int ret_line[HH_GC_CALL_DEPTH];   /* line index to return to */
  int ret_count[HH_GC_CALL_DEPTH];  /* repeats left for that call */
  int call_line[HH_GC_CALL_DEPTH];  /* first line of the called subprogram */
  int optional_stop;      /* 1: M1 emits OPTIONAL_STOP (always emitted; machine decides) */
  int blocks;             /* blocks executed */
  hh_canon_op scratch;    /* op under construction (no allocation per block) */
  /* ops emitted behind a pending compensated move, sent once its corner is known */
  int ccq_n;
  hh_canon_op ccq[HH_GC_CC_QUEUE];
  unsigned char ccq_z[HH_GC_CC_QUEUE]; /* 1: a move along the normal only (XY patched) */
  /* G70-G73 contour P..Q read from the loaded program (scratch, no allocation) */
  int nprof;
  hh_gc_pseg prof[HH_GC_PROFILE + 1];
} hh_gc_interp;

/* fill s with defaults for a mill or lathe: zero offsets, metric, diameter mode */
void hh_gc_setup_defaults(hh_gc_setup *s, hh_gc_machine machine);
/* copy text (len bytes) and index lines and O numbers; name is used in errors */
hh_code hh_gc_program_load(hh_gc_program *p, const char *text, size_t len,
                           const char *name, hh_error *err);
/* as hh_gc_program_load, but take ownership of text (malloc'd, len + 1 bytes: the last
   one becomes the terminating NUL) instead of copying it; on error text is freed too */
hh_code hh_gc_program_adopt(hh_gc_program *p, char *text, size_t len, const char *name,
                            hh_error *err);
/* release what hh_gc_program_load allocated (safe on a zeroed program) */
void hh_gc_program_free(hh_gc_program *p);
/* reset in to the start of prog with setup s (prog must outlive in) */
void hh_gc_init(hh_gc_interp *in, const hh_gc_setup *s, const hh_gc_program *prog);
/* execute the next block; sets in->done at program end; error leaves modal untouched */
hh_code hh_gc_step(hh_gc_interp *in, const hh_canon_sink *sink, hh_error *err);
/* execute blocks until program end or the first error */
hh_code hh_gc_run(hh_gc_interp *in, const hh_canon_sink *sink, hh_error *err);
/* execute one block of text (MDI); line is reported as 1 */
hh_code hh_gc_mdi(hh_gc_interp *in, const char *block, const hh_canon_sink *sink,
                  hh_error *err);
/* parse a tool table (LinuxCNC tool-table syntax in millimetres, one register per
   line: `T1 Z12.5 D6 ; comment`, lathe `T2 Z3 R0.4 Q3`) into s->tool; T is the
   register (H/D number, lathe offset number), Z the length or Z offset, X the lathe
   X offset (diameter value in diameter mode), D the diameter or R the radius, Q the
   lathe tip direction; call after hh_gc_setup_defaults */
hh_code hh_gc_tools_load(hh_gc_setup *s, const char *text, size_t len, const char *name,
                         hh_error *err);

#endif
