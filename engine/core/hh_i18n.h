/* hh_i18n.h - the translation catalog (gettext PO files in assets/i18n/<lang>.po).
 *
 * msgids are the English strings (gettext convention); hh_tr returns the translation
 * for the current language, or the msgid itself when the catalog has none.
 *
 * Index:
 *   hh_i18n_load   load the catalog for a language ("en", "zh-CN") from a folder
 *   hh_i18n_lang   the current language code
 *   hh_tr          translate a msgid (never NULL); a missing one falls back to the
 *                  English msgid, shown as "⟨en⟩msgid" when HH_I18N_MARK_MISSING=1
 *                  or in a debug build (HH_I18N_MARK_MISSING=0 turns it off)
 */
#ifndef HH_I18N_H
#define HH_I18N_H
#include "hh_error.h"

/* load dir/<lang>.po as the current catalog; unknown lang or bad file -> error */
int hh_i18n_load(const char *dir, const char *lang, hh_error *err);
/* current language code ("en" before any load) */
const char *hh_i18n_lang(void);
/* translation of msgid in the current language, or msgid */
const char *hh_tr(const char *msgid) __attribute__((format_arg(1)));

#endif
