/* hh_marine_override.c - the instructor's sea state override: replace a loaded marine
 * model's sea by a WMO sea state preset (1..6) and re-sample the sea, wind gusts and
 * vessel wave forces at load time. The override enters the model's content hash, so
 * a replay recorded with it carries it (hh_replay.h, HH_REPLAY_FLAG_SEA) and rescore applies it
 * again before checking the hash. */
#include "hh_marine.h"
#include "../../core/hh_hash.h"
#include "../../core/hh_i18n.h"

int hh_marine_sea_state_override(hh_model *m, int code, hh_error *err) {
  if (code < 1 || code > 6)
    return hh_error_set(err, HH_E_USAGE, "", 0, 0, hh_tr("--sea-state %d: expected a WMO sea state 1..6"), code);
  if (m->machine != HH_MACHINE_OFFSHORE_CRANE)
    return hh_error_set(err, HH_E_USAGE, m->source, 0, 0, "%s",
                        hh_tr("--sea-state applies to offshore crane scenarios only"));
  hh_marine_model *mm = &m->marine;
  mm->sea.sea_state = code;
  int rc = hh_sea_build(&mm->sea, m->gravity, m->seed, m->source, err);
  if (!rc) rc = hh_vessel_build(&mm->vessel, &mm->sea, m->gravity, m->source, err);
  if (rc) return rc;
  mm->sea_state_override = code;
  uint32_t c = (uint32_t)code;
  m->content_hash = hh_fnv1a64(m->content_hash, "sea_state", 9);
  m->content_hash = hh_fnv1a64(m->content_hash, &c, sizeof c);
  return HH_OK;
}
