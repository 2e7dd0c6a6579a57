/* hh_cnc_types.h - CNC machine model parameters, per-tick state and metrics (issue 4).
 *
 * Included into hh_model (hh_cnc_model), hh_data (hh_cnc_state) and the metric list
 * (HH_METRIC_LIST_CNC). Everything is SI: m, s, rad, rev/s; m/s feeds.
 *
 * Frames (machine coordinates, m):
 *   mill  x, y table travel, z spindle (+ up); the controlled point is the spindle gauge
 *         line on the spindle axis; tool tip = gauge - (0, 0, tool length).
 *   lathe x radial (radius, 0 = spindle axis), z along the spindle (+ toward the
 *         tailstock); the controlled point is the turret reference; tool tip =
 *         reference - (tool.length_x, 0, tool.length_z). y is always 0.
 * Program positions (canonical ops, hh_canon.h) are in the work frame:
 *   machine = pos + work_offset[G54..G59] + tool_offset[register]
 * where both tables are the OPERATOR's entries in hh_cnc_state (the interpreter's own
 * offsets are ignored), so a wrong touch-off really cuts the part wrong.
 *
 * Panel keys arrive in hh_controls.reserved (see hh_cnc.h, HH_CNC_KEY_*).
 */
#ifndef HH_CNC_TYPES_H
#define HH_CNC_TYPES_H
#include <stdint.h>

#define HH_CNC_MAX_OPS 4096     /* canonical operations of the loaded program */
#define HH_CNC_MAX_TOOLS 16     /* tool table entries (register = index + 1) */
#define HH_CNC_MAX_GAUGES 12    /* measured dimensions (metrics cnc_dim1..12) */
#define HH_CNC_MAX_SURF 4       /* roughness callouts (metrics cnc_ra1..4) */
#define HH_CNC_MAX_FIX 4        /* fixture boxes (vise jaws, chuck, table) */
#define HH_CNC_MAX_OUTLINES 8   /* nominal outlines of the drawing (outline{}) */
#define HH_CNC_OUTLINE_PTS 64   /* points per outline */
#define HH_CNC_INPUT 40         /* key-in buffer characters (an MDI block) */
#define HH_CNC_MDI_OPS 64       /* canonical operations of one MDI block */
#define HH_CNC_SRC 32768        /* bytes of program text kept for the PROG page */
#define HH_CNC_SRC_LINES 2048   /* program lines indexed for the PROG page */

/* CNC metrics, X(enum, "name", "unit", "meaning") (appended to HH_METRIC_LIST) */
#define HH_METRIC_LIST_CNC(X)                                                             \
  X(HH_M_CNC_MODE, "cnc_mode", "enum", "mode switch: 0 EDIT 1 MDI 2 AUTO 3 JOG 4 MPG 5 REF") \
  X(HH_M_CNC_REFERENCED, "cnc_referenced", "flag", "every axis has returned to its reference point") \
  X(HH_M_CNC_AUTO_NO_REF, "cnc_auto_without_ref", "count", "cycle starts refused because reference return was not done") \
  X(HH_M_CNC_TOOLS_SET, "cnc_tools_set", "flag", "every tool the program uses has a touched-off offset") \
  X(HH_M_CNC_WORK_SET, "cnc_work_set", "flag", "the work offset has been measured in every axis") \
  X(HH_M_CNC_VERIFIED, "cnc_verified", "flag", "the program ran through a graphic check (machine lock) without alarm") \
  X(HH_M_CNC_CUT_UNVERIFIED, "cnc_cut_unverified", "count", "automatic cutting started before the program was verified") \
  X(HH_M_CNC_CUT_TOOL_UNSET, "cnc_cut_tool_unset", "count", "automatic cutting started with a tool whose offset was never set") \
  X(HH_M_CNC_CUT_DOOR_OPEN, "cnc_cut_door_open", "count", "spindle ran in automatic with the door open") \
  X(HH_M_CNC_CUT_NO_COOLANT, "cnc_cut_no_coolant", "count", "automatic cutting without coolant where the scenario requires it") \
  X(HH_M_CNC_CUTTING, "cnc_cutting", "flag", "the tool removed material this tick") \
  X(HH_M_CNC_CRASH, "cnc_crash", "flag", "a crash happened (tool or holder into stock or fixture, cut with spindle stopped, rapid into stock)") \
  X(HH_M_CNC_ALARM, "cnc_alarm", "code", "current alarm number (0 none)") \
  X(HH_M_CNC_OVERTRAVEL, "cnc_overtravel", "count", "over-travel alarms") \
  X(HH_M_CNC_ESTOPS, "cnc_estops", "count", "emergency stops pressed") \
  X(HH_M_CNC_PROGRAM_DONE, "cnc_program_done", "flag", "the program ran to its end cutting (not in machine lock)") \
  X(HH_M_CNC_MEASURED, "cnc_measured", "flag", "the finished part was measured") \
  X(HH_M_CNC_SPINDLE, "cnc_spindle", "rev/s", "actual spindle speed") \
  X(HH_M_CNC_REMOVED, "cnc_removed", "m^3", "material removed so far") \
  X(HH_M_CNC_DIM1, "cnc_dim1", "m", "measured dimension 1 of the drawing") \
  X(HH_M_CNC_DIM2, "cnc_dim2", "m", "measured dimension 2 of the drawing") \
  X(HH_M_CNC_DIM3, "cnc_dim3", "m", "measured dimension 3 of the drawing") \
  X(HH_M_CNC_DIM4, "cnc_dim4", "m", "measured dimension 4 of the drawing") \
  X(HH_M_CNC_DIM5, "cnc_dim5", "m", "measured dimension 5 of the drawing") \
  X(HH_M_CNC_DIM6, "cnc_dim6", "m", "measured dimension 6 of the drawing") \
  X(HH_M_CNC_DIM7, "cnc_dim7", "m", "measured dimension 7 of the drawing") \
  X(HH_M_CNC_DIM8, "cnc_dim8", "m", "measured dimension 8 of the drawing") \
  X(HH_M_CNC_DIM9, "cnc_dim9", "m", "measured dimension 9 of the drawing") \
  X(HH_M_CNC_DIM10, "cnc_dim10", "m", "measured dimension 10 of the drawing") \
  X(HH_M_CNC_DIM11, "cnc_dim11", "m", "measured dimension 11 of the drawing") \
  X(HH_M_CNC_DIM12, "cnc_dim12", "m", "measured dimension 12 of the drawing") \
  X(HH_M_CNC_RA1, "cnc_ra1", "m", "estimated roughness Ra of surface 1") \
  X(HH_M_CNC_RA2, "cnc_ra2", "m", "estimated roughness Ra of surface 2") \
  X(HH_M_CNC_RA3, "cnc_ra3", "m", "estimated roughness Ra of surface 3") \
  X(HH_M_CNC_RA4, "cnc_ra4", "m", "estimated roughness Ra of surface 4") \
  X(HH_M_CNC_AUTO_STARTS, "cnc_auto_starts", "count", "CYCLE START presses in AUTO mode") \
  X(HH_M_CNC_DOOR_CLOSED, "cnc_door_closed", "flag", "the machine door is closed") \
  X(HH_M_CNC_COOLANT, "cnc_coolant", "flag", "coolant is on") \
  X(HH_M_CNC_RUN_SPINDLE, "cnc_run_spindle", "flag", "the spindle turns while a program or MDI block runs (not a machine-lock check)") \
  X(HH_M_CNC_RUN_CUTTING, "cnc_run_cutting", "flag", "material removed this tick while a program or MDI block runs (not a machine-lock check)") \
  X(HH_M_CNC_AUTO_CUTTING, "cnc_auto_cutting", "flag", "the program removed material this tick in AUTO (not MDI, not a machine-lock check)")

/* tool kinds */
enum {
  HH_TOOL_FLAT = 1,   /* flat end mill */
  HH_TOOL_BALL,       /* ball end mill */
  HH_TOOL_BULL,       /* bull-nose end mill (corner radius) */
  HH_TOOL_DRILL,      /* twist drill (point angle) */
  HH_TOOL_TURN,       /* lathe turning tool (nose radius) */
  HH_TOOL_GROOVE,     /* lathe grooving tool (width, cuts with its left corner) */
  HH_TOOL_THREAD      /* lathe 60 degree threading tool */
};

/* gauge kinds: how a dimension is measured on the stock (positions in the drawing frame) */
enum {
  HH_GAUGE_OUTER_X = 1, /* caliper across the outside along x at (y, z) */
  HH_GAUGE_OUTER_Y,     /* caliper across the outside along y at (x, z) */
  HH_GAUGE_INNER_X,     /* inside caliper along x through the point (x, y, z) */
  HH_GAUGE_INNER_Y,     /* inside caliper along y through the point */
  HH_GAUGE_DEPTH,       /* depth gauge: reference surface at `at`, depth at `at2` */
  HH_GAUGE_HOLE,        /* hole diameter along x through the centre `at` at height z */
  HH_GAUGE_DIAMETER,    /* lathe: micrometer diameter at z */
  HH_GAUGE_LENGTH,      /* lathe: length along z from the face at at[2] to the shoulder
                           found at radius at[0] (searching toward -z) */
  HH_GAUGE_THREAD       /* lathe: thread gauge over z range at[2]..at2[2]: the root
                           radius reached (m) */
};

/* surface kinds for the roughness estimate */
enum {
  HH_SURF_WALL = 1,     /* milled side wall: peripheral feed marks */
  HH_SURF_FLOOR,        /* milled floor: end cutting edge marks, or ball scallop */
  HH_SURF_TURNED        /* turned surface: Ra ~ f^2 / (32 r) */
};

/* One compact canonical operation (the program, parsed at load time). */
typedef struct hh_cnc_op {
  int kind;               /* hh_canon_kind */
  int line;               /* source line */
  int mask;               /* motion: bit per axis the block moves (others stay where the
                             machine is, whatever the interpreter assumed) */
  double end[3];          /* m, work frame (motion) */
  double centre[3];       /* m, work frame (ARC) */
  int axis, turns;        /* ARC plane normal index, signed turns */
  double feed;            /* m/s, m/rev (feed_mode 1) or THREAD lead m/rev */
  int feed_mode;          /* 0 per minute, 1 per revolution */
  int dir;                /* spindle +1 cw, -1 ccw, 0 stopped */
  int spindle_mode;       /* 0 rpm, 1 constant surface speed */
  double speed;           /* rev/s */
  double css;             /* m/s */
  double speed_max;       /* rev/s, 0 none */
  int tool, index;        /* TOOL_CHANGE tool; offset / work register */
  double value;           /* DWELL s, COOLANT, PROGRAM_END */
  int machine;            /* motion: bit per axis whose end[] is in MACHINE coordinates
                             (G28 reference leg, G53): no work/tool offset applied */
} hh_cnc_op;

typedef struct hh_cnc_tool {
  int number;             /* T number (1..HH_CNC_MAX_TOOLS); 0 empty */
  int type;               /* HH_TOOL_* */
  double radius;          /* m: cutter radius (mill), nose radius (lathe) */
  double corner;          /* m: bull-nose corner radius; floor-mark radius for flat mills */
  double point_angle;     /* rad: drill point included angle; thread tool angle */
  double flute_len;       /* m: cutting length above the tip (mill) */
  double length;          /* m: gauge line to tip (mill) */
  double length_x, length_z; /* m: lathe turret reference to imaginary tip */
  double width;           /* m: grooving tool width */
  double holder_r;        /* m: holder radius above the flutes (mill) */
  int teeth;              /* flutes / inserts */
} hh_cnc_tool;

/* A measured dimension of the drawing: written to metric cnc_dim<slot+1>. */
typedef struct hh_cnc_gauge {
  char name[32];          /* drawing label, e.g. "70 0/-0.04" */
  int kind;               /* HH_GAUGE_* */
  double at[3], at2[3];   /* m, drawing frame */
  double nominal, lo, hi; /* m: drawing nominal and tolerance band (for the drawing) */
} hh_cnc_gauge;

/* A roughness callout: written to metric cnc_ra<slot+1>. */
typedef struct hh_cnc_surface {
  char name[32];
  int kind;               /* HH_SURF_* */
  double at[3];           /* m, drawing frame: a point on the surface */
  double spec;            /* m: required Ra */
} hh_cnc_surface;

typedef struct hh_cnc_model {
  /* axes (machine frame) */
  double travel_min[3], travel_max[3]; /* m: soft limits of the controlled point */
  double home[3];         /* m: reference point */
  double start[3];        /* m: position at power-on (before reference return) */
  double rapid[3];        /* m/s per axis */
  double accel[3];        /* m/s^2 per axis */
  double max_feed;        /* m/s */
  double jog_speed;       /* m/s in JOG */
  double dry_run_feed;    /* m/s for feed moves in dry run */
  double spindle_max;     /* rev/s */
  double spindle_accel;   /* rev/s^2 */
  double tool_change_s;   /* s per tool change */
  double ra_base;         /* m: roughness floor added to geometric Ra */
  int coolant_required;   /* cutting without coolant counts (cnc_cut_no_coolant) */
  /* stock (machine frame) */
  double stock_min[3], stock_max[3]; /* m: mill block; lathe: x max = radius, z range */
  double res;             /* m: Z-map cell (mill) / profile slice (lathe), 0.05-0.5 mm */
  double part_origin[3];  /* m: machine position of the drawing origin */
  double fix_min[HH_CNC_MAX_FIX][3], fix_max[HH_CNC_MAX_FIX][3]; /* m: fixtures */
  int n_fix;
  /* tools, initial offsets */
  hh_cnc_tool tool[HH_CNC_MAX_TOOLS];
  int n_tools;
  int first_tool;         /* tool in the spindle / turret at power-on */
  double tool_ofs0[HH_CNC_MAX_TOOLS][3]; /* m: preset offsets (0 = to be set) */
  double work_ofs0[6][3];                /* m: preset G54..G59 */
  /* program */
  char program[64];       /* file name, for the screen */
  hh_cnc_op op[HH_CNC_MAX_OPS];
  int n_ops;
  uint32_t tools_used;    /* bit (register - 1) per tool offset the program selects */
  char src[HH_CNC_SRC];   /* program text for the PROG page, lines NUL-separated */
  int line_ofs[HH_CNC_SRC_LINES]; /* offset in src of source line i + 1 */
  int n_lines;            /* source lines kept */
  /* drawing and measurement */
  hh_cnc_gauge gauge[HH_CNC_MAX_GAUGES];
  int n_gauges;
  hh_cnc_surface surf[HH_CNC_MAX_SURF];
  int n_surf;
  /* the drawing's nominal profile (outline{}), drawing frame, m: mill top view
     (x, y); lathe half section (z, radius) */
  double outline[HH_CNC_MAX_OUTLINES][HH_CNC_OUTLINE_PTS][2];
  int outline_n[HH_CNC_MAX_OUTLINES];      /* points of each outline (>= 2) */
  int outline_closed[HH_CNC_MAX_OUTLINES]; /* 1: the last point joins the first */
  int n_outlines;
} hh_cnc_model;

typedef struct hh_cnc_state {
  int mode;               /* HH_CNC_MODE_* */
  double pos[3];          /* m: machine position of the controlled point */
  double vel;             /* m/s: path speed of the current move */
  int referenced[3];      /* axis has been reference-returned */
  int ref_axis;           /* axis returning now, -1 none */
  /* program execution */
  int pc;                 /* next op index */
  int run;                /* HH_CNC_RUN_* */
  int in_move;            /* a motion op is being executed */
  int mv_kind, mv_axis, mv_turns;
  double mv_start[3], mv_end[3], mv_centre[3]; /* m, machine frame */
  double mv_len, mv_s, mv_vmax;  /* m, m, m/s */
  double mv_accel;        /* m/s^2 along the path */
  double mv_arc[4];       /* ARC: start angle (rad), sweep (rad), start and end radius (m) */
  double mv_feed;         /* m/s or m/rev of the op */
  int mv_feed_mode;
  double wait_s;          /* dwell / tool change time left (s) */
  int verifying;          /* graphic check run in machine lock */
  int verify_ok;
  /* switches */
  int single_block, dry_run, opt_stop, machine_lock;
  int feed_ovr, rapid_ovr;   /* percent */
  int mpg_axis;           /* 0 x, 1 y, 2 z */
  double mpg_step;        /* m per detent */
  int door_closed, coolant;
  /* spindle */
  int spindle_dir;        /* +1 cw, -1 ccw, 0 stopped */
  double spindle_cmd;     /* rev/s commanded */
  double spindle_speed;   /* rev/s actual */
  int spindle_css;        /* constant surface speed on */
  double css, speed_max;  /* m/s, rev/s */
  /* tools and offsets (operator entries) */
  int tool;               /* tool in the spindle / turret (T number), 0 none */
  int tool_reg;           /* active offset register (1..), 0 cancelled */
  int work;               /* active work offset 0..5 = G54..G59 */
  int feed_mode;          /* 0 per minute, 1 per rev */
  double tool_ofs[HH_CNC_MAX_TOOLS][3]; /* m */
  uint32_t tool_set;      /* bit per register touched off (or preset) */
  double work_ofs[6][3];  /* m */
  uint32_t work_set;      /* bit per axis of G54 measured (or preset) */
  /* operator input */
  char input[HH_CNC_INPUT];
  int input_len;
  uint32_t prev_key;      /* key code of the previous tick (edge detection) */
  uint32_t prev_buttons;
  int mpg_accum;          /* detent remainder (1/1000 detent) */
  /* status */
  int alarm;              /* alarm number, 0 none */
  int alarm_msg;          /* HH_CNC_ALM_* message id */
  int estop;
  int crash;
  int cutting;            /* material removed this tick */
  int auto_cut_started;   /* automatic cutting has started (procedure checks done) */
  int program_done, measured, finished;
  int counters[8];        /* HH_CNC_CNT_*: the procedure counters behind the metrics */
  int episode;            /* bit 0 door-open episode, bit 1 dry-cut episode in progress */
  double removed;         /* m^3 */
  double ra[HH_CNC_MAX_SURF];  /* m: last estimate per surface, 0 = not machined */
  double dims[HH_CNC_MAX_GAUGES]; /* m: last measurement */
  int measure_tick;       /* ticks until the next periodic re-measure */
  uint64_t stock_rev;     /* bumped whenever the stock changes (render caching) */
  /* screen and MDI (hh_cnc_mdi.c) */
  int page;               /* HH_CNC_PAGE_*: the screen page shown */
  int drawing;            /* the drawing sheet is shown */
  int mdi;                /* 1 while the MDI block's operations run (not the program) */
  int mdi_pc;             /* next MDI op */
  int n_mdi;              /* ops of the MDI block */
  int mdi_err;            /* hh_code of the last rejected MDI block, 0 none */
  int mdi_err_col;        /* its column in the block */
  char mdi_block[HH_CNC_INPUT]; /* the last block started in MDI */
  hh_cnc_op mdi_op[HH_CNC_MDI_OPS];
  /* stock storage, allocated by attach (mill: nx*ny, lathe: nz); hashed by content */
  int nx, ny, nz;
  float *height;          /* mill: cell top z relative to stock_min z (m) */
  float *margin;          /* mill: signed lateral margin of the defining cut (m) */
  double *radius;         /* lathe: radius per slice (m) */
  double *root;           /* lathe: thread root radius per slice (m) */
  void *mdi_interp;       /* G-code interpreter for MDI blocks (allocated by attach;
                             its modal state persists between blocks, not hashed) */
} hh_cnc_state;

#endif
