/* hh_i18n.c - STUB: replaced by the PO catalog. */
#include "hh_i18n.h"
int hh_i18n_load(const char *dir, const char *lang, hh_error *err) { (void)dir; (void)lang; (void)err; return HH_OK; }
const char *hh_i18n_lang(void) { return "en"; }
const char *hh_tr(const char *msgid) { return msgid; }
