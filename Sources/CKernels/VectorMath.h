#ifndef ECAD_CKERNELS_VECTOR_MATH_H
#define ECAD_CKERNELS_VECTOR_MATH_H
#include <immintrin.h>

#define CK_TARGET __attribute__((target("avx2,fma")))

/* log2(e): the kernels work in base 2, exp(x) = 2^(x log2 e), so the exponential is one reduction and a
   polynomial with no ln 2 splitting. */
#define CK_LOG2E 1.44269504088896341f

/* 2^x on eight lanes for -125 <= x <= 125 (callers clamp): x = n + f with n = round(x) and |f| <= 1/2,
   2^f from a degree-5 minimax polynomial (relative error 2.4e-7), 2^n added to the exponent bits. */
CK_TARGET static inline __m256 ck_exp2_clamped(__m256 x) {
    const __m256 magic = _mm256_set1_ps(12582912.0f); /* 1.5 * 2^23: the low mantissa bits of x + magic hold n */
    const __m256 shifted = _mm256_add_ps(x, magic);
    const __m256 f = _mm256_sub_ps(x, _mm256_sub_ps(shifted, magic));
    __m256 p = _mm256_set1_ps(1.32764713e-3f);
    p = _mm256_fmadd_ps(p, f, _mm256_set1_ps(9.67554189e-3f));
    p = _mm256_fmadd_ps(p, f, _mm256_set1_ps(5.55071309e-2f));
    p = _mm256_fmadd_ps(p, f, _mm256_set1_ps(0.240221202f));
    p = _mm256_fmadd_ps(p, f, _mm256_set1_ps(0.693146944f));
    p = _mm256_fmadd_ps(p, f, _mm256_set1_ps(1.00000012f));
    /* (bits of magic + n) << 23 is n << 23: magic's own bits shift out. */
    const __m256i scale = _mm256_slli_epi32(_mm256_castps_si256(shifted), 23);
    return _mm256_castsi256_ps(_mm256_add_epi32(_mm256_castps_si256(p), scale));
}

/* 2^x for x <= 0 (a softmax in base 2, after subtracting the maximum): below -125 it gives about 2^-125, not
   0, a weight no float sum can see next to the maximum's 1. */
CK_TARGET static inline __m256 ck_exp2_nonpositive(__m256 x) {
    return ck_exp2_clamped(_mm256_max_ps(x, _mm256_set1_ps(-125.0f)));
}

/* 1 / x for 1 <= x <= 1 + 2^125 (GELU's denominator): the hardware estimate (12 bits) refined by one Newton
   step (about 23 bits), cheaper than a division. */
CK_TARGET static inline __m256 ck_reciprocal(__m256 x) {
    const __m256 estimate = _mm256_rcp_ps(x);
    return _mm256_mul_ps(estimate, _mm256_fnmadd_ps(x, estimate, _mm256_set1_ps(2.0f)));
}

/* GELU with the tanh approximation, as x / (1 + exp(-2 sqrt(2/pi) (x + 0.044715 x^3))), the exponential
   taken as 2^(x (a + b x^2)) with a = -2 sqrt(2/pi) log2 e and b = 0.044715 a. */
CK_TARGET static inline __m256 ck_gelu_tanh(__m256 x) {
    const __m256 a = _mm256_set1_ps(-2.30220820f), b = _mm256_set1_ps(-0.102943240f);
    const __m256 power = _mm256_mul_ps(x, _mm256_fmadd_ps(_mm256_mul_ps(x, x), b, a));
    const __m256 bounded = _mm256_min_ps(_mm256_max_ps(power, _mm256_set1_ps(-125.0f)), _mm256_set1_ps(125.0f));
    const __m256 t = ck_exp2_clamped(bounded);
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
