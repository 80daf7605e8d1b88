#include "CKernels.h"
#if defined(__GLIBC__)
#include <malloc.h>
#endif

void ck_keep_activation_memory(void) {
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, 32 << 20); /* glibc's maximum on 64-bit */
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
#endif
}
