#include "CKernels.h"
#include "Tile.h"
#include <string.h>

/* Micro-tile: 6 rows x 16 output columns (12 accumulators); rows are walked in chunks of ROW_CHUNK so the
   chunk of x stays in L2 while each 16-column weight panel (k x 16 floats) is reused from L1. */
enum { MR = CK_TILE_ROWS, NR = CK_TILE_COLS, ROW_CHUNK = 48 };

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

/* One 6 x 16 tile: rows a[0..5] (a missing row repeats a[0]; its result is not stored), panel b, output at y
   with row stride ldy, `rows` x `cols` of it stored after bias and the epilogue. */
CK_TARGET static void tile6x16(const float *const a[MR], const float *b, int k, const float *bias16, int gelu,
                               float *y, int ldy, int rows, int cols) {
    const ck_tile t = ck_tile6x16(a, b, NR, k);
    const __m256 bias0 = _mm256_loadu_ps(bias16), bias1 = _mm256_loadu_ps(bias16 + 8);
    const int direct = rows == MR && cols == NR;
    float scratch[MR * NR];
    float *tile = direct ? y : scratch;
    const int ld = direct ? ldy : NR;
    for (int r = 0; r < MR; r++) {
        __m256 lo = _mm256_add_ps(t.lo[r], bias0), hi = _mm256_add_ps(t.hi[r], bias1);
        if (gelu) {
            lo = ck_gelu_tanh(lo);
            hi = ck_gelu_tanh(hi);
        }
        _mm256_storeu_ps(tile + (size_t)r * ld, lo);
        _mm256_storeu_ps(tile + (size_t)r * ld + 8, hi);
    }
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
