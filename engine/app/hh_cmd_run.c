/* hh_cmd_run.c - `haihe run`: the headless fixed-step loop and the windowed
 * accumulator loop. Controls for each tick come from exactly one source (autopilot,
 * replay or devices), are recorded exactly as fed to hh_step, and rendering never
 * changes results. */
#define _DEFAULT_SOURCE
#include "hh_cli.h"
#include "hh_report.h"
#include "../core/hh_i18n.h"
#include "../machines/marine/hh_marine.h"
#include "../pilot/hh_pilot.h"
#include "../platform/hh_platform.h"
#include "../render/hh_render.h"
#include "../sim/hh_replay.h"
#include "../xr/hh_xr.h"
#include <limits.h>
#include <math.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define LINGER_S 4.0       /* a window stays open this long after the attempt ends (s) */
#define MAX_FRAME_S 0.25   /* wall time credited per frame at most (s) */

static volatile sig_atomic_t g_interrupted;

/* SIGINT/SIGTERM: end the attempt cleanly at the next tick boundary */
static void on_signal(int sig) {
  (void)sig;
  g_interrupted = 1;
}

/* monotonic wall clock (s) */
static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* Everything one run owns. */
typedef struct run_ctx {
  const hh_run_opts *o;
  hh_model *m;
  hh_data *d;
  char path[HH_PATH];         /* scenario file */
  hh_pilot pilot;
  hh_replay replay;           /* --replay: the control track */
  hh_replay_writer *rec;      /* --record */
  uint64_t max_ticks;         /* stop after this many ticks (--seconds, replay length) */
  uint64_t shot_tick;         /* --screenshot: tick to render */
  int shot_pending;
  hh_window *win;
  hh_renderer *ren;
  hh_camera cam;
  hh_controls device;         /* latest device controls (windowed) */
  hh_xr *xr;                  /* --xr: the VR session while it runs */
  hh_debrief debrief;         /* trace, results store, signing (hh_report_run.c) */
  hh_render_pose prev;        /* drawn poses before the last tick (frame pacing) */
  float alpha;                /* where the frame falls between prev and now (0..1) */
  int large_print;            /* HUD in large print (--large-print, key +) */
} run_ctx;

/* the controls for the next tick from the one chosen source */
static void next_controls(run_ctx *r, hh_controls *c) {
  if (r->o->autopilot) {
    hh_pilot_act(&r->pilot, r->m, r->d, c);
  } else if (r->o->replay) {
    if (r->d->tick < r->replay.foot.ticks) *c = r->replay.ctl[r->d->tick];
    else memset(c, 0, sizeof *c);
  } else {
    *c = r->device;
    hh_window_tick_controls(r->win, c); /* buffered CNC panel key / handwheel, if any */
  }
}

/* one tick: choose controls, record them, step with exactly those */
static int tick(run_ctx *r, hh_error *err) {
  hh_controls c;
  next_controls(r, &c);
  if (r->rec && hh_replay_writer_push(r->rec, &c, err) != HH_OK) return err->code;
  hh_render_pose_save(r->d, &r->prev);
  hh_step(r->m, r->d, &c);
  hh_debrief_tick(&r->debrief, r->d);
  return HH_OK;
}

/* 1 when the attempt should stop stepping */
static int over(const run_ctx *r) {
  return r->d->done || g_interrupted || (r->max_ticks && r->d->tick >= r->max_ticks);
}

/* one desktop frame of v (a blended view) through cam into t: the scene, then the HUD
   (with the CNC key pad and drawing sheet); `haihe bench --render` draws the same */
void hh_cli_draw_frame(hh_renderer *ren, const hh_model *m, const hh_data *v,
                       const hh_camera *cam, const hh_rtarget *t) {
  float view[16], proj[16];
  hh_camera c = *cam; /* tell the camera its target (the CNC view frames around the HUD) */
  if (c.target_w <= 0 || c.target_h <= 0) c.target_w = t->width, c.target_h = t->height;
  hh_camera_matrices(&c, m, v, (float)t->width / (float)t->height, view, proj);
  hh_render_scene(ren, m, v, view, proj, t);
  hh_render_hud(ren, m, v, t);
}

/* draw the current state into the window's default framebuffer */
static void draw(run_ctx *r) {
  int w = 0, h = 0;
  hh_window_size(r->win, &w, &h);
  if (w <= 0 || h <= 0) return;
  hh_rtarget t = {0, w, h};
  const hh_data *v = hh_render_blend(r->ren, &r->prev, r->d, r->alpha);
  hh_camera cam = r->cam;
  cam.target_w = w, cam.target_h = h, cam.large = r->large_print; /* what the HUD draws */
  hh_cli_draw_frame(r->ren, r->m, v, &cam, &t);
}

/* render the frame and write the screenshot (before the swap) */
static int take_screenshot(run_ctx *r, hh_error *err) {
  draw(r);
  r->shot_pending = 0;
  if (hh_window_screenshot(r->win, r->o->screenshot, err) != HH_OK) return err->code;
  printf(hh_tr("Screenshot at %.2f s written to %s\n"), r->d->time_s, r->o->screenshot);
  return HH_OK;
}

/* open a window (or an offscreen one) and its renderer; 0 on success */
static int open_view(run_ctx *r, int headless, hh_error *err) {
  char title[256];
  snprintf(title, sizeof title, "Haihe - %s", hh_cli_title(r->m));
  r->win = hh_window_open(r->o->width, r->o->height, headless, title, err);
  if (!r->win) return err->code ? err->code : HH_E_INTERNAL;
  hh_window_set_machine(r->win, (int)r->m->machine);
  r->ren = hh_render_create(r->m, err);
  if (!r->ren) {
    hh_window_close(r->win);
    r->win = NULL;
    return err->code ? err->code : HH_E_INTERNAL;
  }
  r->large_print = r->o->large_print;
  hh_render_large_print(r->ren, r->large_print);
  hh_render_countdown(r->ren, r->o->competition);
  return HH_OK;
}

/* close the renderer and window */
static void close_view(run_ctx *r) {
  if (r->ren) hh_render_destroy(r->ren);
  if (r->win) hh_window_close(r->win);
  r->ren = NULL;
  r->win = NULL;
}

/* the fixed-step loop as fast as possible */
static int loop_headless(run_ctx *r, hh_error *err) {
  while (!over(r)) {
    if (r->shot_pending && r->d->tick >= r->shot_tick && take_screenshot(r, err))
      return err->code;
    if (tick(r, err)) return err->code;
  }
  return HH_OK;
}

/* apply what the user asked of the program this frame; 1 to quit */
static int handle_ui(run_ctx *r, const hh_ui_input *ui, int *paused) {
  if (ui->quit) { /* closing the window mid-run aborts the attempt, like Ctrl-C */
    if (!over(r)) g_interrupted = 1;
    return 1;
  }
  if (ui->next_camera) r->cam.mode = (hh_camera_mode)((r->cam.mode + 1) % HH_CAM_COUNT);
  if (ui->toggle_large_print) hh_render_large_print(r->ren, r->large_print ^= 1);
  if (ui->toggle_pause && !r->o->competition) *paused = !*paused; /* no pause in competition */
  r->cam.orbit_yaw += 0.005f * ui->orbit_dx;
  r->cam.orbit_pitch += 0.005f * ui->orbit_dy;
  if (r->cam.orbit_pitch > 1.5f) r->cam.orbit_pitch = 1.5f;
  if (r->cam.orbit_pitch < -0.2f) r->cam.orbit_pitch = -0.2f;
  return 0;
}

/* the windowed loop: ticks at HH_TICK_HZ from wall time, one render per frame */
static int loop_window(run_ctx *r, hh_error *err) {
  double prev = now_s(), acc = 0.0, ended_at = -1.0;
  int paused = 0;
  for (;;) {
    hh_ui_input ui;
    memset(&ui, 0, sizeof ui);
    hh_controls dev;
    memset(&dev, 0, sizeof dev);
    hh_window_poll(r->win, &dev, &ui);
    r->device = dev;
    if (handle_ui(r, &ui, &paused) || g_interrupted) break;
    double t = now_s(), dt = t - prev;
    prev = t;
    acc += dt > MAX_FRAME_S ? MAX_FRAME_S : dt;
    if (paused) acc = 0.0;
    while (acc >= r->m->dt && !over(r)) {
      if (tick(r, err)) return err->code;
      acc -= r->m->dt;
    }
    if (over(r)) {
      /* show the final state a moment when the task ended by itself */
      double linger = r->d->done && !g_interrupted ? LINGER_S : 0.0;
      if (ended_at < 0) ended_at = t;
      if (t - ended_at >= linger) break;
      acc = 0.0;
    }
    /* draw between the last two ticks (smooth at any display rate) */
    r->alpha = paused || over(r) ? 1.0f : (float)(acc / r->m->dt);
    if (r->shot_pending && r->d->tick >= r->shot_tick) {
      r->alpha = 1.0f;
      if (take_screenshot(r, err)) return err->code;
    } else {
      draw(r);
    }
    hh_window_swap(r->win);
    if (now_s() - t < 0.002) { /* no vsync: don't spin */
      struct timespec ts = {0, 2000000};
      nanosleep(&ts, NULL);
    }
  }
  return HH_OK;
}

/* --xr: start OpenXR on the window; 0 (after saying why) when VR is not available */
static int start_xr(run_ctx *r) {
  hh_error e;
  memset(&e, 0, sizeof e);
  r->xr = hh_xr_create(r->win, &e);
  if (r->xr) return 1;
  fprintf(stderr, hh_tr("warning: VR is not available: %s; continuing on the desktop\n"), e.text);
  return 0;
}

/* end VR: say why and where the crane is, release the session */
static void stop_xr(run_ctx *r) {
  const char *why = hh_xr_message(r->xr);
  if (why[0])
    fprintf(stderr, hh_tr("warning: %s after %ld VR frames; continuing on the desktop\n"), why,
            hh_xr_frames(r->xr));
  else
    printf(hh_tr("VR: %ld frames submitted\n"), hh_xr_frames(r->xr));
  printf(hh_tr("VR: crane at gantry %.2f m, trolley %.2f m, hoist height %.2f m\n"),
         r->d->metric[HH_M_GANTRY_POS], r->d->metric[HH_M_TROLLEY_POS],
         r->d->metric[HH_M_HOIST_HEIGHT]);
  fflush(stdout);
  hh_xr_destroy(r->xr);
  r->xr = NULL;
}

/* the VR loop: ticks follow the runtime's display clock, the eyes see from the
   operator's chair, the window mirrors the left eye with the HUD. Returns when the
   attempt is over, the user quits (*quit) or the session ends (the desktop goes on). */
static int loop_xr(run_ctx *r, int *quit, hh_error *err) {
  double acc = 0.0;
  int paused = 0, rc = HH_OK;
  while (!over(r) && !rc) {
    hh_ui_input ui;
    memset(&ui, 0, sizeof ui);
    hh_controls dev;
    memset(&dev, 0, sizeof dev);
    hh_window_poll(r->win, &dev, &ui);
    if (handle_ui(r, &ui, &paused)) {
      *quit = 1;
      break;
    }
    hh_xr_status st = hh_xr_poll(r->xr);
    if (st == HH_XR_ENDED || st == HH_XR_LOST) break;
    double dt = 0.0;
    if (!hh_xr_frame_begin(r->xr, &dt)) { /* not running yet: the desktop view */
      r->alpha = 1.0f;
      draw(r);
      hh_window_swap(r->win);
      struct timespec ts = {0, 5000000};
      nanosleep(&ts, NULL);
      continue;
    }
    hh_xr_controls(r->xr, &dev); /* XR is one more input device */
    r->device = dev;
    acc += dt > MAX_FRAME_S ? MAX_FRAME_S : dt;
    if (paused) acc = 0.0;
    while (acc >= r->m->dt && !over(r) && !rc) {
      rc = tick(r, err);
      acc -= r->m->dt;
    }
    r->alpha = paused || over(r) ? 1.0f : (float)(acc / r->m->dt);
    const hh_data *v = hh_render_blend(r->ren, &r->prev, r->d, r->alpha);
    hh_xr_frame_end(r->xr, r->ren, r->m, v);
    int w = 0, h = 0;
    hh_window_size(r->win, &w, &h);
    hh_rtarget t = {0, w, h};
    if (hh_xr_mirror(r->xr, &t)) hh_render_hud(r->ren, r->m, v, &t);
    if (r->shot_pending && r->d->tick >= r->shot_tick) { /* --screenshot: the mirror */
      r->shot_pending = 0;
      if (hh_window_screenshot(r->win, r->o->screenshot, err) != HH_OK) rc = err->code;
      else printf(hh_tr("Screenshot at %.2f s written to %s\n"), r->d->time_s, r->o->screenshot);
    }
    hh_window_swap(r->win);
  }
  stop_xr(r);
  return rc;
}

/* 1 when a display server is reachable */
static int have_display(void) {
  const char *x = getenv("DISPLAY"), *w = getenv("WAYLAND_DISPLAY");
  return (x && x[0]) || (w && w[0]);
}

/* load the scenario, replay, pilot and recorder of a run */
static int prepare(run_ctx *r, hh_error *err) {
  const hh_run_opts *o = r->o;
  r->m = hh_cli_load_scenario(o->scenario, r->path, sizeof r->path, err);
  if (!r->m) return err->code;
  if (o->sea_state && hh_marine_sea_state_override(r->m, o->sea_state, err) != HH_OK) return err->code;
  if (o->replay) {
    if (hh_replay_read(o->replay, &r->replay, err) != HH_OK) return err->code;
    if (r->replay.head.sea_state && !o->sea_state && /* recorded --sea-state */
        hh_marine_sea_state_override(r->m, (int)r->replay.head.sea_state, err) != HH_OK)
      return err->code;
    if (hh_replay_check_model(&r->replay, r->m, o->replay, err) != HH_OK) return err->code;
    if (strcmp(r->replay.head.build, HH_BUILD_ID) != 0)
      fprintf(stderr, hh_tr("warning: replay recorded by build %s, this is %s; results may differ\n"),
              r->replay.head.build, HH_BUILD_ID);
    r->max_ticks = r->replay.foot.ticks;
  }
  if (o->seconds > 0) {
    uint64_t n = (uint64_t)llround(o->seconds * HH_TICK_HZ);
    if (n == 0) n = 1;
    if (!r->max_ticks || n < r->max_ticks) r->max_ticks = n;
  }
  r->d = hh_data_make(r->m, err);
  if (!r->d) return err->code ? err->code : HH_E_INTERNAL;
  if (o->autopilot && hh_pilot_init(&r->pilot, r->m, err) != HH_OK) return err->code;
  if (o->screenshot) {
    r->shot_pending = 1;
    r->shot_tick = (uint64_t)llround(o->at_s * HH_TICK_HZ);
  }
  r->cam.mode = (hh_camera_mode)o->camera;
  if (hh_debrief_prepare(&r->debrief, o, r->m, r->max_ticks, err) != HH_OK) return err->code;
  r->alpha = 1.0f; /* headless frames and screenshots show the tick itself */
  hh_render_pose_save(r->d, &r->prev);
  if (o->record) {
    r->rec = malloc(sizeof *r->rec);
    if (!r->rec) return hh_error_set(err, HH_E_NOMEM, "", 0, 0, hh_tr("out of memory"));
    char real[PATH_MAX];
    hh_replay_header h;
    hh_replay_header_from_model(&h, r->m, realpath(r->path, real) ? real : r->path);
    if (hh_replay_writer_open(r->rec, o->record, &h, err) != HH_OK) {
      free(r->rec);
      r->rec = NULL;
      return err->code;
    }
  }
  return HH_OK;
}

/* release everything a run owns */
static void cleanup(run_ctx *r) {
  close_view(r);
  if (r->rec) {
    hh_replay_writer_abort(r->rec);
    free(r->rec);
  }
  hh_replay_free(&r->replay);
  hh_debrief_free(&r->debrief);
  hh_data_free(r->d);
  free(r->m);
}

/* run the attempt, finish it and write the outputs */
static int run_attempt(run_ctx *r, hh_error *err) {
  const hh_run_opts *o = r->o;
  int windowed = !o->headless && have_display();
  if (windowed && open_view(r, 0, err) != HH_OK) {
    fprintf(stderr, "%s: ", hh_tr("warning: no window, running headless"));
    hh_error_print(err, stderr);
    memset(err, 0, sizeof *err);
    windowed = 0;
  }
  if (!windowed && o->screenshot && open_view(r, 1, err) != HH_OK) return err->code;
  int rc = HH_OK, quit = 0;
  if (o->xr && !windowed)
    fprintf(stderr, "%s\n", hh_tr("warning: --xr needs a window (a display and no --headless); continuing without VR"));
  if (o->xr && windowed && start_xr(r)) rc = loop_xr(r, &quit, err);
  if (!rc && !quit) rc = windowed ? loop_window(r, err) : loop_headless(r, err);
  if (rc) return rc;
  if (r->shot_pending) {
    fprintf(stderr, hh_tr("warning: the run ended at %.2f s, before --at; screenshot of the last frame\n"),
            r->d->time_s);
    if (take_screenshot(r, err)) return err->code;
  }
  close_view(r);
  hh_finish(r->m, r->d);
  if (g_interrupted) fprintf(stderr, "%s\n", hh_tr("interrupted: the attempt ends here"));
  if (r->rec) {
    hh_replay_footer f = {r->d->tick, hh_score(r->m, r->d), hh_passed(r->m, r->d),
                          hh_data_hash(r->d)};
    rc = hh_debrief_close_replay(&r->debrief, o, r->rec, &f, r->m, r->d, err);
    free(r->rec);
    r->rec = NULL;
    if (rc) return rc;
  }
  hh_cli_print_summary(stdout, r->m, r->d);
  if (r->rec == NULL && o->record) printf(hh_tr("Replay written to %s\n"), o->record);
  if (o->json && hh_cli_write_json(o->json, r->m, r->d, err) != HH_OK) return err->code;
  return hh_debrief_finish(&r->debrief, o, r->m, r->d, g_interrupted != 0, err);
}

/* `haihe run` (and the default demo): load, run, finish, report */
int hh_cmd_run(const hh_run_opts *o) {
  run_ctx *r = calloc(1, sizeof *r);
  hh_error err;
  memset(&err, 0, sizeof err);
  if (!r) return hh_cli_fail(&(hh_error){.code = HH_E_NOMEM, .text = "out of memory"});
  r->o = o;
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGTERM, &sa, NULL);
  int rc = prepare(r, &err);
  if (!rc) rc = run_attempt(r, &err);
  cleanup(r);
  free(r);
  if (rc) return hh_cli_fail(&err);
  return 0;
}
