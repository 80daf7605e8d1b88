#!/usr/bin/env python3
"""Fake ecad worker: speaks the JSON-lines worker protocol (docs/worker-protocol.md) without any model.

A test double for the daemon's tests. Behaviour is steered by the prompts of a generate/evaluate request:
  "crash"               exit abruptly (status 3) when the request arrives
  "crash-once:PATH"     crash if PATH does not exist (and create it), else behave normally
  "hang"                stop heartbeating and never answer
  "wait-for:PATH"       keep heartbeating, answer only once PATH exists
anything else renders a small deterministic PNG per prompt x seed into the artifact dir.
"""
import hashlib
import json
import os
import struct
import sys
import threading
import time
import zlib

VERSION = 1
COMPONENTS = ["self_attn", "cross_attn", "ff"]
STEPS, BLOCKS = 20, 4
out_lock = threading.Lock()
state = {"heartbeat": 2.0, "loaded": None, "hung": False, "busy": False}


def send(msg):
    msg = dict(msg, v=VERSION)
    with out_lock:
        sys.stdout.write(json.dumps(msg, sort_keys=True) + "\n")
        sys.stdout.flush()


def log(text):
    sys.stderr.write("fake-worker: %s\n" % text)
    sys.stderr.flush()


def heartbeats():
    seq, last = 0, time.monotonic()
    while True:
        time.sleep(0.02)
        if state["hung"]:
            return
        if time.monotonic() - last >= state["heartbeat"]:
            send({"type": "heartbeat", "seq": seq})
            seq, last = seq + 1, time.monotonic()


def png(path, rgb):
    raw = b"".join(b"\x00" + bytes(rgb) * 8 for _ in range(8))
    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def steer(prompts):
    """Apply the behaviour switches; returns normally when the request should be answered."""
    for p in prompts:
        if p == "crash":
            log("crashing as asked")
            os._exit(3)
        if p.startswith("crash-once:"):
            marker = p.split(":", 1)[1]
            if not os.path.exists(marker):
                open(marker, "w").close()
                log("crashing once as asked")
                os._exit(3)
        if p == "hang":
            log("hanging as asked")
            state["hung"] = True
            while True:
                time.sleep(3600)
        if p.startswith("wait-for:"):
            path = p.split(":", 1)[1]
            while not os.path.exists(path):
                time.sleep(0.02)


def ones(schedule):
    bits = __import__("base64").b64decode(schedule["bits"])
    return sum(bin(b).count("1") for b in bits)


def generate(rid, req):
    steer(req["prompts"])
    images, total = [], len(req["prompts"]) * len(req["seeds"])
    macs = float(ones(req["schedule"]) if req.get("schedule") else STEPS * BLOCKS * 3) * 1e6
    for i, prompt in enumerate(req["prompts"]):
        for seed in req["seeds"]:
            start = time.monotonic()
            digest = hashlib.sha256(("%s|%d" % (prompt, seed)).encode()).digest()
            path = os.path.join(req["artifact_dir"], "p%03d-s%d.png" % (i, seed))
            png(path, digest[:3])
            images.append({"prompt_index": i, "seed": seed, "path": path,
                           "latency_seconds": time.monotonic() - start, "macs": macs})
            send({"type": "progress", "id": rid, "done": len(images), "total": total})
    return {"type": "result", "of": "generate", "id": rid, "images": images}


def evaluate(rid, req):
    steer(req["prompts"])
    evals = []
    for k, sched in enumerate(req["schedules"]):
        n = ones(sched)
        size = sched["steps"] * sched["blocks"] * len(sched["components"])
        rewards = [round(n / max(size, 1) * (0.5 + 0.5 * ((j % 3) / 2)), 6) for j in range(len(req["prompts"]))]
        evals.append({"index": k, "rewards": rewards, "macs": n * 1e6, "latency_seconds": 0.001 * n})
        send({"type": "progress", "id": rid, "done": k + 1, "total": len(req["schedules"])})
    return {"type": "result", "of": "evaluate", "id": rid, "evaluations": evals}


def run_request(rid, kind, req):
    try:
        if state["loaded"] is None:
            send({"type": "error", "id": rid, "code": "not_loaded", "message": "load a model first", "fatal": False})
            return
        send(generate(rid, req) if kind == "generate" else evaluate(rid, req))
    except (KeyError, TypeError, ValueError) as err:
        send({"type": "error", "id": rid, "code": "bad_request", "message": "bad field: %r" % (err,), "fatal": False})
    finally:
        state["busy"] = False


def main():
    threading.Thread(target=heartbeats, daemon=True).start()
    for line in sys.stdin:
        try:
            msg = json.loads(line)
            kind, rid = msg["type"], msg.get("id")
            if msg.get("v") != VERSION:
                raise ValueError("unsupported version %r" % msg.get("v"))
        except (ValueError, KeyError, TypeError) as err:
            send({"type": "error", "id": None, "code": "bad_request", "message": str(err), "fatal": False})
            continue
        if kind == "hello":
            state["heartbeat"] = float(msg.get("heartbeat_interval", 2.0))
            send({"type": "capabilities", "id": rid, "protocol_version": VERSION, "backend": "fake",
                  "models": [{"id": "fake", "components": COMPONENTS}], "devices": ["cpu"],
                  "worker_version": "fake-1"})
        elif kind == "load":
            if msg.get("model") != "fake":
                send({"type": "error", "id": rid, "code": "unknown_model",
                      "message": "unknown model %r" % msg.get("model"), "fatal": False})
                continue
            state["loaded"] = "fake"
            send({"type": "result", "of": "load", "id": rid, "model": "fake", "digest": "sha256:" + "0" * 64,
                  "steps": STEPS, "blocks": BLOCKS, "components": COMPONENTS})
        elif kind in ("generate", "evaluate"):
            if state["busy"]:
                send({"type": "error", "id": rid, "code": "busy", "message": "one request at a time", "fatal": False})
                continue
            state["busy"] = True
            threading.Thread(target=run_request, args=(rid, kind, msg), daemon=True).start()
        elif kind == "shutdown":
            log("shutdown: %s" % msg.get("reason"))
            send({"type": "result", "of": "shutdown", "id": rid})
            os._exit(0)
        else:
            send({"type": "error", "id": rid, "code": "bad_request", "message": "unknown type %r" % kind,
                  "fatal": False})
    os._exit(0)


if __name__ == "__main__":
    main()
