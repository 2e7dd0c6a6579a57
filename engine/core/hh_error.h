/* hh_error.h - stable error codes and a located error record (file:line:column).
 *
 * Index:
 *   hh_error_set      fill an error record with code, location and formatted text
 *   hh_error_print    print "file:line:column: error E<code>: message" to a stream
 *   hh_error_exit     the process exit status for an error code (2 = bad input)
 */
#ifndef HH_ERROR_H
#define HH_ERROR_H
#include <stdio.h>

/* Stable numeric codes; docs/errors.md publishes the table in zh-CN and en. */
typedef enum hh_code {
  HH_OK = 0,
  /* 1xx: command line and files */
  HH_E_USAGE = 100,          /* unknown option, missing argument */
  HH_E_FILE_NOT_FOUND = 101, /* cannot open an input file */
  HH_E_FILE_WRITE = 102,     /* cannot write an output file */
  HH_E_CATALOG = 103,        /* translation catalog (PO file) malformed */
  HH_E_RESULTS_DB = 104,     /* results database cannot be opened, is not one, or fails */
  HH_E_KEY = 105,            /* signing key file missing, malformed or not private (0600) */
  /* 2xx: scenario scripts */
  HH_E_SCRIPT_SYNTAX = 200,  /* Lua syntax error */
  HH_E_SCRIPT_RUNTIME = 201, /* Lua runtime error */
  HH_E_SCRIPT_FIELD = 202,   /* wrong field type, missing or out-of-range field */
  HH_E_SCRIPT_LIMIT = 203,   /* instruction or memory cap reached */
  HH_E_SCENARIO = 204,       /* scenario incomplete or inconsistent after the script ran */
  HH_E_RUBRIC = 205,         /* rubric rule invalid (unknown metric, impossible band) */
  /* 3xx: replay files */
  HH_E_REPLAY_FORMAT = 300,  /* bad magic or version */
  HH_E_REPLAY_CORRUPT = 301, /* checksum mismatch, truncated file */
  HH_E_REPLAY_SCENARIO = 302,/* replay recorded for another scenario or content */
  HH_E_RESCORE_MISMATCH = 303,/* re-simulation differs from what was recorded */
  HH_E_SIGNATURE = 304,      /* replay unsigned, signature invalid or made with another key */
  /* 4xx: G-code programs (engine/machines/cnc/gcode) */
  HH_E_GCODE_SYNTAX = 400,     /* malformed block: bad character, letter without number */
  HH_E_GCODE_UNKNOWN_WORD = 401, /* letter not used by this dialect or machine */
  HH_E_GCODE_REPEATED_WORD = 402,/* same word twice in one block */
  HH_E_GCODE_MODAL_CONFLICT = 403,/* two codes of one modal group in one block */
  HH_E_GCODE_MISSING_WORD = 404, /* a code needs a word the block lacks */
  HH_E_GCODE_UNUSED_WORD = 405,  /* a word no code in the block uses */
  HH_E_GCODE_RANGE = 406,        /* value out of range (negative feed, register > 99) */
  HH_E_GCODE_UNSUPPORTED = 407,  /* G or M code this interpreter does not implement */
  HH_E_GCODE_ARC = 408,          /* arc impossible: radius mismatch, zero radius, too small R */
  HH_E_GCODE_NO_FEED = 409,      /* feed move with no feed rate set */
  HH_E_GCODE_SUBPROGRAM = 410,   /* M98 to a missing O number, calls too deep, stray M99 */
  HH_E_GCODE_COMP = 411,         /* cutter/nose radius compensation impossible */
  HH_E_GCODE_CYCLE = 412,        /* G70-G73 contour or cycle parameters invalid */
  HH_E_GCODE_INTEGER = 413,      /* integer required (G/M/T/H/D/P codes) */
  HH_E_GCODE_NO_END = 414,       /* program ends without M30, M2 or M99 */
  HH_E_GCODE_ABORTED = 415,      /* the receiver of operations stopped the program */
  HH_E_GCODE_GOUGE = 416,        /* radius compensation would gouge: move shorter than the
                                    radius, corner unreachable, contour reverses */
  HH_E_GCODE_TOOL_RADIUS = 417,  /* tool/nose radius too large: inside arc radius <= radius,
                                    entry or exit move not longer than the radius */
  /* 9xx: internal */
  HH_E_INTERNAL = 900,
  HH_E_NOMEM = 901
} hh_code;

#define HH_ERROR_TEXT 512

/* An error with where it happened. line/column are 1-based; 0 means unknown. */
typedef struct hh_error {
  hh_code code;
  char file[256];
  int line;
  int column;
  char text[HH_ERROR_TEXT];
} hh_error;

/* fill err (may be NULL) with code, location and printf-style text; returns code */
hh_code hh_error_set(hh_error *err, hh_code code, const char *file, int line,
                     int column, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/* print "file:line:column: error E<code>: text" (location parts omitted if unknown) */
void hh_error_print(const hh_error *err, FILE *out);

/* process exit status for a code: 0 ok, 2 bad input (1xx-3xx), 1 internal */
int hh_error_exit(hh_code code);

#endif
