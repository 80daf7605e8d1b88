#include "CKernels.h"
#include "VectorMath.h"
#include <math.h>

/* Per (sample, head): K^T is packed once ([dh, tkp], keys padded to a multiple of 16 with zeros), then each
   tile of 6 queries computes its 6 x tkp scores (6 x 16 micro-tiles, bias and row maxima in the same pass), a
   softmax per row in place, and P V (6 x 16 micro-tiles over the keys), scaled by 1 / sum at the end. No
   tq x tk score matrix exists. */
enum { QR = 6, KC = 16 };

size_t ck_attention_scratch(int tk, int dh) {
    const size_t tkp = (size_t)((tk + KC - 1) / KC) * KC;
    return (size_t)dh * tkp + QR * tkp + tkp;
}

#define CK_QK(r)                                                     \
    {                                                                \
        const __m256 a = _mm256_broadcast_ss(q##r + c);              \
        s##r##0 = _mm256_fmadd_ps(a, k0, s##r##0);                   \
        s##r##1 = _mm256_fmadd_ps(a, k1, s##r##1);                   \
    }
#define CK_STORE_SCORES(r)                                                   \
    {                                                                        \
        const __m256 x0 = _mm256_fmadd_ps(s##r##0, vscale, bias0);           \
        const __m256 x1 = _mm256_fmadd_ps(s##r##1, vscale, bias1);           \
        _mm256_storeu_ps(s + (r) * tkp + j0, x0);                            \
        _mm256_storeu_ps(s + (r) * tkp + j0 + 8, x1);                        \
        peak[r] = _mm256_max_ps(peak[r], _mm256_max_ps(x0, x1));             \
    }

/* Scores of six query rows against every (padded) key, s[r, j] = scale * <q_r, k_j> + key_row[j] (key_row is
   the key bias, -inf past the real keys); each row's maximum goes to top[r]. */
CK_TARGET static void scores6(const float *const q[QR], const float *kt, int dh, int tkp, float scale,
                              const float *key_row, float *s, float top[QR]) {
    const float *q0 = q[0], *q1 = q[1], *q2 = q[2], *q3 = q[3], *q4 = q[4], *q5 = q[5];
    const __m256 vscale = _mm256_set1_ps(scale);
    __m256 peak[QR];
    for (int r = 0; r < QR; r++) peak[r] = _mm256_set1_ps(-INFINITY);
    for (int j0 = 0; j0 < tkp; j0 += KC) {
        __m256 s00 = _mm256_setzero_ps(), s01 = s00, s10 = s00, s11 = s00, s20 = s00, s21 = s00;
        __m256 s30 = s00, s31 = s00, s40 = s00, s41 = s00, s50 = s00, s51 = s00;
        for (int c = 0; c < dh; c++) {
            const __m256 k0 = _mm256_loadu_ps(kt + (size_t)c * tkp + j0), k1 = _mm256_loadu_ps(kt + (size_t)c * tkp + j0 + 8);
            CK_QK(0) CK_QK(1) CK_QK(2) CK_QK(3) CK_QK(4) CK_QK(5)
        }
        const __m256 bias0 = _mm256_loadu_ps(key_row + j0), bias1 = _mm256_loadu_ps(key_row + j0 + 8);
        CK_STORE_SCORES(0) CK_STORE_SCORES(1) CK_STORE_SCORES(2) CK_STORE_SCORES(3) CK_STORE_SCORES(4)
        CK_STORE_SCORES(5)
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

#define CK_PV(r)                                                     \
    {                                                                \
        const __m256 p = _mm256_broadcast_ss(s##r + j);              \
        o##r##0 = _mm256_fmadd_ps(p, v0, o##r##0);                   \
        o##r##1 = _mm256_fmadd_ps(p, v1, o##r##1);                   \
    }
#define CK_PV8(r)                                                    \
    { o##r##0 = _mm256_fmadd_ps(_mm256_broadcast_ss(s##r + j), v0, o##r##0); }
#define CK_STORE_OUT8(r)                                                                 \
    if ((r) < rows) _mm256_storeu_ps(out + (size_t)(r) * d + c0, _mm256_mul_ps(o##r##0, _mm256_set1_ps(inverse[r])));
#define CK_STORE_OUT16(r)                                                                \
    if ((r) < rows) {                                                                    \
        const __m256 inv = _mm256_set1_ps(inverse[r]);                                   \
        _mm256_storeu_ps(out + (size_t)(r) * d + c0, _mm256_mul_ps(o##r##0, inv));       \
        _mm256_storeu_ps(out + (size_t)(r) * d + c0 + 8, _mm256_mul_ps(o##r##1, inv));   \
    }
#define CK_ROWS_OF_S                                                                     \
    const float *s0 = s, *s1 = s + tkp, *s2 = s + 2 * tkp, *s3 = s + 3 * tkp, *s4 = s + 4 * tkp, *s5 = s + 5 * tkp;

/* out[r, c0 ..< c0 + 16] = inverse[r] * sum_j s[r, j] v[j, c]. */
CK_TARGET static void values6x16(const float *s, int tkp, const float *v, int tk, int d, int c0,
                                 const float inverse[QR], float *out, int rows) {
    CK_ROWS_OF_S
    __m256 o00 = _mm256_setzero_ps(), o01 = o00, o10 = o00, o11 = o00, o20 = o00, o21 = o00;
    __m256 o30 = o00, o31 = o00, o40 = o00, o41 = o00, o50 = o00, o51 = o00;
    const float *vr = v + c0;
    for (int j = 0; j < tk; j++, vr += d) {
        const __m256 v0 = _mm256_loadu_ps(vr), v1 = _mm256_loadu_ps(vr + 8);
        CK_PV(0) CK_PV(1) CK_PV(2) CK_PV(3) CK_PV(4) CK_PV(5)
    }
    CK_STORE_OUT16(0) CK_STORE_OUT16(1) CK_STORE_OUT16(2) CK_STORE_OUT16(3) CK_STORE_OUT16(4) CK_STORE_OUT16(5)
}

/* The same for the last 8 columns when the head width is not a multiple of 16. */
CK_TARGET static void values6x8(const float *s, int tkp, const float *v, int tk, int d, int c0,
                                const float inverse[QR], float *out, int rows) {
    CK_ROWS_OF_S
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
