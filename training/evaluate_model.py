#!/usr/bin/env python3
"""Sample a prompt file with an exported shapes32 model in PyTorch and score it with the Swift reward.

  python training/evaluate_model.py --model models/shapes32 --prompts jobs/prompts/shapes-benchmark.txt \
      --ecad .build/release/ecad --out /tmp/eval

Sections of the prompt file (lines '# name') are scored separately. Prints one JSON object per section.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys

import torch

from shapes_model import load, sample


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
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--steps", type=int, default=20)
    p.add_argument("--guidance", type=float, default=4.5)
    p.add_argument("--threads", type=int, default=0)
    args = p.parse_args(argv)
    if args.threads:
        torch.set_num_threads(args.threads)
    transformer, text_encoder, vocab = load(args.model)
    for name, prompts in sections(args.prompts).items():
        images = sample(transformer, text_encoder, vocab, prompts, seed=args.seed, steps=args.steps,
                        guidance=args.guidance)
        d = os.path.join(args.out, name.replace(" ", "-"))
        os.makedirs(d, exist_ok=True)
        images.numpy().tofile(os.path.join(d, "images.u8"))
        with open(os.path.join(d, "prompts.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(prompts) + "\n")
        with open(os.path.join(d, "manifest.json"), "w", encoding="utf-8") as f:
            json.dump({"count": len(prompts), "width": 32, "height": 32, "format": "raw", "seed": args.seed}, f)
        score = json.loads(subprocess.run([args.ecad, "shapes", "score", d], check=True, capture_output=True,
                                          text=True).stdout)
        print(json.dumps({"section": name, "count": len(prompts), "score": score}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
