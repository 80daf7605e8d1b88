#ifndef ECAD_CBLAS_SHIM_H
#define ECAD_CBLAS_SHIM_H
#include <cblas.h>
#include <stddef.h>

/* Debian's OpenBLAS ships the Fortran LAPACK symbols but no LAPACKE and no lapack.h: declare what we use.
   gfortran ABI: every argument by pointer, a hidden size_t length after each char* argument. */
void ssyevd_(const char *jobz, const char *uplo, const int *n, float *a, const int *lda, float *w,
             float *work, const int *lwork, int *iwork, const int *liwork, int *info,
             size_t jobz_len, size_t uplo_len);
void dsyevd_(const char *jobz, const char *uplo, const int *n, double *a, const int *lda, double *w,
             double *work, const int *lwork, int *iwork, const int *liwork, int *info,
             size_t jobz_len, size_t uplo_len);
#endif
