#include "CKernels.h"
#include <stdlib.h> /* defines __GLIBC__ on glibc */
#if defined(__GLIBC__)
#include <malloc.h>
#endif

void ck_keep_activation_memory(void) {
#if defined(__GLIBC__)
    /* One arena: a thread's own arena lives in 64 MiB heaps that glibc unmaps as soon as they are empty, which
       a few freed 8 MiB activations achieve; the main arena only shrinks past M_TRIM_THRESHOLD. */
    mallopt(M_ARENA_MAX, 1);
    mallopt(M_MMAP_THRESHOLD, 32 << 20); /* glibc's maximum on 64-bit */
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
#endif
}
