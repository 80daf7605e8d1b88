/// Parameters of a diffusers `Attention` module: `to_q`, `to_k`, `to_v`, `to_out.0`.
public struct AttentionWeights: Sendable {
    /// Query projection `[D, D]`.
    public var query: LinearWeights
    /// Key projection `[D, Dc]`.
    public var key: LinearWeights
    /// Value projection `[D, Dc]`.
    public var value: LinearWeights
    /// Output projection `[D, D]`.
    public var out: LinearWeights

    /// Loads `prefix.to_q`, `to_k`, `to_v`, `to_out.0`; keys and values read `contextWidth` channels.
    init(reader: WeightReader, prefix: String, width: Int, contextWidth: Int, bias: Bool) throws {
        query = try reader.linear("\(prefix).to_q", inputs: width, outputs: width, bias: bias)
        key = try reader.linear("\(prefix).to_k", inputs: contextWidth, outputs: width, bias: bias)
        value = try reader.linear("\(prefix).to_v", inputs: contextWidth, outputs: width, bias: bias)
        out = try reader.linear("\(prefix).to_out.0", inputs: width, outputs: width)
    }

    /// Attention of `x` over `context` (itself for self-attention).
    ///
    /// - Parameters:
    ///   - x: `[B, T, D]`.
    ///   - context: `[B, L, Dc]`.
    ///   - heads: head count.
    ///   - keyBias: `[B, L]` additive key bias or nil.
    /// - Returns: `[B, T, D]`.
    func callAsFunction(_ x: Tensor, context: Tensor, heads: Int, keyBias: Tensor?) -> Tensor {
        let attended = Kernels.attention(
            q: query(x), k: key(context), v: value(context), heads: heads, keyBias: keyBias)
        return out(attended)
    }
}
