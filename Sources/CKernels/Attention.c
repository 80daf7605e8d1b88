#include "CKernels.h"
#include "Tile.h"
#include <math.h>

/* Per (sample, head): K^T is packed once ([dh, ldk], keys padded to a multiple of 16 with zeros) and V's
   16-column panels are copied into contiguous [tk, 16] blocks; then each tile of 6 queries computes its
   6 x tkp scores (6 x 16 micro-tiles, bias and row maxima in the same pass), a softmax per row in place, and
   P V (6 x 16 micro-tiles over the keys), scaled by 1 / sum at the end. No tq x tk score matrix exists.
   Scores are kept in base 2 (scale and key bias times log2 e), so the softmax is 2^(s - max).
   K^T's row stride is tkp + 16 floats: with tkp a multiple of 256 a stride of tkp would map the rows one
   score tile reads onto a quarter of L1's sets, and V read in place (row stride d) onto an eighth. */
enum { QR = CK_TILE_ROWS, KC = CK_TILE_COLS };

static int padded_keys(int tk) { return (tk + KC - 1) / KC * KC; }

size_t ck_attention_scratch(int tk, int dh) {
    const size_t tkp = (size_t)padded_keys(tk);
    return (size_t)dh * (tkp + KC) + (size_t)dh * (size_t)tk + QR * tkp + tkp;
}

/* Transposes eight rows of eight floats in registers. */
CK_TARGET static inline void transpose8(__m256 r[8]) {
    const __m256 t0 = _mm256_unpacklo_ps(r[0], r[1]), t1 = _mm256_unpackhi_ps(r[0], r[1]);
    const __m256 t2 = _mm256_unpacklo_ps(r[2], r[3]), t3 = _mm256_unpackhi_ps(r[2], r[3]);
    const __m256 t4 = _mm256_unpacklo_ps(r[4], r[5]), t5 = _mm256_unpackhi_ps(r[4], r[5]);
    const __m256 t6 = _mm256_unpacklo_ps(r[6], r[7]), t7 = _mm256_unpackhi_ps(r[6], r[7]);
    const __m256 u0 = _mm256_shuffle_ps(t0, t2, 0x44), u1 = _mm256_shuffle_ps(t0, t2, 0xEE);
    const __m256 u2 = _mm256_shuffle_ps(t1, t3, 0x44), u3 = _mm256_shuffle_ps(t1, t3, 0xEE);
    const __m256 u4 = _mm256_shuffle_ps(t4, t6, 0x44), u5 = _mm256_shuffle_ps(t4, t6, 0xEE);
    const __m256 u6 = _mm256_shuffle_ps(t5, t7, 0x44), u7 = _mm256_shuffle_ps(t5, t7, 0xEE);
    r[0] = _mm256_permute2f128_ps(u0, u4, 0x20), r[1] = _mm256_permute2f128_ps(u1, u5, 0x20);
    r[2] = _mm256_permute2f128_ps(u2, u6, 0x20), r[3] = _mm256_permute2f128_ps(u3, u7, 0x20);
    r[4] = _mm256_permute2f128_ps(u0, u4, 0x31), r[5] = _mm256_permute2f128_ps(u1, u5, 0x31);
    r[6] = _mm256_permute2f128_ps(u2, u6, 0x31), r[7] = _mm256_permute2f128_ps(u3, u7, 0x31);
}

/* kt[c * ldk + j] = kb[j * d + c] for c < dh, j < tk, and 0 for tk <= j < tkp: 8 x 8 blocks in registers. */
CK_TARGET static void pack_keys(const float *kb, int tk, int tkp, int d, int dh, float *kt, int ldk) {
    int j = 0;
    for (; j + 8 <= tk; j += 8) {
        for (int c = 0; c < dh; c += 8) {
            __m256 r[8];
            for (int i = 0; i < 8; i++) r[i] = _mm256_loadu_ps(kb + (size_t)(j + i) * d + c);
            transpose8(r);
            for (int i = 0; i < 8; i++) _mm256_storeu_ps(kt + (size_t)(c + i) * ldk + j, r[i]);
        }
    }
    for (int c = 0; c < dh; c++) {
        for (int jj = j; jj < tk; jj++) kt[(size_t)c * ldk + jj] = kb[(size_t)jj * d + c];
        for (int jj = tk; jj < tkp; jj++) kt[(size_t)c * ldk + jj] = 0;
    }
}

/* vp[(p * tk + j) * 16 + c] = vb[j * d + 16 p + c] for every full 16-column panel p of the head. */
CK_TARGET static void pack_values(const float *vb, int tk, int d, int dh, float *vp) {
    for (int p = 0; p + KC <= dh; p += KC) {
        float *panel = vp + (size_t)(p / KC) * tk * KC;
        for (int j = 0; j < tk; j++) {
            const float *src = vb + (size_t)j * d + p;
            _mm256_storeu_ps(panel + (size_t)j * KC, _mm256_loadu_ps(src));
            _mm256_storeu_ps(panel + (size_t)j * KC + 8, _mm256_loadu_ps(src + 8));
        }
    }
}

/* Scores of six query rows against every (padded) key, s[r, j] = scale * <q_r, k_j> + key_row[j] (key_row is
   the key bias in the same base-2 units, -inf past the real keys); each row's maximum goes to top[r]. */
CK_TARGET static void scores6(const float *const q[QR], const float *kt, int ldk, int dh, int tkp, float scale,
                              const float *key_row, float *s, float top[QR]) {
    const __m256 vscale = _mm256_set1_ps(scale);
    __m256 peak[QR];
    for (int r = 0; r < QR; r++) peak[r] = _mm256_set1_ps(-INFINITY);
    for (int j0 = 0; j0 < tkp; j0 += KC) {
        const ck_tile t = ck_tile6x16(q, kt + j0, (size_t)ldk, dh);
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

/* In place: row[j] = 2^(row[j] - top), about 0 for the padding past the real keys; returns 1 / sum. */
CK_TARGET static float softmax_row(float *row, int tkp, float top) {
    const __m256 vtop = _mm256_set1_ps(top);
    __m256 total = _mm256_setzero_ps();
    for (int j = 0; j < tkp; j += 8) {
        const __m256 e = ck_exp2_nonpositive(_mm256_sub_ps(_mm256_loadu_ps(row + j), vtop));
        _mm256_storeu_ps(row + j, e);
        total = _mm256_add_ps(total, e);
    }
    return 1.0f / ck_sum8(total);
}

#define CK_PV8(r)                                                    \
    { o##r##0 = _mm256_fmadd_ps(_mm256_broadcast_ss(s##r + j), v0, o##r##0); }
#define CK_STORE_OUT8(r)                                                                 \
    if ((r) < rows) _mm256_storeu_ps(out + (size_t)(r) * d + c0, _mm256_mul_ps(o##r##0, _mm256_set1_ps(inverse[r])));

/* out[r, c0 ..< c0 + 16] = inverse[r] * sum_j s[r, j] v[j, c] with the panel vp[j, c - c0] = v[j, c]. */
CK_TARGET static void values6x16(const float *s, int tkp, const float *vp, int tk, int d, int c0,
                                 const float inverse[QR], float *out, int rows) {
    const float *srows[QR];
    for (int r = 0; r < QR; r++) srows[r] = s + (size_t)r * tkp;
    const ck_tile t = ck_tile6x16(srows, vp, KC, tk);
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
    const int tkp = padded_keys(tk), ldk = tkp + KC;
    float *kt = scratch, *vp = kt + (size_t)dh * ldk, *s = vp + (size_t)dh * tk, *key_row = s + (size_t)QR * tkp;
    for (int pair = first_pair; pair < end_pair; pair++) {
        const int sample = pair / heads, head = pair % heads;
        const float *qb = q + (size_t)sample * tq * d + head * dh;
        const float *kb = k + (size_t)sample * tk * d + head * dh;
        const float *vb = v + (size_t)sample * tk * d + head * dh;
        float *ob = out + (size_t)sample * tq * d + head * dh;
        const float *bias = key_bias ? key_bias + (size_t)sample * tk : 0;
        pack_keys(kb, tk, tkp, d, dh, kt, ldk);
        pack_values(vb, tk, d, dh, vp);
        for (int j = 0; j < tkp; j++) key_row[j] = j >= tk ? -INFINITY : (bias ? bias[j] * CK_LOG2E : 0.0f);
        for (int i = 0; i < tq; i += QR) {
            const int rows = tq - i < QR ? tq - i : QR;
            const float *qr[QR];
            for (int r = 0; r < QR; r++) qr[r] = qb + (size_t)(i + (r < rows ? r : 0)) * d;
            float top[QR], inverse[QR];
            scores6(qr, kt, ldk, dh, tkp, scale * CK_LOG2E, key_row, s, top);
            for (int r = 0; r < QR; r++) inverse[r] = softmax_row(s + (size_t)r * tkp, tkp, top[r]);
            int c0 = 0;
            for (; c0 + KC <= dh; c0 += KC) {
                values6x16(s, tkp, vp + (size_t)c0 * tk, tk, d, c0, inverse, ob + (size_t)i * d, rows);
            }
            if (c0 < dh) values6x8(s, tkp, vb, tk, d, c0, inverse, ob + (size_t)i * d, rows);
        }
    }
}
