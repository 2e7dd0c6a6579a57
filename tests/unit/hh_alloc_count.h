/* hh_alloc_count.h - counts heap calls made while a flag is up, for the no-allocation
 * tests. Include it in exactly one file of a test executable: it interposes malloc,
 * calloc, realloc, free, memalign, aligned_alloc and posix_memalign for the whole
 * process (shared libraries included), forwarding to glibc's __libc_* entry points.
 * Raise hh_alloc_counting around hh_step; hh_alloc_calls counts what happened inside.
 */
#ifndef HH_ALLOC_COUNT_H
#define HH_ALLOC_COUNT_H
#include <stddef.h>

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void __libc_free(void *);
extern void *__libc_memalign(size_t, size_t);

static volatile int hh_alloc_counting; /* up while the counted code runs (volatile:
                                          malloc is a builtin to gcc) */
static volatile long hh_alloc_calls;   /* heap calls seen while it was up */

/* count one heap call if the flag is up */
static void hh_alloc_note(void) {
  if (hh_alloc_counting) hh_alloc_calls++;
}

void *malloc(size_t n) { hh_alloc_note(); return __libc_malloc(n); }
void *calloc(size_t n, size_t s) { hh_alloc_note(); return __libc_calloc(n, s); }
void *realloc(void *p, size_t n) { hh_alloc_note(); return __libc_realloc(p, n); }
void free(void *p) { if (p) hh_alloc_note(); __libc_free(p); }
void *memalign(size_t a, size_t n) { hh_alloc_note(); return __libc_memalign(a, n); }
void *aligned_alloc(size_t a, size_t n) { hh_alloc_note(); return __libc_memalign(a, n); }
int posix_memalign(void **out, size_t a, size_t n) {
  hh_alloc_note();
  void *p = __libc_memalign(a, n);
  if (!p) return 12; /* ENOMEM */
  *out = p;
  return 0;
}

#endif
