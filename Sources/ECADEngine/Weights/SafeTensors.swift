import Foundation

/// Reads and writes the safetensors format: an 8-byte little-endian header length, a JSON header
/// `{name: {dtype, shape, data_offsets}}`, then the raw little-endian tensor bytes.
///
/// Reading converts F32, F16, BF16, F64, I64 and I32 to `Float`.
public enum SafeTensors {
    private struct Entry: Decodable {
        let dtype: String
        let shape: [Int]
        // swiftlint:disable:next identifier_name
        let data_offsets: [Int]
    }

    /// Loads every tensor of the file at `path`.
    public static func read(path: String) throws -> [String: Tensor] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EngineError.io(path: path, reason: "no such file or not readable")
        }
        return try decode(data, path: path)
    }

    /// Decodes a safetensors byte buffer; `path` only names the source in errors.
    public static func decode(_ data: Data, path: String) throws -> [String: Tensor] {
        let bytes = [UInt8](data)
        guard bytes.count >= 8 else { throw EngineError.malformedSafetensors(path: path, reason: "shorter than 8 bytes") }
        var headerLength = 0
        for i in 0..<8 { headerLength |= Int(bytes[i]) << (8 * i) }
        guard headerLength > 0, 8 + headerLength <= bytes.count else {
            throw EngineError.malformedSafetensors(path: path, reason: "header length \(headerLength) exceeds the file")
        }
        let headerData = Data(bytes[8..<(8 + headerLength)])
        guard let object = try? JSONSerialization.jsonObject(with: headerData) as? [String: Any] else {
            throw EngineError.malformedSafetensors(path: path, reason: "header is not a JSON object")
        }
        let dataStart = 8 + headerLength
        var tensors: [String: Tensor] = [:]
        for (name, value) in object where name != "__metadata__" {
            guard let raw = try? JSONSerialization.data(withJSONObject: value),
                let entry = try? JSONDecoder().decode(Entry.self, from: raw), entry.data_offsets.count == 2
            else { throw EngineError.malformedSafetensors(path: path, reason: "bad header entry for '\(name)'") }
            let (begin, end) = (dataStart + entry.data_offsets[0], dataStart + entry.data_offsets[1])
            guard begin <= end, end <= bytes.count else {
                throw EngineError.malformedSafetensors(path: path, reason: "data of '\(name)' lies outside the file")
            }
            let count = entry.shape.reduce(1, *)
            let scalars = try convert(bytes[begin..<end], dtype: entry.dtype, name: name)
            guard scalars.count == count else {
                throw EngineError.malformedSafetensors(path: path, reason: "'\(name)' holds \(scalars.count) values for shape \(entry.shape)")
            }
            tensors[name] = Tensor(shape: entry.shape, scalars: scalars)
        }
        return tensors
    }

    private static func convert(_ bytes: ArraySlice<UInt8>, dtype: String, name: String) throws -> [Float] {
        let base = bytes.startIndex
        func word(_ index: Int, width: Int) -> UInt64 {
            var value: UInt64 = 0
            for i in 0..<width { value |= UInt64(bytes[base + index * width + i]) << (8 * UInt64(i)) }
            return value
        }
        switch dtype {
        case "F32": return (0..<(bytes.count / 4)).map { Float(bitPattern: UInt32(word($0, width: 4))) }
        case "F16": return (0..<(bytes.count / 2)).map { Float(Float16(bitPattern: UInt16(word($0, width: 2)))) }
        case "BF16": return (0..<(bytes.count / 2)).map { Float(bitPattern: UInt32(word($0, width: 2)) << 16) }
        case "F64": return (0..<(bytes.count / 8)).map { Float(Double(bitPattern: word($0, width: 8))) }
        case "I64": return (0..<(bytes.count / 8)).map { Float(Int64(bitPattern: word($0, width: 8))) }
        case "I32": return (0..<(bytes.count / 4)).map { Float(Int32(bitPattern: UInt32(word($0, width: 4)))) }
        default: throw EngineError.unsupportedDType(name: name, dtype: dtype)
        }
    }

    /// Encodes tensors as an F32 safetensors buffer (names sorted, as the reference writer does).
    public static func encode(_ tensors: [String: Tensor]) throws -> Data {
        var header: [String: Any] = [:]
        var payload = Data()
        for name in tensors.keys.sorted() {
            guard let tensor = tensors[name] else { continue }
            let begin = payload.count
            for value in tensor.scalars {
                withUnsafeBytes(of: value.bitPattern.littleEndian) { payload.append(contentsOf: $0) }
            }
            header[name] = ["dtype": "F32", "shape": tensor.shape, "data_offsets": [begin, payload.count]]
        }
        var headerData = try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys])
        while headerData.count % 8 != 0 { headerData.append(0x20) }
        var out = Data()
        withUnsafeBytes(of: UInt64(headerData.count).littleEndian) { out.append(contentsOf: $0) }
        out.append(headerData)
        out.append(payload)
        return out
    }

    /// Writes tensors as an F32 safetensors file.
    public static func write(_ tensors: [String: Tensor], to path: String) throws {
        let data = try encode(tensors)
        do { try data.write(to: URL(fileURLWithPath: path)) } catch {
            throw EngineError.io(path: path, reason: "\(error)")
        }
    }
}
