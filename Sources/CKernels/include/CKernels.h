#ifndef ECAD_CKERNELS_H
#define ECAD_CKERNELS_H
#include <stddef.h>

/* The engine's hand-written AVX2 + FMA kernels (ECADEngine's Kernels decide when to use them).
   Row-major float32 throughout. Every output element is computed by one fixed sequence of operations that does
   not depend on how callers split rows or (sample, head) pairs across threads, so results are bit-identical
   for any thread count. */

/* 1 when this CPU has AVX2 and FMA (every kernel below needs both), else 0. */
int ck_available(void);

/* Keeps freed activation buffers (up to 32 MiB each) in the heap for reuse instead of unmapping them, so a
   forward pass does not fault in and zero fresh pages for every tensor it allocates. glibc only; else a no-op. */
void ck_keep_activation_memory(void);

/* Serial regions: between ck_serial_begin and ck_serial_end (nestable, per thread) the engine's kernels run on
   the calling thread only, because an outer loop already spreads whole forward passes across threads. */
void ck_serial_begin(void);
void ck_serial_end(void);
/* 1 inside a serial region on this thread, else 0. */
int ck_serial(void);

/* Floats in the packed form of a weight [n, k]: n rounded up to 16, times k. */
size_t ck_packed_count(int n, int k);

/* Packs a weight W [n, k], as nn.Linear stores it, into panels of 16 output columns:
   packed[(p * k + kk) * 16 + j] = W[16 p + j, kk], and 0 where 16 p + j >= n. */
void ck_pack(const float *w, int n, int k, float *packed);

enum { CK_EPILOGUE_NONE = 0, CK_EPILOGUE_GELU_TANH = 1 };

/* y[m, n] = epilogue(x[m, k] W^T + bias) with W packed by ck_pack and bias [n] or NULL. Each output is
   bias + (a fused multiply-add chain over kk = 0, 1, ..., k - 1 starting from 0), then the epilogue. */
void ck_dense(const float *x, int m, int k, const float *packed, int n, const float *bias, int epilogue, float *y);

/* Floats of scratch ck_attention needs for tk keys of head width dh. */
size_t ck_attention_scratch(int tk, int dh);

/* Multi-head attention softmax(q k^T * scale + key_bias) v for the (sample, head) pairs
   first_pair ..< end_pair (pair = sample * heads + head). q and out are [B, tq, d], k and v [B, tk, d],
   head h owns channels h * dh ..< (h + 1) * dh with dh = d / heads, which must be a multiple of 8.
   key_bias is [B, tk] or NULL. scratch holds ck_attention_scratch(tk, dh) floats. */
void ck_attention(const float *q, const float *k, const float *v, float *out, int tq, int tk, int d, int heads,
                  int first_pair, int end_pair, const float *key_bias, float scale, float *scratch);
#endif
