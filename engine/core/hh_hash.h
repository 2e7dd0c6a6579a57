/* hh_hash.h - hashing and checksums (no allocation).
 *
 * Index:
 *   hh_fnv1a64        64-bit FNV-1a over bytes, continuing from a seed
 *   hh_crc32          CRC-32 (IEEE) over bytes, continuing from a previous crc
 */
#ifndef HH_HASH_H
#define HH_HASH_H
#include <stddef.h>
#include <stdint.h>

#define HH_FNV_SEED 0xcbf29ce484222325ULL

/* 64-bit FNV-1a of n bytes, starting from h (use HH_FNV_SEED for a fresh hash) */
uint64_t hh_fnv1a64(uint64_t h, const void *p, size_t n);

/* CRC-32 (IEEE 802.3) of n bytes continuing from crc (0 for a fresh checksum) */
uint32_t hh_crc32(uint32_t crc, const void *p, size_t n);

#endif
