#!/usr/bin/env python3
"""Fake ecad worker: speaks the JSON-lines worker protocol (docs/worker-protocol.md) without any model.

A test double for the daemon's tests. Behaviour is steered by the prompts of a generate/evaluate request:
  "crash"               exit abruptly (status 3) when the request arrives
  "crash-once:PATH"     crash if PATH does not exist (and create it), else behave normally
  "hang"                stop heartbeating and never answer
  "hang-once:PATH"      hang if PATH does not exist (and create it), else behave normally
  "wait-for:PATH"       keep heartbeating, answer only once PATH exists
  "pid-to:PATH"         write the worker's pid to PATH first
  "echo:TEXT"           write TEXT to stderr as it is (a log line)
anything else renders a small deterministic PNG per prompt x seed into the artifact dir (and grid.png when the
request has "grid": true).

evaluate answers the optional fields of evaluate jobs (docs/worker-protocol.md) only when asked, deterministically;
with f = ones / size the compute fraction of a schedule and fb that of the baseline:
  baseline_index B     psnr = round(10 + 40 * f, 6), ssim = round(0.5 + 0.49 * f, 6); a schedule whose bits equal
                       the baseline's (the baseline itself included) gets ssim 1.0 and no psnr (infinite)
  frechet_reference    only "prompts": frechet_distance = round(5 * (1 - f) + 0.25, 6)
  latency_repeats N    1..10: latency_repeats = [0.001 * ones * (1 + 0.01 * r) for r in 0..N-1],
                       latency_seconds = their median
  image_directory D    an existing absolute directory: writes 8x8 PNGs D/s<k>/p<p>-s<seed>.png (one color from
                       sha256(prompt|seed|bits)) and D/s<k>/grid.png (the tiles, rows = prompts, columns = seeds);
                       images lists the relative paths prompt-major then seed, grid the grid's
A bad value (B out of range, N outside 1..10, another reference name, D relative or missing) is answered with a
bad_request error naming the field.
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
    write_png(path, [[bytes(rgb)] * 8] * 8)


def write_png(path, rows):
    """rows: a list of pixel rows, each a list of 3-byte RGB pixels (8-bit truecolor PNG)."""
    raw = b"".join(b"\x00" + b"".join(row) for row in rows)
    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", len(rows[0]), len(rows), 8, 2, 0, 0, 0)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw))
                + chunk(b"IEND", b""))


def steer(prompts):
    """Apply the behaviour switches; returns normally when the request should be answered."""
    for p in prompts:
        if p.startswith("pid-to:"):
            with open(p.split(":", 1)[1], "w") as f:
                f.write(str(os.getpid()))
        if p.startswith("echo:"):
            log(p[len("echo:"):])
        if p == "crash":
            log("crashing as asked")
            os._exit(3)
        if p.startswith("crash-once:"):
            marker = p.split(":", 1)[1]
            if not os.path.exists(marker):
                open(marker, "w").close()
                log("crashing once as asked")
                os._exit(3)
        if p.startswith("hang-once:"):
            marker = p.split(":", 1)[1]
            if not os.path.exists(marker):
                open(marker, "w").close()
                p = "hang"
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
    images, total, tiles = [], len(req["prompts"]) * len(req["seeds"]), {}
    macs = float(ones(req["schedule"]) if req.get("schedule") else STEPS * BLOCKS * 3) * 1e6
    for i, prompt in enumerate(req["prompts"]):
        for seed in req["seeds"]:
            start = time.monotonic()
            digest = hashlib.sha256(("%s|%d" % (prompt, seed)).encode()).digest()
            path = os.path.join(req["artifact_dir"], "p%03d-s%d.png" % (i, seed))
            png(path, digest[:3])
            tiles.setdefault(i, []).append(bytes(digest[:3]))
            images.append({"prompt_index": i, "seed": seed, "path": path,
                           "latency_seconds": time.monotonic() - start, "macs": macs})
            send({"type": "progress", "id": rid, "done": len(images), "total": total})
    answer = {"type": "result", "of": "generate", "id": rid, "images": images}
    if req.get("grid"):
        # rows = prompts, columns = seeds, 8x8 tiles (grid_columns is accepted and ignored by this double)
        grid = os.path.join(req["artifact_dir"], "grid.png")
        write_png(grid, [[rgb for rgb in tiles[i] for _ in range(8)] for i in sorted(tiles) for _ in range(8)])
        answer["grid"] = grid
    return answer


def check_evaluate_options(req):
    """Raises ValueError naming the first bad optional evaluate field."""
    base = req.get("baseline_index")
    if base is not None and not 0 <= base < len(req["schedules"]):
        raise ValueError("baseline_index %r is out of range" % base)
    ref = req.get("frechet_reference")
    if ref is not None and ref != "prompts":
        raise ValueError("frechet_reference %r is not supported; supported: \"prompts\"" % ref)
    repeats = req.get("latency_repeats")
    if repeats is not None and not 1 <= repeats <= 10:
        raise ValueError("latency_repeats must be 1...10, got %r" % repeats)
    folder = req.get("image_directory")
    if folder is not None and not (os.path.isabs(folder) and os.path.isdir(folder)):
        raise ValueError("image_directory %r is not an existing absolute directory" % folder)


def write_images(folder, k, sched, prompts, seeds):
    os.makedirs(os.path.join(folder, "s%d" % k), exist_ok=True)
    paths, tiles = [], []
    for i, prompt in enumerate(prompts):
        row = []
        for seed in seeds:
            rgb = bytes(hashlib.sha256(("%s|%d|%s" % (prompt, seed, sched["bits"])).encode()).digest()[:3])
            path = "s%d/p%d-s%d.png" % (k, i, seed)
            write_png(os.path.join(folder, path), [[rgb] * 8] * 8)
            paths.append(path)
            row.append(rgb)
        tiles.append(row)
    grid = "s%d/grid.png" % k
    write_png(os.path.join(folder, grid), [[rgb for rgb in row for _ in range(8)] for row in tiles for _ in range(8)])
    return paths, grid


def evaluate(rid, req):
    steer(req["prompts"])
    check_evaluate_options(req)
    base = req.get("baseline_index")
    evals = []
    for k, sched in enumerate(req["schedules"]):
        n = ones(sched)
        size = sched["steps"] * sched["blocks"] * len(sched["components"])
        f = n / max(size, 1)
        rewards = [round(f * (0.5 + 0.5 * ((j % 3) / 2)), 6) for j in range(len(req["prompts"]))]
        ev = {"index": k, "rewards": rewards, "macs": n * 1e6, "latency_seconds": 0.001 * n}
        if base is not None:
            if sched["bits"] == req["schedules"][base]["bits"]:
                ev["ssim"] = 1.0
            else:
                ev["psnr"], ev["ssim"] = round(10 + 40 * f, 6), round(0.5 + 0.49 * f, 6)
        if req.get("frechet_reference") is not None:
            ev["frechet_distance"] = round(5 * (1 - f) + 0.25, 6)
        if req.get("latency_repeats") is not None:
            runs = [0.001 * n * (1 + 0.01 * r) for r in range(req["latency_repeats"])]
            ev["latency_repeats"] = runs
            ev["latency_seconds"] = sorted(runs)[len(runs) // 2] if len(runs) % 2 else \
                (sorted(runs)[len(runs) // 2 - 1] + sorted(runs)[len(runs) // 2]) / 2
        if req.get("image_directory") is not None:
            ev["images"], ev["grid"] = write_images(req["image_directory"], k, sched, req["prompts"], req["seeds"])
        evals.append(ev)
        send({"type": "progress", "id": rid, "done": k + 1, "total": len(req["schedules"])})
    return {"type": "result", "of": "evaluate", "id": rid, "evaluations": evals}


def run_request(rid, kind, req):
    try:
        if state["loaded"] is None:
            reply = {"type": "error", "id": rid, "code": "not_loaded", "message": "load a model first", "fatal": False}
        else:
            reply = generate(rid, req) if kind == "generate" else evaluate(rid, req)
    except (KeyError, TypeError) as err:
        reply = {"type": "error", "id": rid, "code": "bad_request", "message": "bad field: %r" % (err,), "fatal": False}
    except ValueError as err:
        reply = {"type": "error", "id": rid, "code": "bad_request", "message": str(err), "fatal": False}
    except OSError as err:  # e.g. a full disk under the artifact dir
        reply = {"type": "error", "id": rid, "code": "io_error", "message": str(err), "fatal": False}
    # Free before answering: the daemon may send its next request as soon as it reads the answer.
    state["busy"] = False
    send(reply)


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
