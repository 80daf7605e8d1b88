import CKernels

/// Process-wide engine settings.
public enum EngineRuntime {
    /// Sets how many threads the engine splits its work across (OpenBLAS itself stays single-threaded).
    public static func setThreadCount(_ count: Int) {
        Kernels.setThreadCount(count)
    }

    /// The engine thread count in effect.
    public static var threadCount: Int { Kernels.threadCount }

    /// Lets the allocator reuse freed activation buffers instead of unmapping them.
    ///
    /// A forward pass allocates and frees megabyte-sized tensors (`[64, 256, 128]` floats is 8 MiB) many times
    /// per step. Above glibc's default mmap threshold each one is a fresh mapping whose pages fault in and are
    /// zeroed by the kernel (about 8 % of sampling time at batch 32). This raises the threshold to glibc's maximum
    /// (32 MiB) and keeps freed memory in the heap. Call once at startup; a no-op off glibc.
    public static func keepActivationMemory() {
        ck_keep_activation_memory()
    }
}
