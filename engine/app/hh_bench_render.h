/* hh_bench_render.h - private to `haihe bench --render` (hh_bench_render*.c): one
 * scenario loaded as `haihe run` loads it and stepped by its autopilot to the moment
 * the bench draws. */
#ifndef HH_BENCH_RENDER_H
#define HH_BENCH_RENDER_H
#include "hh_cli.h"
#include "../pilot/hh_pilot.h"
#include "../render/hh_render.h"

/* One scenario at the moment it is drawn. */
typedef struct hh_bench_scene {
  hh_model *m;          /* loaded through hh_cli_load_scenario, as by `haihe run` */
  hh_data *d;           /* the state at the moment drawn */
  hh_render_pose prev;  /* poses one tick before d (frames fall between the two) */
  const char *moment;   /* what is going on then, translated ("tool cutting") */
} hh_bench_scene;

/* load scenario name and step it under its autopilot to a representative moment (the
   load in the air, the tool cutting, the ship moving); HH_OK or err set */
int hh_bench_scene_load(const char *name, hh_bench_scene *s, hh_error *err);
/* release the scene's model and data */
void hh_bench_scene_free(hh_bench_scene *s);

#endif
