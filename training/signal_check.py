#!/usr/bin/env python3
"""Does caching move the shapes32 reward? The "search has a signal" check of docs/shapes32.md.

Samples the calibration prompts with the native engine (`ecad-worker serve`, generate requests) under uncached and
FORA every 2, 3, 4 and 6 steps, scores every image with the Swift reward (`ecad shapes score`), computes SSIM and
PSNR against the uncached image of the same prompt and seed, and prints per-schedule means with paired standard
errors. Also writes a contact sheet (prompts x uncached / FORA-2 / FORA-4).

  python training/signal_check.py --worker .build/release/ecad-worker --ecad .build/release/ecad \
      --model models/shapes32 --prompts jobs/prompts/shapes-calibration.txt --out /tmp/signal \
      --sheet docs/shapes32-contact-sheet.png
"""

from __future__ import annotations

import argparse
import base64
import json
import math
import os
import subprocess
import sys

import numpy as np
from PIL import Image

from native_worker import Worker

SCHEDULES = {"uncached": 1, "fora-2": 2, "fora-3": 3, "fora-4": 4, "fora-6": 6}


def fora_bits(steps: int, blocks: int, n: int) -> str:
    bits = [1 if step % n == 0 else 0 for step in range(steps) for _ in range(blocks) for _ in range(3)]
    packed = np.packbits(np.array(bits, dtype=np.uint8), bitorder="big")
    return base64.b64encode(packed.tobytes()).decode()


def ssim(a: np.ndarray, b: np.ndarray) -> float:
    """Gaussian-window SSIM (11 taps, sigma 1.5, per channel, averaged), images as float in [0, 255]."""
    x = np.arange(11) - 5
    g = np.exp(-x**2 / (2 * 1.5**2))
    g /= g.sum()

    def blur(img):
        pad = np.pad(img, ((5, 5), (5, 5)), mode="reflect")
        rows = np.apply_along_axis(lambda r: np.convolve(r, g, mode="valid"), 1, pad)
        return np.apply_along_axis(lambda c: np.convolve(c, g, mode="valid"), 0, rows)

    c1, c2 = (0.01 * 255) ** 2, (0.03 * 255) ** 2
    out = []
    for ch in range(3):
        p, q = a[..., ch], b[..., ch]
        mp, mq = blur(p), blur(q)
        vp, vq, cov = blur(p * p) - mp**2, blur(q * q) - mq**2, blur(p * q) - mp * mq
        out.append(np.mean(((2 * mp * mq + c1) * (2 * cov + c2)) / ((mp**2 + mq**2 + c1) * (vp + vq + c2))))
    return float(np.mean(out))


def psnr(a: np.ndarray, b: np.ndarray) -> float:
    mse = float(np.mean((a - b) ** 2))
    return math.inf if mse == 0 else 10 * math.log10(255**2 / mse)


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--worker", required=True)
    p.add_argument("--ecad", required=True)
    p.add_argument("--model", default="models/shapes32")
    p.add_argument("--prompts", default="jobs/prompts/shapes-calibration.txt")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--out", required=True)
    p.add_argument("--sheet", help="contact sheet PNG (first 16 prompts x uncached / FORA-2 / FORA-4)")
    args = p.parse_args(argv)
    prompts = [l.strip() for l in open(args.prompts, encoding="utf-8") if l.strip() and not l.startswith("#")]
    worker = Worker(args.worker)
    worker.request("hello", protocol_versions=[1], heartbeat_interval=2.0, daemon_version="signal-check")
    loaded = worker.request("load", model="shapes32", path=os.path.abspath(args.model), device="cpu")
    steps, blocks = loaded["steps"], loaded["blocks"]
    images, rewards = {}, {}
    for name, n in SCHEDULES.items():
        d = os.path.abspath(os.path.join(args.out, name))
        os.makedirs(d, exist_ok=True)
        schedule = {"steps": steps, "blocks": blocks, "components": ["self_attn", "cross_attn", "ff"],
                    "bits": fora_bits(steps, blocks, n)}
        result = worker.request("generate", schedule=schedule, prompts=prompts, seeds=[args.seed] * len(prompts),
                                sampler={"name": "dpmpp-2m", "steps": steps, "guidance": 4.5}, artifact_dir=d)
        ordered = sorted(result["images"], key=lambda im: im["prompt_index"])
        arr = np.stack([np.asarray(Image.open(im["path"]).convert("RGB")) for im in ordered])
        images[name] = arr.astype(np.float64)
        raw = os.path.join(d, "raw")
        os.makedirs(raw, exist_ok=True)
        arr.astype(np.uint8).tofile(os.path.join(raw, "images.u8"))
        with open(os.path.join(raw, "prompts.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(prompts) + "\n")
        with open(os.path.join(raw, "manifest.json"), "w", encoding="utf-8") as f:
            json.dump({"count": len(prompts), "width": 32, "height": 32, "format": "raw"}, f)
        per = subprocess.run([args.ecad, "shapes", "score", raw, "--per-image"], capture_output=True, text=True)
        if per.returncode == 0:
            rewards[name] = np.array([json.loads(l)["total"] for l in per.stdout.splitlines() if l.strip()])
        else:
            rewards[name] = np.array([_score_one(args.ecad, arr[i], prompts[i], raw) for i in range(len(prompts))])
    worker.request("shutdown", reason="done")
    base = rewards["uncached"]
    print(f"{'schedule':10} {'reward':>8} {'drop':>8} {'paired SE':>9} {'drop/SE':>8} {'SSIM':>6} {'PSNR dB':>8}")
    for name in SCHEDULES:
        diff = base - rewards[name]
        se = float(np.std(diff, ddof=1) / math.sqrt(len(diff))) if name != "uncached" else 0.0
        s = [ssim(images["uncached"][i], images[name][i]) for i in range(len(prompts))]
        q = [psnr(images["uncached"][i], images[name][i]) for i in range(len(prompts))]
        ratio = float(np.mean(diff)) / se if se > 0 else float("nan")
        print(f"{name:10} {np.mean(rewards[name]):8.4f} {np.mean(diff):8.4f} {se:9.4f} {ratio:8.1f} "
              f"{np.mean(s):6.3f} {np.mean([v for v in q if math.isfinite(v)] or [math.inf]):8.1f}")
    if args.sheet:
        rows = [np.concatenate(list(images[k][:16].astype(np.uint8)), axis=1) for k in ("uncached", "fora-2", "fora-4")]
        sheet = np.concatenate(rows, axis=0)
        Image.fromarray(sheet).resize((sheet.shape[1] * 3, sheet.shape[0] * 3), Image.NEAREST).save(args.sheet)
    return 0


def _score_one(ecad: str, image: np.ndarray, prompt: str, scratch: str) -> float:
    d = os.path.join(scratch, "one")
    os.makedirs(d, exist_ok=True)
    image.astype(np.uint8).tofile(os.path.join(d, "images.u8"))
    with open(os.path.join(d, "prompts.txt"), "w", encoding="utf-8") as f:
        f.write(prompt + "\n")
    with open(os.path.join(d, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump({"count": 1, "width": 32, "height": 32, "format": "raw"}, f)
    out = subprocess.run([ecad, "shapes", "score", d], check=True, capture_output=True, text=True).stdout
    return float(json.loads(out)["total"])


if __name__ == "__main__":
    sys.exit(main())
