/* hh_window.c - STUB: replaced by the SDL2 platform layer. */
#include "hh_platform.h"
hh_window *hh_window_open(int w, int h, int headless, const char *title, hh_error *err) { (void)w; (void)h; (void)headless; hh_error_set(err, HH_E_INTERNAL, "", 0, 0, "window not implemented: %s", title); return NULL; }
void hh_window_close(hh_window *win) { (void)win; }
void hh_window_poll(hh_window *win, hh_controls *c, hh_ui_input *ui) { (void)win; (void)c; (void)ui; }
void hh_window_swap(hh_window *win) { (void)win; }
void hh_window_size(hh_window *win, int *w, int *h) { (void)win; *w = *h = 0; }
int hh_window_screenshot(hh_window *win, const char *png_path, hh_error *err) { (void)win; return hh_error_set(err, HH_E_INTERNAL, png_path, 0, 0, "not implemented"); }
