/// One worker slot: a place for one worker process, with the device it owns (`ecadd --devices`).
package struct WorkerSlot: Sendable, Hashable {
    /// The slot's index, 0-based.
    package var index: Int
    /// The device its workers use (`cuda:1`), or nil when ecadd was given no devices.
    package var device: String?

    /// Describes a slot.
    package init(index: Int, device: String?) {
        self.index = index
        self.device = device
    }

    /// What a worker in this slot gets in its environment: `CUDA_VISIBLE_DEVICES=<n>` for a `cuda:<n>` device,
    /// so it sees only its own card, and `ECAD_THREADS` when a thread count is set.
    package func environment(threads: Int?) -> [String: String] {
        var environment: [String: String] = [:]
        if let ordinal = cudaOrdinal { environment["CUDA_VISIBLE_DEVICES"] = ordinal }
        if let threads { environment["ECAD_THREADS"] = String(threads) }
        return environment
    }

    /// The device as the worker sees it, for the load request: `cuda:0` for a CUDA card (the only one
    /// `CUDA_VISIBLE_DEVICES` leaves it), the slot's device otherwise.
    package var loadDevice: String? { cudaOrdinal == nil ? device : "cuda:0" }

    private var cudaOrdinal: String? {
        guard let device, device.hasPrefix("cuda:") else { return nil }
        return String(device.dropFirst("cuda:".count))
    }
}
