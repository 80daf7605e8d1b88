#ifndef ECAD_CKERNELS_TILE_H
#define ECAD_CKERNELS_TILE_H
#include "VectorMath.h"
#include <stddef.h>

/* The register tile every native GEMM-shaped loop shares (dense layers, attention scores, attention P V):
   6 rows x 16 columns, 12 AVX accumulators. */
enum { CK_TILE_ROWS = 6, CK_TILE_COLS = 16 };

/* Row r of a tile: columns 0..7 in lo[r], 8..15 in hi[r]. */
typedef struct {
    __m256 lo[CK_TILE_ROWS], hi[CK_TILE_ROWS];
} ck_tile;

#define CK_TILE_ROW(r)                                               \
    {                                                                \
        const __m256 x = _mm256_broadcast_ss(a##r + kk);             \
        c##r##0 = _mm256_fmadd_ps(x, b0, c##r##0);                   \
        c##r##1 = _mm256_fmadd_ps(x, b1, c##r##1);                   \
    }

/* tile[r][c] = sum over kk < k of a[r][kk] * b[kk * ldb + c], each output one fused multiply-add chain over
   kk = 0, 1, ..., k - 1 starting from 0 (so the result does not depend on how callers block rows). Rows of `a`
   are contiguous along kk; a caller with fewer than 6 rows repeats a real row and does not store the copy. */
CK_TARGET static inline __attribute__((always_inline)) ck_tile
ck_tile6x16(const float *const a[CK_TILE_ROWS], const float *b, size_t ldb, int k) {
    const float *a0 = a[0], *a1 = a[1], *a2 = a[2], *a3 = a[3], *a4 = a[4], *a5 = a[5];
    __m256 c00 = _mm256_setzero_ps(), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
    __m256 c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
    for (int kk = 0; kk < k; kk++) {
        const float *bk = b + (size_t)kk * ldb;
        const __m256 b0 = _mm256_loadu_ps(bk), b1 = _mm256_loadu_ps(bk + 8);
        CK_TILE_ROW(0) CK_TILE_ROW(1) CK_TILE_ROW(2) CK_TILE_ROW(3) CK_TILE_ROW(4) CK_TILE_ROW(5)
    }
    const ck_tile tile = {{c00, c10, c20, c30, c40, c50}, {c01, c11, c21, c31, c41, c51}};
    return tile;
}
#undef CK_TILE_ROW
#endif
