#ifndef ECAD_CKERNELS_VECTOR_MATH_H
#define ECAD_CKERNELS_VECTOR_MATH_H
#include <immintrin.h>

#define CK_TARGET __attribute__((target("avx2,fma")))

/* exp(x) on eight lanes for x >= -87 (callers clamp), the same method as Kernels.fastExp: Cody-Waite reduction
   by ln 2, a degree-6 polynomial, 2^n from the exponent bits. */
CK_TARGET static inline __m256 ck_exp_clamped(__m256 c) {
    const __m256 magic = _mm256_set1_ps(12582912.0f); /* 1.5 * 2^23: rounds x / ln 2 to an integer */
    const __m256 shifted = _mm256_fmadd_ps(c, _mm256_set1_ps(1.44269504f), magic);
    const __m256 n = _mm256_sub_ps(shifted, magic);
    __m256 r = _mm256_fnmadd_ps(n, _mm256_set1_ps(0.693359375f), c);
    r = _mm256_fnmadd_ps(n, _mm256_set1_ps(-2.12194440e-4f), r);
    __m256 p = _mm256_set1_ps(1.98756915e-4f);
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.39819995e-3f));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(8.33345190e-3f));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(4.16657959e-2f));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(0.166666655f));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(0.500000010f));
    const __m256 y = _mm256_fmadd_ps(_mm256_mul_ps(p, r), r, _mm256_add_ps(r, _mm256_set1_ps(1.0f)));
    const __m256i e = _mm256_add_epi32(
        _mm256_sub_epi32(_mm256_castps_si256(shifted), _mm256_set1_epi32(0x4B400000)), _mm256_set1_epi32(127));
    return _mm256_mul_ps(y, _mm256_castsi256_ps(_mm256_slli_epi32(e, 23)));
}

/* exp(x) on eight lanes: 0 below -87, clamped above 88. */
CK_TARGET static inline __m256 ck_exp(__m256 x) {
    const __m256 below = _mm256_cmp_ps(x, _mm256_set1_ps(-87.0f), _CMP_LT_OQ);
    const __m256 c = _mm256_min_ps(_mm256_max_ps(x, _mm256_set1_ps(-87.0f)), _mm256_set1_ps(88.0f));
    return _mm256_andnot_ps(below, ck_exp_clamped(c));
}

/* exp(x) for x <= 0 (softmax after subtracting the maximum): below -87 it gives exp(-87) ~ 1.6e-38, not 0, a
   weight no float sum can see next to the maximum's 1. */
CK_TARGET static inline __m256 ck_exp_nonpositive(__m256 x) {
    return ck_exp_clamped(_mm256_max_ps(x, _mm256_set1_ps(-87.0f)));
}

/* 1 / x for 1 <= x <= 1 + e^88 (GELU's denominator): the hardware estimate (12 bits) refined by one Newton
   step (about 23 bits), cheaper than a division. */
CK_TARGET static inline __m256 ck_reciprocal(__m256 x) {
    const __m256 estimate = _mm256_rcp_ps(x);
    return _mm256_mul_ps(estimate, _mm256_fnmadd_ps(x, estimate, _mm256_set1_ps(2.0f)));
}

/* GELU with the tanh approximation, as x / (1 + exp(-2 sqrt(2/pi) (x + 0.044715 x^3))). */
CK_TARGET static inline __m256 ck_gelu_tanh(__m256 x) {
    const __m256 x3 = _mm256_mul_ps(_mm256_mul_ps(x, x), x);
    const __m256 u = _mm256_fmadd_ps(_mm256_set1_ps(0.044715f), x3, x);
    const __m256 t = ck_exp(_mm256_mul_ps(_mm256_set1_ps(-1.5957691216f), u));
    return _mm256_mul_ps(x, ck_reciprocal(_mm256_add_ps(_mm256_set1_ps(1.0f), t)));
}

/* The sum of the eight lanes, in a fixed order. */
CK_TARGET static inline float ck_sum8(__m256 v) {
    __m128 s = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    s = _mm_add_ps(s, _mm_movehl_ps(s, s));
    s = _mm_add_ss(s, _mm_movehdup_ps(s));
    return _mm_cvtss_f32(s);
}

/* The largest of the eight lanes. */
CK_TARGET static inline float ck_max8(__m256 v) {
    __m128 s = _mm_max_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    s = _mm_max_ps(s, _mm_movehl_ps(s, s));
    s = _mm_max_ss(s, _mm_movehdup_ps(s));
    return _mm_cvtss_f32(s);
}
#endif
