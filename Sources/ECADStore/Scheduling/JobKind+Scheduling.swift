import ECADCore

extension JobKind {
    /// Whether the scheduler favours this kind as a short job (see ``PriorityPolicy``).
    public var isShort: Bool { self != .search }
}
