"""Stand-ins for `ecad-worker serve` and `ecad shapes score`, so the sampling scripts are tested without binaries.

fake worker: generate draws a flat 32x32 image per prompt x seed whose red channel is 200 x the schedule's compute
fraction (uncached: 200), green = 10 x prompt index, blue = seed. With FAKE_WORKER_PAIRED=1 it behaves like
workers built before prompts were crossed with seeds: it needs one seed per prompt and pairs them.
fake ecad: `shapes score DIR` prints total = mean red / 200 and every part = total.
"""

import base64
import json
import os
import sys

import numpy as np
from PIL import Image


def worker() -> None:
    paired = os.environ.get("FAKE_WORKER_PAIRED") == "1"
    for line in sys.stdin:
        msg = json.loads(line)
        reply = {"v": 1, "type": "result", "of": msg["type"], "id": msg["id"]}
        if msg["type"] == "load":
            reply.update(steps=20, blocks=2, components=["self_attn", "cross_attn", "ff"])
        elif msg["type"] == "generate":
            prompts, seeds = msg["prompts"], msg["seeds"]
            if paired and len(seeds) != len(prompts):
                print(json.dumps({"v": 1, "type": "error", "id": msg["id"], "message": "need one seed per prompt"}),
                      flush=True)
                continue
            bits = msg["schedule"] and np.unpackbits(np.frombuffer(base64.b64decode(msg["schedule"]["bits"]), np.uint8))
            fraction = 1.0 if bits is None else float(bits[: msg["schedule"]["steps"] * 2 * 3].mean())
            pairs = list(zip(range(len(prompts)), seeds)) if paired else [(p, s) for p in range(len(prompts))
                                                                          for s in seeds]
            images = []
            for p, s in reversed(pairs):
                path = os.path.join(msg["artifact_dir"], f"p{p:03}-s{s}.png")
                Image.new("RGB", (32, 32), (round(200 * fraction), 10 * p, s)).save(path)
                images.append({"prompt_index": p, "seed": s, "path": path})
            reply["images"] = images
        print(json.dumps({"v": 1, "type": "heartbeat", "id": msg["id"]}), flush=True)
        print(json.dumps(reply), flush=True)
        if msg["type"] == "shutdown":
            return


def ecad() -> None:
    assert sys.argv[2:4] == ["shapes", "score"], sys.argv
    images = np.fromfile(os.path.join(sys.argv[4], "images.u8"), dtype=np.uint8).reshape(-1, 32, 32, 3)
    total = float(images[..., 0].mean()) / 200
    parts = {k: total for k in ("color", "shape", "size", "position", "background", "relation")}
    print(json.dumps({"count": len(images), "total": total, **parts, "accuracy": parts, "accuracyAll": total}))


def install(directory) -> tuple[str, str]:
    """Writes executable `ecad-worker` and `ecad` wrappers into `directory`; returns their paths."""
    paths = []
    for name, role in (("ecad-worker", "worker"), ("ecad", "ecad")):
        path = os.path.join(directory, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(f'#!/bin/sh\nexec "{sys.executable}" "{os.path.abspath(__file__)}" {role} "$@"\n')
        os.chmod(path, 0o755)
        paths.append(path)
    return paths[0], paths[1]


if __name__ == "__main__":
    worker() if sys.argv[1] == "worker" else ecad()
