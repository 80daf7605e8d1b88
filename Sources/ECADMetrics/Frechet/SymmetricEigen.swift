import CBLAS

/// Symmetric eigendecomposition and the functions built on it, via LAPACK `dsyevd_` (divide and conquer).
enum SymmetricEigen {
    /// Eigenvalues (ascending) and eigenvectors of the symmetric `n x n` matrix `matrix` (row-major; only its
    /// upper triangle, as LAPACK sees it, is read). `vectors` is row-major with eigenvector `j` in column `j`;
    /// with `wantVectors` false it is empty and LAPACK skips the (costlier) vector computation.
    static func decompose(_ matrix: [Double], n: Int, wantVectors: Bool = true) throws
        -> (values: [Double], vectors: [Double])
    {
        precondition(matrix.count == n * n, "matrix must be n x n")
        guard n > 0 else { return ([], []) }
        // LAPACK is column-major; a symmetric matrix is its own transpose, and the column-major eigenvector
        // matrix read row-major is V^T, which we transpose back below.
        var a = matrix
        var values = [Double](repeating: 0, count: n)
        var jobz = Int8(UInt8(ascii: wantVectors ? "V" : "N")), uplo = Int8(UInt8(ascii: "U"))
        var size = Int32(n), lda = Int32(n), info: Int32 = 0
        var workQuery = 0.0, iworkQuery: Int32 = 0, query: Int32 = -1
        dsyevd_(&jobz, &uplo, &size, &a, &lda, &values, &workQuery, &query, &iworkQuery, &query, &info, 1, 1)
        guard info == 0 else { throw MetricsError.lapack(routine: "dsyevd_ (workspace query)", info: info) }
        var lwork = Int32(workQuery.rounded(.up)), liwork = max(1, iworkQuery)
        var work = [Double](repeating: 0, count: Int(lwork))
        var iwork = [Int32](repeating: 0, count: Int(liwork))
        dsyevd_(&jobz, &uplo, &size, &a, &lda, &values, &work, &lwork, &iwork, &liwork, &info, 1, 1)
        guard info == 0 else { throw MetricsError.lapack(routine: "dsyevd_", info: info) }
        guard wantVectors else { return (values, []) }
        var vectors = [Double](repeating: 0, count: n * n)
        for row in 0..<n {
            for col in 0..<n { vectors[row * n + col] = a[col * n + row] }
        }
        return (values, vectors)
    }

    /// The symmetric positive semi-definite square root `V diag(sqrt(max(l, 0))) V^T` of a symmetric matrix
    /// (negative eigenvalues from rounding are clamped to 0).
    static func squareRoot(_ matrix: [Double], n: Int) throws -> [Double] {
        let (values, vectors) = try decompose(matrix, n: n)
        // scaled = V diag(sqrt(l)); result = scaled V^T.
        var scaled = vectors
        for col in 0..<n {
            let s = max(0, values[col]).squareRoot()
            for row in 0..<n { scaled[row * n + col] *= s }
        }
        return multiply(scaled, vectors, n: n, transposeRight: true)
    }

    /// `left * right` (or `left * right^T`) of two row-major `n x n` matrices, via `cblas_dgemm`.
    static func multiply(_ left: [Double], _ right: [Double], n: Int, transposeRight: Bool = false) -> [Double] {
        var out = [Double](repeating: 0, count: n * n)
        let size = Int32(n)
        cblas_dgemm(CblasRowMajor, CblasNoTrans, transposeRight ? CblasTrans : CblasNoTrans,
                    size, size, size, 1, left, size, right, size, 0, &out, size)
        return out
    }
}
