#include "CKernels.h"
#include "Tile.h"
#include <math.h>

/* Per (sample, head): K^T is packed once ([dh, tkp], keys padded to a multiple of 16 with zeros), then each
   tile of 6 queries computes its 6 x tkp scores (6 x 16 micro-tiles, bias and row maxima in the same pass), a
   softmax per row in place, and P V (6 x 16 micro-tiles over the keys), scaled by 1 / sum at the end. No
   tq x tk score matrix exists. */
enum { QR = CK_TILE_ROWS, KC = CK_TILE_COLS };

size_t ck_attention_scratch(int tk, int dh) {
    const size_t tkp = (size_t)((tk + KC - 1) / KC) * KC;
    return (size_t)dh * tkp + QR * tkp + tkp;
}

/* Scores of six query rows against every (padded) key, s[r, j] = scale * <q_r, k_j> + key_row[j] (key_row is
   the key bias, -inf past the real keys); each row's maximum goes to top[r]. */
CK_TARGET static void scores6(const float *const q[QR], const float *kt, int dh, int tkp, float scale,
                              const float *key_row, float *s, float top[QR]) {
    const __m256 vscale = _mm256_set1_ps(scale);
    __m256 peak[QR];
    for (int r = 0; r < QR; r++) peak[r] = _mm256_set1_ps(-INFINITY);
    for (int j0 = 0; j0 < tkp; j0 += KC) {
        const ck_tile t = ck_tile6x16(q, kt + j0, (size_t)tkp, dh);
        const __m256 bias0 = _mm256_loadu_ps(key_row + j0), bias1 = _mm256_loadu_ps(key_row + j0 + 8);
        for (int r = 0; r < QR; r++) {
            const __m256 x0 = _mm256_fmadd_ps(t.lo[r], vscale, bias0), x1 = _mm256_fmadd_ps(t.hi[r], vscale, bias1);
            _mm256_storeu_ps(s + (size_t)r * tkp + j0, x0);
            _mm256_storeu_ps(s + (size_t)r * tkp + j0 + 8, x1);
            peak[r] = _mm256_max_ps(peak[r], _mm256_max_ps(x0, x1));
        }
    }
    for (int r = 0; r < QR; r++) top[r] = ck_max8(peak[r]);
}

/* In place: row[j] = exp(row[j] - top), about 0 for the padding past the real keys; returns 1 / sum. */
CK_TARGET static float softmax_row(float *row, int tkp, float top) {
    const __m256 vtop = _mm256_set1_ps(top);
    __m256 total = _mm256_setzero_ps();
    for (int j = 0; j < tkp; j += 8) {
        const __m256 e = ck_exp_nonpositive(_mm256_sub_ps(_mm256_loadu_ps(row + j), vtop));
        _mm256_storeu_ps(row + j, e);
        total = _mm256_add_ps(total, e);
    }
    return 1.0f / ck_sum8(total);
}

#define CK_PV8(r)                                                    \
    { o##r##0 = _mm256_fmadd_ps(_mm256_broadcast_ss(s##r + j), v0, o##r##0); }
#define CK_STORE_OUT8(r)                                                                 \
    if ((r) < rows) _mm256_storeu_ps(out + (size_t)(r) * d + c0, _mm256_mul_ps(o##r##0, _mm256_set1_ps(inverse[r])));

/* out[r, c0 ..< c0 + 16] = inverse[r] * sum_j s[r, j] v[j, c]. */
CK_TARGET static void values6x16(const float *s, int tkp, const float *v, int tk, int d, int c0,
                                 const float inverse[QR], float *out, int rows) {
    const float *srows[QR];
    for (int r = 0; r < QR; r++) srows[r] = s + (size_t)r * tkp;
    const ck_tile t = ck_tile6x16(srows, v + c0, (size_t)d, tk);
    for (int r = 0; r < rows; r++) {
        const __m256 inv = _mm256_set1_ps(inverse[r]);
        _mm256_storeu_ps(out + (size_t)r * d + c0, _mm256_mul_ps(t.lo[r], inv));
        _mm256_storeu_ps(out + (size_t)r * d + c0 + 8, _mm256_mul_ps(t.hi[r], inv));
    }
}

/* The same for the last 8 columns when the head width is not a multiple of 16. */
CK_TARGET static void values6x8(const float *s, int tkp, const float *v, int tk, int d, int c0,
                                const float inverse[QR], float *out, int rows) {
    const float *s0 = s, *s1 = s + tkp, *s2 = s + 2 * tkp, *s3 = s + 3 * tkp, *s4 = s + 4 * tkp, *s5 = s + 5 * tkp;
    __m256 o00 = _mm256_setzero_ps(), o10 = o00, o20 = o00, o30 = o00, o40 = o00, o50 = o00;
    const float *vr = v + c0;
    for (int j = 0; j < tk; j++, vr += d) {
        const __m256 v0 = _mm256_loadu_ps(vr);
        CK_PV8(0) CK_PV8(1) CK_PV8(2) CK_PV8(3) CK_PV8(4) CK_PV8(5)
    }
    CK_STORE_OUT8(0) CK_STORE_OUT8(1) CK_STORE_OUT8(2) CK_STORE_OUT8(3) CK_STORE_OUT8(4) CK_STORE_OUT8(5)
}

CK_TARGET void ck_attention(const float *q, const float *k, const float *v, float *out, int tq, int tk, int d,
                            int heads, int first_pair, int end_pair, const float *key_bias, float scale,
                            float *scratch) {
    const int dh = d / heads;
    const int tkp = (tk + KC - 1) / KC * KC;
    float *kt = scratch, *s = scratch + (size_t)dh * tkp, *key_row = s + (size_t)QR * tkp;
    for (int pair = first_pair; pair < end_pair; pair++) {
        const int sample = pair / heads, head = pair % heads;
        const float *qb = q + (size_t)sample * tq * d + head * dh;
        const float *kb = k + (size_t)sample * tk * d + head * dh;
        const float *vb = v + (size_t)sample * tk * d + head * dh;
        float *ob = out + (size_t)sample * tq * d + head * dh;
        const float *bias = key_bias ? key_bias + (size_t)sample * tk : 0;
        for (int c = 0; c < dh; c++) {
            for (int j = 0; j < tk; j++) kt[(size_t)c * tkp + j] = kb[(size_t)j * d + c];
            for (int j = tk; j < tkp; j++) kt[(size_t)c * tkp + j] = 0;
        }
        for (int j = 0; j < tkp; j++) key_row[j] = j >= tk ? -INFINITY : (bias ? bias[j] : 0.0f);
        for (int i = 0; i < tq; i += QR) {
            const int rows = tq - i < QR ? tq - i : QR;
            const float *qr[QR];
            for (int r = 0; r < QR; r++) qr[r] = qb + (size_t)(i + (r < rows ? r : 0)) * d;
            float top[QR], inverse[QR];
            scores6(qr, kt, dh, tkp, scale, key_row, s, top);
            for (int r = 0; r < QR; r++) inverse[r] = softmax_row(s + (size_t)r * tkp, tkp, top[r]);
            int c0 = 0;
            for (; c0 + 16 <= dh; c0 += 16) values6x16(s, tkp, vb, tk, d, c0, inverse, ob + (size_t)i * d, rows);
            if (c0 < dh) values6x8(s, tkp, vb, tk, d, c0, inverse, ob + (size_t)i * d, rows);
        }
    }
}
