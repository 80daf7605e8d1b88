#!/usr/bin/env python3
"""Does caching move the shapes32 reward? The "search has a signal" check of docs/shapes32.md.

Samples the calibration prompts under every seed with the native engine (`ecad-worker serve`, generate requests)
under uncached and FORA every 2, 3, 4 and 6 steps (plus any --extra schedules), scores every image with the Swift
reward (`ecad shapes score`, parts included), computes SSIM and PSNR against the uncached image of the same prompt
and seed, and prints per-schedule means with standard errors paired over (prompt, seed), the mean reward parts,
per-seed means, and paired differences between the schedules named by --compare. Optionally writes every image's
figures as JSON lines (--json) and a contact sheet (prompts x uncached / FORA-2 / FORA-4, first seed).

  python training/signal_check.py --worker .build/release/ecad-worker --ecad .build/release/ecad [--steps 25] \
      --model models/shapes32 --prompts jobs/prompts/shapes-calibration.txt --seeds 1 2 3 --out /tmp/signal \
      --extra fora-5 fora-4+last --compare fora-6 fora-4 --sheet docs/shapes32-contact-sheet.png

Schedules (steps counted from 0; a step either computes every block and component or reuses them all):
  uncached          every step computes
  fora-N            step i computes iff i mod N == 0 (FORA, as in the ECAD reference)
  fora-N+last       fora-N, and the last step computes too
  fora-N@end        step 0 and the steps i with (last - i) mod N == 0 compute (FORA aligned to end on a refresh)
  steps:LIST        the listed steps compute, e.g. steps:0-16 or steps:0,4,8,12,16,19
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys

import numpy as np
from PIL import Image

from native_worker import Worker, pack_bits, score_each, write_raw

SCHEDULES = ["uncached", "fora-2", "fora-3", "fora-4", "fora-6"]
PARTS = ["color", "shape", "size", "position", "background", "relation"]


def compute_steps(spec: str, steps: int) -> set[int]:
    """The steps that compute under a schedule spec (see the module doc); a bad spec raises ValueError."""
    def fail(why: str):
        raise ValueError(f"schedule '{spec}': {why} (uncached, fora-N, fora-N+last, fora-N@end, steps:LIST)")

    if spec == "uncached":
        return set(range(steps))
    if spec.startswith("steps:"):
        chosen: set[int] = set()
        for part in spec[len("steps:"):].split(","):
            lo, _, hi = part.partition("-")
            if not lo.isdigit() or (hi and not hi.isdigit()):
                fail(f"'{part}' is not a step or a range a-b")
            chosen.update(range(int(lo), int(hi or lo) + 1))
        if not chosen or max(chosen) >= steps or 0 not in chosen:
            fail(f"steps must lie in 0..{steps - 1} and include 0")
        return chosen
    if not spec.startswith("fora-"):
        fail("unknown schedule")
    body, last, end = spec[len("fora-"):], False, False
    if body.endswith("+last"):
        body, last = body[: -len("+last")], True
    elif body.endswith("@end"):
        body, end = body[: -len("@end")], True
    if not body.isdigit() or int(body) < 1:
        fail("N must be a positive integer")
    n = int(body)
    if end:
        return {0} | {i for i in range(steps) if (steps - 1 - i) % n == 0}
    return {i for i in range(steps) if i % n == 0} | ({steps - 1} if last else set())


def applicable(prompt: str) -> list[str]:
    """The reward parts whose geometric mean is a prompt's total (relation only for two-object prompts)."""
    return PARTS if " of " in prompt or " above " in prompt else PARTS[:-1]


def log_contributions(a: list[dict], b: list[dict], prompts: list[str]) -> dict[str, float]:
    """Each part's share of mean(log total_a - log total_b): total is the geometric mean of the applicable parts,
    each floored at 0.01, so the log difference splits exactly into per-part terms."""
    out = dict.fromkeys(PARTS, 0.0)
    for sa, sb, prompt in zip(a, b, prompts):
        parts = applicable(prompt)
        for part in parts:
            out[part] += (math.log(max(0.01, sa[part])) - math.log(max(0.01, sb[part]))) / len(parts) / len(prompts)
    return out


def paired(diff: np.ndarray) -> tuple[float, float]:
    """Mean and standard error of paired differences."""
    se = float(np.std(diff, ddof=1) / math.sqrt(len(diff))) if len(diff) > 1 else 0.0
    return float(np.mean(diff)), se


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
    p.add_argument("--seeds", type=int, nargs="+", default=[1], help="noise seeds; every prompt under every seed")
    p.add_argument("--extra", nargs="*", default=[], help="schedules to add to " + ", ".join(SCHEDULES))
    p.add_argument("--compare", nargs=2, action="append", default=[], metavar=("A", "B"),
                   help="print the paired reward difference A minus B (repeatable)")
    p.add_argument("--steps", type=int, help="sampler steps (default: the model's)")
    p.add_argument("--out", required=True)
    p.add_argument("--json", help="write one JSON line per schedule, prompt and seed")
    p.add_argument("--sheet", help="contact sheet PNG (first 16 prompts x uncached / FORA-2 / FORA-4, first seed)")
    args = p.parse_args(argv)
    names = SCHEDULES + [e for e in args.extra if e not in SCHEDULES]
    for a, b in args.compare:
        for name in (a, b):
            if name not in names:
                p.error(f"--compare {a} {b}: '{name}' is not among the schedules ({', '.join(names)})")
    prompts = [l.strip() for l in open(args.prompts, encoding="utf-8") if l.strip() and not l.startswith("#")]
    worker = Worker(args.worker)
    worker.open(args.model, "signal-check")
    worker.steps = args.steps or worker.steps
    try:
        plans = {name: compute_steps(name, worker.steps) for name in names}
    except ValueError as error:
        worker.close()
        p.error(str(error))
    # Image k is prompt k // len(seeds) under seed seeds[k % len(seeds)].
    labels = [prompt for prompt in prompts for _ in args.seeds]
    images, scores = {}, {}
    for name in names:
        d = os.path.join(os.path.abspath(args.out), name.replace(":", "_").replace(",", "_"))
        bits = pack_bits(worker.steps, worker.blocks, plans[name])
        images[name] = worker.generate(prompts, args.seeds, os.path.join(d, "png"), bits=bits)
        write_raw(os.path.join(d, "raw"), images[name], labels, seeds=args.seeds)
        scores[name] = score_each(args.ecad, images[name], labels, d)
    worker.close()
    report(args, names, plans, worker.steps, labels, images, scores)
    if args.sheet:
        rows = [np.concatenate(list(images[k][:: len(args.seeds)][:16]), axis=1) for k in ("uncached", "fora-2", "fora-4")]
        sheet = np.concatenate(rows, axis=0)
        Image.fromarray(sheet).resize((sheet.shape[1] * 3, sheet.shape[0] * 3), Image.NEAREST).save(args.sheet)
    return 0


def report(args, names, plans, steps, labels, images, scores) -> None:
    """Prints the tables and writes --json."""
    seeds = np.array([args.seeds[k % len(args.seeds)] for k in range(len(labels))])
    reward = {name: np.array([s["total"] for s in scores[name]]) for name in names}
    fidelity = {name: ([ssim(images["uncached"][k].astype(np.float64), images[name][k].astype(np.float64))
                        for k in range(len(labels))],
                       [psnr(images["uncached"][k].astype(np.float64), images[name][k].astype(np.float64))
                        for k in range(len(labels))]) for name in names}
    print(f"{len(labels)} pairs ({len(labels) // len(args.seeds)} prompts x seeds {' '.join(map(str, args.seeds))})")
    print(f"{'schedule':14} {'computed':>8} {'reward':>7} {'drop':>7} {'paired SE':>9} {'drop/SE':>7} {'SSIM':>6} "
          f"{'PSNR dB':>7}  " + " ".join(f"{'seed ' + str(s):>7}" for s in args.seeds))
    for name in names:
        drop, se = paired(reward["uncached"] - reward[name])
        q = [v for v in fidelity[name][1] if math.isfinite(v)]
        per_seed = " ".join(f"{reward[name][seeds == s].mean():7.3f}" for s in args.seeds)
        print(f"{name:14} {len(plans[name]) / steps:8.2f} {reward[name].mean():7.3f} {drop:7.3f} {se:9.4f} "
              f"{drop / se if se > 0 else float('nan'):7.1f} {np.mean(fidelity[name][0]):6.3f} "
              f"{np.mean(q) if q else math.inf:7.1f}  {per_seed}")
    print(f"\nmean reward parts (pair prompts average their objects; relation only on pair prompts)")
    print(f"{'schedule':14} " + " ".join(f"{part:>10}" for part in PARTS))
    for name in names:
        cells = [np.mean([s[part] for s, text in zip(scores[name], labels) if part in applicable(text)] or [math.nan])
                 for part in PARTS]
        print(f"{name:14} " + " ".join(f"{v:10.3f}" for v in cells))
    for a, b in args.compare:
        diff, se = paired(reward[a] - reward[b])
        per_seed = ", ".join(f"seed {s}: {paired(reward[a][seeds == s] - reward[b][seeds == s])[0]:+.3f}"
                             for s in args.seeds)
        print(f"\n{a} minus {b}: {diff:+.4f} reward, paired SE {se:.4f} ({diff / se if se > 0 else float('nan'):+.1f} "
              f"SE; {per_seed})")
        shares = log_contributions(scores[a], scores[b], labels)
        print(f"  mean log reward difference {sum(shares.values()):+.3f} = "
              + " ".join(f"{part} {share:+.3f}" for part, share in shares.items()))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            for name in names:
                for k, text in enumerate(labels):
                    f.write(json.dumps({"schedule": name, "prompt": text, "prompt_index": k // len(args.seeds),
                                        "seed": int(seeds[k]), "ssim": fidelity[name][0][k],
                                        "psnr": fidelity[name][1][k] if math.isfinite(fidelity[name][1][k]) else None, "score": scores[name][k]}) + "\n")


if __name__ == "__main__":
    sys.exit(main())
