/* hh_render.c - STUB: replaced by the renderer. */
#include "hh_render.h"
hh_renderer *hh_render_create(const hh_model *m, hh_error *err) { (void)m; hh_error_set(err, HH_E_INTERNAL, "", 0, 0, "renderer not implemented"); return NULL; }
void hh_render_destroy(hh_renderer *r) { (void)r; }
void hh_camera_matrices(const hh_camera *cam, const hh_model *m, const hh_data *d, float aspect, float view[16], float proj[16]) { (void)cam; (void)m; (void)d; (void)aspect; (void)view; (void)proj; }
void hh_render_scene(hh_renderer *r, const hh_model *m, const hh_data *d, const float view[16], const float proj[16], const hh_rtarget *t) { (void)r; (void)m; (void)d; (void)view; (void)proj; (void)t; }
void hh_render_hud(hh_renderer *r, const hh_model *m, const hh_data *d, const hh_rtarget *t) { (void)r; (void)m; (void)d; (void)t; }
