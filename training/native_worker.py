"""Sampling through `ecad-worker serve` and scoring through `ecad shapes score`, shared by the training scripts.

`Worker` speaks the worker protocol (docs/worker-protocol.md) on a child process's stdin/stdout; `generate` asks it
for prompts x seeds images under one schedule and returns them as one uint8 array; `write_raw` and `score` put an
image set in the render layout (images.u8, prompts.txt, manifest.json) and read the Swift reward back.
"""

from __future__ import annotations

import base64
import json
import os
import subprocess

import numpy as np
from PIL import Image

COMPONENTS = ["self_attn", "cross_attn", "ff"]


class Worker:
    """One `ecad-worker serve` child: hello, load, then any number of requests; `close` shuts it down."""

    def __init__(self, binary: str):
        self.proc = subprocess.Popen([binary, "serve"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.next_id = 0
        self.steps = 0
        self.blocks = 0

    def request(self, kind: str, **fields) -> dict:
        """Sends one request and returns its result, skipping progress and heartbeat lines."""
        self.next_id += 1
        rid = str(self.next_id)
        self.proc.stdin.write(json.dumps({"v": 1, "type": kind, "id": rid, **fields}) + "\n")
        self.proc.stdin.flush()
        for line in self.proc.stdout:
            msg = json.loads(line)
            if msg.get("id") != rid or msg["type"] in ("progress", "heartbeat"):
                continue
            if msg["type"] == "error":
                raise RuntimeError(msg["message"])
            return msg
        raise RuntimeError("worker exited")

    def open(self, model_dir: str, client: str) -> dict:
        """hello + load of the model folder; remembers its steps and blocks."""
        self.request("hello", protocol_versions=[1], heartbeat_interval=2.0, daemon_version=client)
        loaded = self.request("load", model="shapes32", path=os.path.abspath(model_dir), device="cpu")
        self.steps, self.blocks = loaded["steps"], loaded["blocks"]
        return loaded

    def close(self) -> None:
        self.request("shutdown", reason="done")
        self.proc.wait(timeout=60)

    def generate(self, prompts: list[str], seeds: list[int], out_dir: str, bits: str | None = None,
                 guidance: float = 4.5) -> np.ndarray:
        """Every prompt under every seed; uint8 [len(prompts) * len(seeds), 32, 32, 3], prompt-major then seed.

        `bits` is a packed schedule (see `pack_bits`); None computes everything. PNGs go to `out_dir`/s<seed>/.
        One request per seed, so the images do not depend on whether the worker crosses prompts with seeds (the
        protocol) or pairs them one to one (workers built before the crossing, which refuse a single seed).
        """
        schedule = None if bits is None else {"steps": self.steps, "blocks": self.blocks, "components": COMPONENTS,
                                               "bits": bits}
        sampler = {"name": "dpmpp-2m", "steps": self.steps, "guidance": guidance}
        per_seed = []
        for seed in seeds:
            d = os.path.abspath(os.path.join(out_dir, f"s{seed}"))
            os.makedirs(d, exist_ok=True)
            try:
                result = self.request("generate", schedule=schedule, prompts=prompts, seeds=[seed], sampler=sampler,
                                      artifact_dir=d)
            except RuntimeError as error:
                if "one seed per prompt" not in str(error):
                    raise
                result = self.request("generate", schedule=schedule, prompts=prompts, seeds=[seed] * len(prompts),
                                      sampler=sampler, artifact_dir=d)
            images = sorted(result["images"], key=lambda im: im["prompt_index"])
            if len(images) != len(prompts):
                raise RuntimeError(f"worker returned {len(images)} images for {len(prompts)} prompts and seed {seed}")
            per_seed.append(np.stack([np.asarray(Image.open(im["path"]).convert("RGB")) for im in images]))
        return np.stack(per_seed, axis=1).reshape(-1, 32, 32, 3).astype(np.uint8)


def pack_bits(steps: int, blocks: int, compute_steps: set[int]) -> str:
    """Schedule that computes every block and component at the steps in `compute_steps` and reuses elsewhere."""
    bits = [1 if step in compute_steps else 0 for step in range(steps) for _ in range(blocks) for _ in COMPONENTS]
    return base64.b64encode(np.packbits(np.array(bits, dtype=np.uint8), bitorder="big").tobytes()).decode()


def write_raw(directory: str, images: np.ndarray, prompts: list[str], **manifest) -> str:
    """Writes images [N, 32, 32, 3] uint8 and their N prompts in the layout `ecad shapes score` reads."""
    os.makedirs(directory, exist_ok=True)
    images.astype(np.uint8).tofile(os.path.join(directory, "images.u8"))
    with open(os.path.join(directory, "prompts.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(prompts) + "\n")
    with open(os.path.join(directory, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump({"count": len(prompts), "width": 32, "height": 32, "format": "raw", **manifest}, f)
    return directory


def score(ecad: str, directory: str) -> dict:
    """`ecad shapes score DIR`: mean total, parts and accuracy of a raw set."""
    out = subprocess.run([ecad, "shapes", "score", directory], check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def score_each(ecad: str, images: np.ndarray, prompts: list[str], scratch: str) -> list[dict]:
    """Scores image i against prompts[i] one at a time (`ecad shapes score` reports means only)."""
    return [score(ecad, write_raw(os.path.join(scratch, "one"), images[i:i + 1], [prompts[i]]))
            for i in range(len(prompts))]
