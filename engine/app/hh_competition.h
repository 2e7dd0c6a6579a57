/* hh_competition.h - competition mode (技能大赛 practice rounds), docs/competition.md:
 * no autopilot or replay as the control source, no pause, the scenario's own seed and
 * time limit, a countdown on the HUD, a mandatory signed recording.
 *
 * Index:
 *   hh_competition_check  validate and complete the run options after parsing
 *   hh_competition_meta   the attempt metadata JSON that is signed with the result
 */
#ifndef HH_COMPETITION_H
#define HH_COMPETITION_H
#include <time.h>
#include "hh_cli.h"

/* refuse what competition forbids (exit 2) and pick the default recording path */
int hh_competition_check(hh_run_opts *o);
/* metadata JSON (free()): trainee, start time, mode, controls; NULL when out of memory */
char *hh_competition_meta(const hh_run_opts *o, const hh_model *m, time_t started);

#endif
