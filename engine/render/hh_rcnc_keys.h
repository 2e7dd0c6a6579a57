/* hh_rcnc_keys.h - the on-screen CNC operator/MDI key pad of the HUD (hh_rcnc_keys.c):
 * its key rectangles as a pure function of the HUD target size and large print, a
 * hit test (no GL: the platform layer calls it for mouse clicks), the pointer state
 * the platform reports for highlighting, and the drawing hook. */
#ifndef HH_RCNC_KEYS_H
#define HH_RCNC_KEYS_H
#include "../sim/hh_sim.h"

#define HH_RCNC_KEYS_MAX 48

/* one key of the pad: pixels from the top left of the HUD target */
typedef struct hh_rcnc_key {
  float x0, y0, x1, y1; /* px: rectangle */
  unsigned code;        /* panel key code (HH_CNC_KEY_* or an ASCII key-in) */
  const char *label;    /* English label (msgid for hh_tr, or a literal letter/digit) */
} hh_rcnc_key;

/* the pad's letter size (px) for a target H px high (large print or not) */
int hh_rcnc_keys_px(int H, int large);
/* fill keys (HH_RCNC_KEYS_MAX) for a W x H target (mirrored, bottom left, when the
   current language reads right to left); returns the number of keys */
int hh_rcnc_keys_layout(int W, int H, int large, hh_rcnc_key *keys);
/* the rectangle {x0, y0, x1, y1} around n keys, widened by g px on every side */
void hh_rcnc_keys_bounds(const hh_rcnc_key *k, int n, float g, float r[4]);
/* index of the key under (x, y) pixels of a W x H target, or -1 */
int hh_rcnc_keys_index(int W, int H, int large, float x, float y);
/* panel code of the key under (x, y), or 0 */
unsigned hh_rcnc_keys_hit(int W, int H, int large, float x, float y);
/* the pointer in window coordinates of a win_w x win_h window (down: button held);
   returns the panel code under it on the HUD last drawn (or a win_w x win_h HUD
   before the first drawing), 0 when none */
unsigned hh_rcnc_keys_pointer(float x, float y, int win_w, int win_h, int down);
/* forget the pointer (it left the window) */
void hh_rcnc_keys_pointer_clear(void);

/* VR: the HUD as a flat panel of HH_RCNC_VR_W x HH_RCNC_VR_H pixels on a quad in the
   seated (OpenXR LOCAL) space: centre HH_RCNC_VR_C (m; x right, y up, -z ahead),
   HH_RCNC_VR_SIZE wide and tall (m), facing the operator (+z) */
#define HH_RCNC_VR_W 1280
#define HH_RCNC_VR_H 720
#define HH_RCNC_VR_C {0.0f, -0.15f, -0.7f}
#define HH_RCNC_VR_SIZE {0.8f, 0.45f}
/* where a ray (origin o, direction dir, seated space, m) meets the VR panel: 1 and the
   panel pixel (x, y) from its top left, or 0 when it misses (parallel, behind, outside) */
int hh_rcnc_keys_ray(const float o[3], const float dir[3], float *x, float *y);
/* the panel code of the pad key a ray points at (VR panel, large print or not), or 0 */
unsigned hh_rcnc_keys_ray_hit(const float o[3], const float dir[3], int large);

/* VR: draw the pad (normal print, as the ray hit test reads it) into the current HUD
   frame of HH_RCNC_VR_W x HH_RCNC_VR_H, the key at panel pixel (hx, hy) highlighted
   (hover 0: none; down: trigger held); the desktop pointer state is left as it was */
struct hh_hud;
struct hh_font;
void hh_rcnc_keys_draw_vr(struct hh_hud *h, struct hh_font *font, int hover, float hx, float hy,
                          int down);
/* VR (hh_rcnc_vrpad.c): render the pad once per frame into the renderer's offscreen
   texture (arguments as hh_rcnc_keys_draw_vr); 0 when it cannot be drawn */
struct hh_renderer;
int hh_rcnc_vrpad_update(struct hh_renderer *r, int hover, float hx, float hy, int down);
/* VR: draw that texture as the panel quad (HH_RCNC_VR_C, HH_RCNC_VR_SIZE) into the
   framebuffer fbo of w x h pixels; view: the eye's view of the seated space mapped to
   world axes (x, -z, y), i.e. hh_xr_eye_view with cab 0 and no recentering; proj: GL */
void hh_rcnc_vrpad_draw(struct hh_renderer *r, const float view[16], const float proj[16],
                        unsigned fbo, int w, int h);
/* VR: free the pad's GL objects if they were made for r (NULL: for any renderer);
   hh_render_destroy calls it */
void hh_rcnc_vrpad_destroy(struct hh_renderer *r);
/* VR: the pad's GL object names now (texture, framebuffer, program, vertex array,
   buffer; 0: none) into names; returns how many are non-zero (tests: leak check) */
int hh_rcnc_vrpad_objects(unsigned names[5]);

/* ---- key help on the HUD (hh_rcnc_help.c): the desktop bindings of the operator panel.
   The platform builds the lines from the very tables it reads keys with
   (hh_input_cnc_help in hh_input_cnc.c) and hands them over when the machine is chosen;
   a one-line hint ("Ctrl+H: keys") stays on the HUD, the full list shows for the first
   HH_RCNC_HELP_START_S seconds and whenever toggled on. Help is HUD state: it sends no
   control, so a recording replays the same whatever was shown. */
#define HH_RCNC_HELP_MAX 64
#define HH_RCNC_HELP_START_S 10.0 /* s of simulated time the list shows at the start */

/* one help line: the keys as printed on a desktop keyboard and what they do */
typedef struct hh_rcnc_help_line {
  char keys[48];    /* "F11", "Keypad + / Ctrl+=", "Mouse wheel" (shown through hh_tr) */
  const char *what; /* English msgid ("CYCLE START"), shown through hh_tr */
} hh_rcnc_help_line;

/* (hh_input_cnc.c) the help lines of the desktop layout for machine (hh_machine_kind),
   at most max; returns the count, 0 for a machine that is not a CNC */
int hh_input_cnc_help(int machine, hh_rcnc_help_line *out, int max);
/* (hh_input_cnc.c) the key that shows and hides the help ("Ctrl+H") */
const char *hh_input_cnc_help_key(void);
/* hand the help to the HUD (copied; n = 0: no help and no hint); toggle_keys: the
   key that toggles it; the help shows again from the start */
void hh_rcnc_help_set(const hh_rcnc_help_line *lines, int n, const char *toggle_keys);
/* show the help when hidden, hide it when shown (as last drawn) */
void hh_rcnc_help_toggle(void);
/* 1 when the help list is shown at simulated time t_s */
int hh_rcnc_help_visible(double t_s);
/* draw the help list into box ({x0, y0, x1, y1} px: the HUD layout's help panel, over
   the key pad), letters px at most; box NULL: not shown this frame (the toggle reads it) */
void hh_rcnc_help_draw(struct hh_hud *h, struct hh_font *font, const float box[4], int px);
/* the letter size and column count the help list uses in box (px: HUD letter size,
   large: large print); 1 when every line fits the box at that size */
int hh_rcnc_help_plan(struct hh_font *font, const float box[4], int px, int large,
                      int *lpx, int *cols);
/* the smallest letters (px) the help may use on an H px tall target: readable from the
   back of a lab (large print: 11 px at 720p and below, H * 11 / 720 above; normal: 9) */
int hh_rcnc_help_min_px(int H, int large);
/* the height (px) the help needs over width px at letters lpx (fewest columns that fit);
   font NULL: planned with the width bound; 1e9 when no column count fits */
float hh_rcnc_help_height(struct hh_font *font, float width, int px, int large, int lpx);
/* how many help lines were handed over (0: no help and no hint) */
int hh_rcnc_help_count(void);
/* the key that toggles the help ("Ctrl+H"), as handed over */
const char *hh_rcnc_help_key(void);

/* ---- where the CNC HUD leaves the work zone free (hh_rcnc_view.c; no GL, no font) */
#define HH_RCNC_BOX_MAX 8
/* an upper bound of the width of UTF-8 text at px pixels in the HUD font (per byte
   class: the widest Latin letters, digits, CJK), so layouts can be planned without
   the font */
float hh_rcnc_text_bound(const char *s, int px);
/* the rectangles ({x0, y0, x1, y1} px from the top left) the HUD covers on a W x H
   target for machine m in state d (HUD layout planned without the font, hh_rlayout.c):
   left panel, time/score panel, the key hint, the step line (the whole bottom band),
   the emergency stop banner, the key pad or (sheet up) the drawing sheet, the key
   help's band while it is shown; returns the count */
int hh_rcnc_hud_boxes(const hh_model *m, const hh_data *d, int W, int H,
                      int large, float box[HH_RCNC_BOX_MAX][4]);
/* the drawing sheet's rectangle on a W x H target: a column at the right, under the
   time/score panel and above the step line; on a small target, over the left panel */
void hh_rcnc_sheet_rect(const hh_model *m, const hh_data *d, int W, int H,
                        int large, float r[4]);
/* (hh_rcnc.c) the world point (m) of the part's centre (which 0) or the tool tip (1),
   as the CNC scene draws them */
void hh_rcnc_work_point(const hh_model *m, const hh_data *d, int which,
                        double p[3]);
/* the free rectangle as fractions of the screen (0..1, from the top left) the CNC
   camera frames the work zone into: that of the tw x th target when it has this
   aspect, else the one free at every HUD size of the aspect (the clamped small-target
   layout and the proportional one); large: large print */
void hh_rcnc_view_rect(const hh_model *m, const hh_data *d, float aspect,
                       int tw, int th, int large, float r[4]);

#endif
