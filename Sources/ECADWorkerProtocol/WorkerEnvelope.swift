/// The envelope fields every line carries, written in front of the message's own fields.
struct WorkerEnvelope<Payload: Encodable>: Encodable {
    enum Keys: String, CodingKey {
        case v, type, id, of
    }

    var kind: WorkerMessageKind
    var id: WorkerRequestID?
    var of: WorkerMessageKind?
    var payload: Payload

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(WorkerProtocol.version, forKey: .v)
        try container.encode(kind, forKey: .type)
        try container.encodeIfPresent(id, forKey: .id)
        try container.encodeIfPresent(of, forKey: .of)
        try payload.encode(to: encoder)
    }
}

/// The envelope fields, decoded first to learn which message type follows.
struct WorkerEnvelopeHeader: Decodable {
    var v: Int
    var type: String
    var id: WorkerRequestID?
    var of: String?
}

/// A message without fields of its own.
struct EmptyPayload: Codable {}
