/* hh_report_file.c - output files of the debrief: checked before the run, written to
 * PATH.tmp and renamed into place, so a reader never sees half a file. */
#include "hh_report.h"
#include "../core/hh_i18n.h"
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

/* name PATH.tmp into tmp; HH_E_FILE_WRITE when too long or PATH is a folder */
static int tmp_name(const char *path, char *tmp, size_t cap, hh_error *err) {
  struct stat st;
  if (!path[0] || strlen(path) + 5 > cap)
    return hh_error_set(err, HH_E_FILE_WRITE, path, 0, 0, "%s", hh_tr("path too long"));
  if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
    return hh_error_set(err, HH_E_FILE_WRITE, path, 0, 0, "%s",
                        hh_tr("is a folder, not a file name"));
  snprintf(tmp, cap, "%s.tmp", path);
  return HH_OK;
}

/* check that path can be written (creates and removes PATH.tmp) */
int hh_file_probe(const char *path, hh_error *err) {
  char tmp[HH_PATH + 8];
  int rc = tmp_name(path, tmp, sizeof tmp, err);
  if (rc) return rc;
  FILE *f = fopen(tmp, "w");
  if (!f)
    return hh_error_set(err, HH_E_FILE_WRITE, path, 0, 0, hh_tr("cannot create: %s"),
                        strerror(errno));
  fclose(f);
  remove(tmp);
  return HH_OK;
}

/* write path through body(f, ctx) into PATH.tmp, then rename; nothing is left on failure */
int hh_file_atomic(const char *path, int (*body)(FILE *f, void *ctx), void *ctx,
                   hh_error *err) {
  char tmp[HH_PATH + 8];
  int rc = tmp_name(path, tmp, sizeof tmp, err);
  if (rc) return rc;
  FILE *f = fopen(tmp, "w");
  if (!f)
    return hh_error_set(err, HH_E_FILE_WRITE, path, 0, 0, hh_tr("cannot create: %s"),
                        strerror(errno));
  int bad = body(f, ctx) != 0;
  bad |= ferror(f) != 0;
  bad |= fclose(f) != 0;
  if (bad || rename(tmp, path) != 0) {
    int e = errno;
    remove(tmp);
    return hh_error_set(err, HH_E_FILE_WRITE, path, 0, 0, hh_tr("cannot write: %s"),
                        strerror(e ? e : EIO));
  }
  return HH_OK;
}
