extension Kernels {
    /// Cuts images into non-overlapping `p x p` patches, each flattened channel-major to match a
    /// `Conv2d(kernel=p, stride=p)` weight `[D, C, p, p]` viewed as `[D, C*p*p]`.
    ///
    /// - Parameter x: `[B, C, H, W]` with `H` and `W` divisible by `p`.
    /// - Returns: `[B, (H/p)*(W/p), C*p*p]`, tokens in row-major grid order.
    package static func patchify(_ x: Tensor, patch p: Int) -> Tensor {
        let (b, c, hh, ww) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
        let (gh, gw) = (hh / p, ww / p)
        let width = c * p * p
        var out = [Float](repeating: 0, count: b * gh * gw * width)
        out.withMutableBase { po in
            x.scalars.withBase { px in
                for sample in 0..<b {
                    for i in 0..<gh {
                        for j in 0..<gw {
                            let token = po + ((sample * gh + i) * gw + j) * width
                            for ch in 0..<c {
                                for u in 0..<p {
                                    let src = px + ((sample * c + ch) * hh + i * p + u) * ww + j * p
                                    for w in 0..<p { token[(ch * p + u) * p + w] = src[w] }
                                }
                            }
                        }
                    }
                }
            }
        }
        return Tensor(shape: [b, gh * gw, width], scalars: out)
    }

    /// Inverse of the DiT output layout: tokens holding `(p, q, c)` patches back into images.
    ///
    /// - Parameter x: `[B, h*w, p*p*C]`, last dimension ordered `(pi, qi, c)`.
    /// - Returns: `[B, C, h*p, w*p]`.
    package static func unpatchify(_ x: Tensor, gridHeight h: Int, gridWidth w: Int, patch p: Int, channels c: Int) -> Tensor {
        let b = x.shape[0]
        precondition(x.shape == [b, h * w, p * p * c], "unpatchify: \(x.shape) for grid \(h)x\(w), patch \(p), \(c) channels")
        let (hh, ww) = (h * p, w * p)
        var out = [Float](repeating: 0, count: b * c * hh * ww)
        out.withMutableBase { po in
            x.scalars.withBase { px in
                for sample in 0..<b {
                    for i in 0..<h {
                        for j in 0..<w {
                            let token = px + ((sample * h + i) * w + j) * p * p * c
                            for u in 0..<p {
                                for v in 0..<p {
                                    for ch in 0..<c {
                                        po[((sample * c + ch) * hh + i * p + u) * ww + j * p + v] = token[(u * p + v) * c + ch]
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return Tensor(shape: [b, c, hh, ww], scalars: out)
    }
}
