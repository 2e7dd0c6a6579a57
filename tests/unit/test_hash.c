/* test_hash.c - FNV-1a and CRC-32 against published check values. */
#include "hh_test.h"
#include "core/hh_hash.h"
#include <string.h>

int main(void) {
  const char *s = "123456789";
  CHECK(hh_crc32(0, s, strlen(s)) == 0xCBF43926u);             /* CRC-32 check value */
  CHECK(hh_fnv1a64(HH_FNV_SEED, "a", 1) == 0xaf63dc4c8601ec8cULL); /* FNV-1a 64 of "a" */
  /* incremental equals one-shot */
  CHECK(hh_crc32(hh_crc32(0, s, 4), s + 4, 5) == hh_crc32(0, s, 9));
  return hh_test_done("test_hash");
}
