import ECADCore

/// Reads the raw prompts of one public prompt set file, in file order, as its format stores them.
///
/// Only reads: cleaning up, sampling and limiting are ``PromptSelection``'s.
struct PromptSetReader {
    /// The file's format.
    let format: PromptSetFormat
    /// The column holding the prompt (`parti`).
    var column = "Prompt"
    /// Keep only prompts of this category (`parti`: the `Category` column; `mjhq`: the `category` key).
    var category: String?
    /// Keep only the first caption of each image (`coco`; COCO has about five per image).
    var onePerImage = false

    /// The prompts in `bytes`, the contents of the file called `name`.
    /// - Throws: ``PromptImportError`` naming the file and what does not match the format.
    func read(_ bytes: [UInt8], name: String) throws(PromptImportError) -> [String] {
        if category != nil, format != .parti, format != .mjhq {
            throw PromptImportError("--category applies to parti and mjhq files only")
        }
        if onePerImage, format != .coco { throw PromptImportError("--one-per-image applies to coco files only") }
        let prompts: [String]
        switch format {
        case .text: prompts = try PromptTable.lines(text(bytes, name: name))
        case .parti:
            let table = try PromptTable(tsv: text(bytes, name: name), name: name)
            prompts = try table.column(column, where: category.map { ("Category", $0) })
        case .coco: prompts = try coco(json(bytes, name: name), name: name)
        case .mjhq: prompts = try mjhq(json(bytes, name: name), name: name)
        case .imagereward: prompts = try imageReward(json(bytes, name: name), name: name)
        }
        guard !prompts.isEmpty else {
            let filter = category.map { " of category \"\($0)\"" } ?? ""
            throw PromptImportError("\(name): no prompts\(filter) found (expected \(format.expectation))")
        }
        return prompts
    }

    private func text(_ bytes: [UInt8], name: String) throws(PromptImportError) -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw PromptImportError("\(name) is not UTF-8 text (expected \(format.expectation))")
        }
        return text
    }

    private func json(_ bytes: [UInt8], name: String) throws(PromptImportError) -> JSONValue {
        do {
            return try JSONParser.parse(bytes)
        } catch {
            throw PromptImportError(
                "\(name) is not JSON (\(error.description)); format \(format.rawValue) expects \(format.expectation)")
        }
    }

    /// `annotations[].caption`, optionally the first per `image_id`.
    private func coco(_ root: JSONValue, name: String) throws(PromptImportError) -> [String] {
        guard case .array(let annotations) = root["annotations"] ?? .null else {
            throw PromptImportError("\(name): no \"annotations\" array; expected \(format.expectation)")
        }
        var seen = Set<String>()
        var prompts: [String] = []
        for (index, annotation) in annotations.enumerated() {
            let caption = try string(annotation, key: "caption", at: "\(name): annotations[\(index)]")
            if onePerImage {
                guard case .number(let image) = annotation["image_id"] ?? .null else {
                    throw PromptImportError("\(name): annotations[\(index)] has no numeric \"image_id\"")
                }
                guard seen.insert(image).inserted else { continue }
            }
            prompts.append(caption)
        }
        return prompts
    }

    /// The `prompt` of each member, in file order, optionally of one `category`.
    private func mjhq(_ root: JSONValue, name: String) throws(PromptImportError) -> [String] {
        guard let members = root.objectMembers else {
            throw PromptImportError(
                "\(name): the top level is \(root.typeName), not an object; expected \(format.expectation)")
        }
        var prompts: [String] = []
        for member in members {
            let place = "\(name): \"\(member.key)\""
            if let category, try string(member.value, key: "category", at: place) != category { continue }
            prompts.append(try string(member.value, key: "prompt", at: place))
        }
        return prompts
    }

    /// An array of `{"prompt": ...}` objects or of strings.
    private func imageReward(_ root: JSONValue, name: String) throws(PromptImportError) -> [String] {
        guard case .array(let items) = root else {
            throw PromptImportError(
                "\(name): the top level is \(root.typeName), not an array; expected \(format.expectation)")
        }
        var prompts: [String] = []
        for (index, item) in items.enumerated() {
            if let text = item.stringValue {
                prompts.append(text)
            } else {
                prompts.append(try string(item, key: "prompt", at: "\(name)[\(index)]"))
            }
        }
        return prompts
    }

    private func string(_ value: JSONValue, key: String, at place: String) throws(PromptImportError) -> String {
        guard let text = value[key]?.stringValue else {
            throw PromptImportError("\(place) has no string \"\(key)\"; expected \(format.expectation)")
        }
        return text
    }
}
