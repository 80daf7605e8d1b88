#include "CKernels.h"
#include "VectorMath.h"
#include <string.h>

/* Micro-tile: 6 rows x 16 output columns (12 accumulators); rows are walked in chunks of ROW_CHUNK so the
   chunk of x stays in L2 while each 16-column weight panel (k x 16 floats) is reused from L1. */
enum { MR = 6, NR = 16, ROW_CHUNK = 48 };

size_t ck_packed_count(int n, int k) { return (size_t)((n + NR - 1) / NR) * NR * (size_t)k; }

void ck_pack(const float *w, int n, int k, float *packed) {
    const int panels = (n + NR - 1) / NR;
    for (int p = 0; p < panels; p++) {
        for (int kk = 0; kk < k; kk++) {
            float *dst = packed + ((size_t)p * k + kk) * NR;
            for (int j = 0; j < NR; j++) {
                const int col = p * NR + j;
                dst[j] = col < n ? w[(size_t)col * k + kk] : 0.0f;
            }
        }
    }
}

#define CK_ROW(r)                                                    \
    {                                                                \
        const __m256 a = _mm256_broadcast_ss(a##r + kk);             \
        c##r##0 = _mm256_fmadd_ps(a, b0, c##r##0);                   \
        c##r##1 = _mm256_fmadd_ps(a, b1, c##r##1);                   \
    }
#define CK_FINISH(r)                                                 \
    {                                                                \
        c##r##0 = _mm256_add_ps(c##r##0, bias0);                     \
        c##r##1 = _mm256_add_ps(c##r##1, bias1);                     \
        if (gelu) {                                                  \
            c##r##0 = ck_gelu_tanh(c##r##0);                         \
            c##r##1 = ck_gelu_tanh(c##r##1);                         \
        }                                                            \
        _mm256_storeu_ps(tile + (size_t)(r) * ld, c##r##0);          \
        _mm256_storeu_ps(tile + (size_t)(r) * ld + 8, c##r##1);      \
    }

/* One 6 x 16 tile: rows a0..a5 (a missing row repeats a0; its result is not stored), panel b, output at y
   with row stride ldy, `rows` x `cols` of it stored. */
CK_TARGET static void tile6x16(const float *const a[MR], const float *b, int k, const float *bias16, int gelu,
                               float *y, int ldy, int rows, int cols) {
    const float *a0 = a[0], *a1 = a[1], *a2 = a[2], *a3 = a[3], *a4 = a[4], *a5 = a[5];
    __m256 c00 = _mm256_setzero_ps(), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
    __m256 c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
    for (int kk = 0; kk < k; kk++) {
        const __m256 b0 = _mm256_loadu_ps(b + kk * NR), b1 = _mm256_loadu_ps(b + kk * NR + 8);
        CK_ROW(0) CK_ROW(1) CK_ROW(2) CK_ROW(3) CK_ROW(4) CK_ROW(5)
    }
    const __m256 bias0 = _mm256_loadu_ps(bias16), bias1 = _mm256_loadu_ps(bias16 + 8);
    const int direct = rows == MR && cols == NR;
    float scratch[MR * NR];
    float *tile = direct ? y : scratch;
    const int ld = direct ? ldy : NR;
    CK_FINISH(0) CK_FINISH(1) CK_FINISH(2) CK_FINISH(3) CK_FINISH(4) CK_FINISH(5)
    if (!direct) {
        for (int r = 0; r < rows; r++) memcpy(y + (size_t)r * ldy, scratch + r * NR, sizeof(float) * (size_t)cols);
    }
}

CK_TARGET void ck_dense(const float *x, int m, int k, const float *packed, int n, const float *bias, int epilogue,
                        float *y) {
    const int panels = (n + NR - 1) / NR;
    const int gelu = epilogue == CK_EPILOGUE_GELU_TANH;
    for (int chunk = 0; chunk < m; chunk += ROW_CHUNK) {
        const int chunk_end = chunk + ROW_CHUNK < m ? chunk + ROW_CHUNK : m;
        for (int p = 0; p < panels; p++) {
            const int cols = n - p * NR < NR ? n - p * NR : NR;
            float bias16[NR] = {0};
            if (bias) memcpy(bias16, bias + p * NR, sizeof(float) * (size_t)cols);
            const float *panel = packed + (size_t)p * k * NR;
            for (int i = chunk; i < chunk_end; i += MR) {
                const int rows = chunk_end - i < MR ? chunk_end - i : MR;
                const float *a[MR];
                for (int r = 0; r < MR; r++) a[r] = x + (size_t)(i + (r < rows ? r : 0)) * k;
                tile6x16(a, panel, k, bias16, gelu, y + (size_t)i * n + p * NR, n, rows, cols);
            }
        }
    }
}
