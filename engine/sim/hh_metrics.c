/* hh_metrics.c - metric name table. */
#include "hh_metrics.h"
#include <string.h>

static const char *const metric_names[HH_METRIC_COUNT] = {
#define HH_X_NAME(e, name, unit, doc) name,
    HH_METRIC_LIST(HH_X_NAME)
#undef HH_X_NAME
};
static const char *const metric_units[HH_METRIC_COUNT] = {
#define HH_X_UNIT(e, name, unit, doc) unit,
    HH_METRIC_LIST(HH_X_UNIT)
#undef HH_X_UNIT
};

int hh_metric_find(const char *name) {
  for (int i = 0; i < HH_METRIC_COUNT; i++)
    if (strcmp(metric_names[i], name) == 0) return i;
  return -1;
}

const char *hh_metric_name(int id) {
  return (id >= 0 && id < HH_METRIC_COUNT) ? metric_names[id] : "?";
}

const char *hh_metric_unit(int id) {
  return (id >= 0 && id < HH_METRIC_COUNT) ? metric_units[id] : "?";
}
