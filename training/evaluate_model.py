#!/usr/bin/env python3
"""Sample a prompt file with an exported shapes32 model, uncached, and score it with the Swift reward.

  python training/evaluate_model.py --model models/shapes32 --prompts jobs/prompts/shapes-benchmark.txt \
      --ecad .build/release/ecad --out /tmp/eval [--worker .build/release/ecad-worker]

Without --worker the PyTorch sampler of shapes_model.py draws the images (one noise generator for each section's
batch); with --worker the native engine does, through `ecad-worker serve` generate requests (noise per prompt and
seed). Sections of the prompt file (lines '# name') are scored separately. Prints one JSON object per section.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from native_worker import Worker, score, write_raw


def sections(path: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    current = "all"
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line.startswith("#"):
                current = line.lstrip("# ").strip() or current
            elif line:
                out.setdefault(current, []).append(line)
    return out


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--model", required=True)
    p.add_argument("--prompts", required=True)
    p.add_argument("--ecad", required=True, help="ecad binary with `shapes score`")
    p.add_argument("--out", required=True)
    p.add_argument("--worker", help="ecad-worker binary: sample with the native engine instead of PyTorch")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--steps", type=int, default=20)
    p.add_argument("--guidance", type=float, default=4.5)
    p.add_argument("--threads", type=int, default=0, help="PyTorch threads (PyTorch sampler only)")
    args = p.parse_args(argv)
    if args.worker:
        draw, close = _native_sampler(args)
    else:
        draw, close = _pytorch_sampler(args)
    sampler = "native" if args.worker else "pytorch"
    for name, prompts in sections(args.prompts).items():
        d = os.path.join(args.out, name.replace(" ", "-"))
        write_raw(d, draw(prompts, d), prompts, seed=args.seed, sampler=sampler)
        print(json.dumps({"section": name, "count": len(prompts), "sampler": sampler, "score": score(args.ecad, d)}))
    close()
    return 0


def _native_sampler(args):
    worker = Worker(args.worker)
    loaded = worker.open(args.model, "evaluate-model")
    if args.steps != loaded["steps"]:
        worker.close()
        raise SystemExit(f"--steps {args.steps}: the native worker samples the model's {loaded['steps']} steps")
    return (lambda prompts, d: worker.generate(prompts, [args.seed], os.path.join(d, "png"), guidance=args.guidance),
            worker.close)


def _pytorch_sampler(args):
    import torch

    from shapes_model import load, sample

    if args.threads:
        torch.set_num_threads(args.threads)
    transformer, text_encoder, vocab = load(args.model)
    return (lambda prompts, _: sample(transformer, text_encoder, vocab, prompts, seed=args.seed, steps=args.steps,
                                      guidance=args.guidance).numpy(),
            lambda: None)


if __name__ == "__main__":
    sys.exit(main())
