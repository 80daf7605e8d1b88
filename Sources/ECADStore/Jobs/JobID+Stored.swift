import ECADCore

extension JobID {
    /// Wraps an id read from the database or just assigned by SQLite; a non-positive value means a corrupt row.
    init(stored value: Int64) throws(StoreError) {
        do {
            try self.init(value)
        } catch {
            throw StoreError.database("stored job id \(value) is not a positive integer")
        }
    }
}
