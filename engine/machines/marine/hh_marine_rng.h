/* hh_marine_rng.h - the seeded generator the marine load-time sampling uses
 * (splitmix64; never called inside a tick). */
#ifndef HH_MARINE_RNG_H
#define HH_MARINE_RNG_H
#include <stdint.h>

/* next 64 random bits of state *s */
static inline uint64_t hh_mrng_next(uint64_t *s) {
  uint64_t z = (*s += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

/* uniform double in [0, 1) */
static inline double hh_mrng_unit(uint64_t *s) {
  return (double)(hh_mrng_next(s) >> 11) * (1.0 / 9007199254740992.0);
}

#endif
