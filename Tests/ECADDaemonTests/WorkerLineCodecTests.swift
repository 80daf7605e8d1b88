import ECADCore
import ECADWorkerProtocol
import Foundation
import Testing

/// The JSON-lines codec: round trips, the wire spelling, and errors naming what is wrong.
struct WorkerLineCodecTests {
    let codec = WorkerLineCodec()

    @Test("commands survive a round trip")
    func commandRoundTrip() throws {
        let sampler = SamplerSettings(name: "dpmpp-2m", steps: 20, guidance: 4.5)
        let schedule = WireSchedule.computeAll(steps: 2, blocks: 3, components: ["self_attn", "ff"])
        let commands: [WorkerCommand] = [
            .init(id: "1", request: .hello(HelloRequest(daemonVersion: "t"))),
            .init(id: "2", request: .load(LoadRequest(model: "shapes32", path: "/m", device: "cpu"))),
            .init(id: "3", request: .evaluate(EvaluateRequest(schedules: [schedule], prompts: ["a"], seeds: [7], sampler: sampler))),
            .init(id: "4", request: .generate(GenerateRequest(schedule: nil, prompts: ["a"], seeds: [1, 2], sampler: sampler, artifactDir: "/tmp/x"))),
            .init(id: "5", request: .shutdown(ShutdownRequest(reason: "bye"))),
        ]
        for command in commands {
            let line = try codec.encode(command)
            #expect(line.last == UInt8(ascii: "\n"))
            #expect(try codec.decodeCommand(line) == command)
        }
    }

    @Test("replies survive a round trip")
    func replyRoundTrip() throws {
        let replies: [WorkerReply] = [
            .capabilities("1", Capabilities(protocolVersion: 1, backend: "native", models: [.init(id: "shapes32")], devices: ["cpu"], workerVersion: "1")),
            .progress("3", ProgressReport(done: 1, total: 4, message: "x")),
            .heartbeat(Heartbeat(seq: 9)),
            .loaded("2", LoadResult(model: "shapes32", steps: 20, blocks: 4, components: ["ff"])),
            .evaluated("3", EvaluateResult(evaluations: [.init(index: 0, rewards: [0.5], macs: 1e9, latencySeconds: 0.1)])),
            .generated("4", GenerateResult(images: [.init(promptIndex: 0, seed: 1, path: "/a.png", latencySeconds: 0.2, macs: 3)])),
            .shutDown("5"),
            .failure(nil, WorkerFailure(code: "bad_request", message: "no")),
        ]
        for reply in replies {
            #expect(try codec.decodeReply(codec.encode(reply)) == reply)
        }
    }

    @Test("the wire uses snake_case, the envelope fields and `of` on results")
    func wireSpelling() throws {
        let line = String(decoding: try codec.encode(WorkerReply.generated("4", GenerateResult(images: [
            .init(promptIndex: 2, seed: 1, path: "/a.png", latencySeconds: 0.5, macs: 1),
        ]))), as: UTF8.self)
        #expect(line.contains(#""type":"result""#))
        #expect(line.contains(#""of":"generate""#))
        #expect(line.contains(#""v":1"#))
        #expect(line.contains(#""prompt_index":2"#))
        #expect(line.contains(#""latency_seconds":0.5"#))
    }

    @Test("bad lines are refused with an error naming the problem", arguments: [
        ("not json", WorkerProtocolError.Code.badField, "not valid JSON"),
        (#"{"v":2,"type":"heartbeat","seq":1}"#, .unsupportedVersion, "\"v\": 2"),
        (#"{"v":1,"type":"dance"}"#, .unexpectedKind, "dance"),
        (#"{"v":1,"type":"result","id":"1","of":"hello"}"#, .unexpectedKind, "hello"),
        (#"{"v":1,"type":"progress","id":"1","done":"x","total":2}"#, .badField, "done"),
        (#"{"v":1,"type":"progress","done":1,"total":2}"#, .badField, "without \"id\""),
    ])
    func badLines(line: String, code: WorkerProtocolError.Code, mention: String) {
        #expect {
            _ = try codec.decodeReply(Data(line.utf8))
        } throws: { error in
            guard let error = error as? WorkerProtocolError else { return false }
            return error.code == code && error.message.contains(mention)
        }
    }

    @Test("computeAll sets exactly steps x blocks x components bits")
    func computeAllBits() throws {
        let schedule = WireSchedule.computeAll(steps: 3, blocks: 1, components: ["a", "b", "c"])
        let bytes = try #require(Data(base64Encoded: schedule.bits))
        #expect(bytes.count == 2)
        #expect(bytes.reduce(0) { $0 + $1.nonzeroBitCount } == 9)
    }

    @Test("computeAll pads like ECADCore: most significant bits first, spare low bits zero")
    func computeAllPaddingMatchesCore() throws {
        // 3 steps x 1 block x 3 components = 9 bits: not a multiple of 8.
        let schedule = WireSchedule.computeAll(steps: 3, blocks: 1, components: ["self_attn", "cross_attn", "ff"])
        let bytes = try #require(Data(base64Encoded: schedule.bits))
        #expect([UInt8](bytes) == [0xFF, 0x80])
        let core = try Schedule(steps: 3, layout: try BlockLayout.pixart(blocks: 1), base64Bits: schedule.bits)
        #expect(core.bits == Array(repeating: true, count: 9))
        #expect(core.base64Bits == schedule.bits)
    }
}
