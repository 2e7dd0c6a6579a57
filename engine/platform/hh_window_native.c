/* hh_window_native.c - the X11 display and GLX context behind the SDL window, for
 * OpenXR's Xlib/GLX graphics binding. */
#include "hh_platform_int.h"
#include "../core/hh_i18n.h"
#include <SDL_syswm.h>
#include <X11/Xlib.h>
#include <GL/glx.h>
#include <string.h>

/* fill n with the window's X11/GLX handles (GL context current); 0, or err set */
int hh_window_native_handles(hh_window *win, hh_window_native *n, hh_error *err) {
  memset(n, 0, sizeof *n);
  SDL_SysWMinfo info;
  SDL_VERSION(&info.version);
  if (!win || !SDL_GetWindowWMInfo(win->win, &info) || info.subsystem != SDL_SYSWM_X11)
    return hh_error_set(err, HH_E_INTERNAL, "", 0, 0, "%s",
                        hh_tr("OpenXR needs an X11 window with a GLX context (this window is not on X11)"));
  SDL_GL_MakeCurrent(win->win, win->gl);
  Display *dpy = info.info.x11.display;
  GLXContext ctx = glXGetCurrentContext();
  GLXDrawable drw = glXGetCurrentDrawable();
  if (!ctx || !drw)
    return hh_error_set(err, HH_E_INTERNAL, "", 0, 0, "%s",
                        hh_tr("OpenXR needs an X11 window with a GLX context (the GL context is not GLX)"));
  int id = 0, count = 0;
  GLXFBConfig cfg = NULL;
  if (glXQueryContext(dpy, ctx, GLX_FBCONFIG_ID, &id) == Success) {
    int attr[] = {GLX_FBCONFIG_ID, id, None};
    GLXFBConfig *list = glXChooseFBConfig(dpy, DefaultScreen(dpy), attr, &count);
    if (list && count > 0) cfg = list[0];
    if (list) XFree(list);
  }
  int visual = 0;
  if (cfg) glXGetFBConfigAttrib(dpy, cfg, GLX_VISUAL_ID, &visual);
  n->x_display = dpy;
  n->x_window = (unsigned long)info.info.x11.window;
  n->glx_context = ctx;
  n->glx_drawable = (unsigned long)drw;
  n->glx_fbconfig = cfg;
  n->visualid = (unsigned)visual;
  return HH_OK;
}
