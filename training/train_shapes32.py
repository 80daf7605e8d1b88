#!/usr/bin/env python3
"""Train the embedded shapes32 model (diffusers PixArtTransformer2DModel, v-prediction, pixel space 32x32).

Reproducible from --seed, resumable from --out/checkpoint.pt, progress on stderr, loss log in --out/log.jsonl.
Example (see models/shapes32/README.md for the command that made the shipped weights):
  python training/train_shapes32.py --ecad .build/release/ecad --render 400000 --out /tmp/shapes-run \
      --patch 4 --layers 8 --heads 4 --head-dim 48 --steps 20000 --batch 256
"""

from __future__ import annotations

import argparse
import copy
import json
import math
import os
import sys
import time

import numpy as np
import torch

from shapes_data import Vocabulary, load_dataset, render_chunks
from shapes_model import (NUM_TRAIN_TIMESTEPS, TextEncoder, export, load, make_transformer, predict, sample,
                          unconditional_tokens)


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", required=True, help="run folder: checkpoint.pt, log.jsonl, model/ (the export)")
    p.add_argument("--data", nargs="*", default=[], help="raw render folders (ecad shapes render --format raw)")
    p.add_argument("--ecad", help="ecad binary used to render --render images into OUT/data")
    p.add_argument("--render", type=int, default=0, help="number of training images to render with --ecad")
    p.add_argument("--vocab", help="vocab.json (default: ask --ecad with `ecad shapes vocab`)")
    p.add_argument("--eval-prompts", help="prompt file sampled at the end (lines starting with # are skipped)")
    p.add_argument("--init-from", help="exported model folder to start from (fine-tune; architecture flags ignored)")
    p.add_argument("--patch", type=int, default=4)
    p.add_argument("--layers", type=int, default=8)
    p.add_argument("--heads", type=int, default=4)
    p.add_argument("--head-dim", type=int, default=48)
    p.add_argument("--caption-dim", type=int, default=128)
    p.add_argument("--steps", type=int, default=20000)
    p.add_argument("--minutes", type=float, default=0.0, help="wall-clock budget; the LR schedule follows whichever "
                   "of steps or minutes runs out first (0 = steps only)")
    p.add_argument("--batch", type=int, default=256)
    p.add_argument("--lr", type=float, default=5e-4)
    p.add_argument("--warmup", type=int, default=500)
    p.add_argument("--ema", type=float, default=0.999)
    p.add_argument("--caption-dropout", type=float, default=0.1)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--device", default="auto")
    p.add_argument("--threads", type=int, default=0, help="torch CPU threads (0 = torch default)")
    p.add_argument("--checkpoint-every", type=int, default=1000)
    p.add_argument("--log-every", type=int, default=100)
    p.add_argument("--stop-after", type=int, default=0, help="checkpoint and exit after this step, as if interrupted")
    return p.parse_args(argv)


def lr_at(args, progress: float, step: int) -> float:
    warm = min(1.0, (step + 1) / max(1, args.warmup))
    cosine = 0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * min(1.0, progress)))
    return args.lr * warm * cosine


def main(argv=None) -> int:
    args = parse_args(argv)
    os.makedirs(args.out, exist_ok=True)
    device = torch.device("cuda" if args.device == "auto" and torch.cuda.is_available() else
                          ("cpu" if args.device == "auto" else args.device))
    if args.threads:
        torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    np.random.seed(args.seed)

    vocab_path = args.vocab or os.path.join(args.out, "vocab.json")
    if not args.vocab:
        if not args.ecad:
            sys.exit("give --vocab or --ecad")
        import subprocess
        subprocess.run([args.ecad, "shapes", "vocab", "--out", vocab_path], check=True)
    vocab = Vocabulary.load(vocab_path)

    dirs = list(args.data)
    if args.render:
        t0 = time.time()
        dirs += render_chunks(args.ecad, os.path.join(args.out, "data"), args.render, args.seed,
                              chunks=max(1, min(16, os.cpu_count() or 1)))
        print(f"rendered {args.render} images in {time.time() - t0:.1f}s", file=sys.stderr)
    data = load_dataset(dirs, vocab).to(device)
    torch.backends.cuda.matmul.allow_tf32 = True
    print(f"dataset: {len(data)} images, device {device}", file=sys.stderr)

    if args.init_from:
        transformer, text_encoder, _ = load(args.init_from, device)
        transformer.train(); text_encoder.train()
    else:
        transformer = make_transformer(args.patch, args.layers, args.heads, args.head_dim, args.caption_dim).to(device)
        text_encoder = TextEncoder(len(vocab.words), args.caption_dim).to(device)
    params = list(transformer.parameters()) + list(text_encoder.parameters())
    n_params = sum(p.numel() for p in params)
    opt = torch.optim.AdamW(params, lr=args.lr, betas=(0.9, 0.99), weight_decay=0.01)
    ema_t, ema_te = copy.deepcopy(transformer).eval(), copy.deepcopy(text_encoder).eval()
    betas = torch.linspace(1e-4, 0.02, NUM_TRAIN_TIMESTEPS, dtype=torch.float64)
    alphas_cumprod = torch.cumprod(1 - betas, 0).float().to(device)

    step, elapsed_before = 0, 0.0
    ckpt_path = os.path.join(args.out, "checkpoint.pt")
    gen = torch.Generator().manual_seed(args.seed)
    if os.path.exists(ckpt_path):
        ck = torch.load(ckpt_path, map_location=device, weights_only=False)
        transformer.load_state_dict(ck["transformer"]); text_encoder.load_state_dict(ck["text_encoder"])
        ema_t.load_state_dict(ck["ema_transformer"]); ema_te.load_state_dict(ck["ema_text_encoder"])
        opt.load_state_dict(ck["opt"]); gen.set_state(ck["generator"]); torch.set_rng_state(ck["torch_rng"])
        step, elapsed_before = ck["step"], ck["elapsed"]
        print(f"resumed at step {step}", file=sys.stderr)

    def save_checkpoint():
        torch.save({"transformer": transformer.state_dict(), "text_encoder": text_encoder.state_dict(),
                    "ema_transformer": ema_t.state_dict(), "ema_text_encoder": ema_te.state_dict(),
                    "opt": opt.state_dict(), "generator": gen.get_state(), "torch_rng": torch.get_rng_state(),
                    "step": step, "elapsed": elapsed_before + time.time() - start, "args": vars(args)},
                   ckpt_path + ".tmp")
        os.replace(ckpt_path + ".tmp", ckpt_path)

    log = open(os.path.join(args.out, "log.jsonl"), "a", encoding="utf-8")
    start, running, count = time.time(), 0.0, 0
    autocast = torch.autocast("cuda", dtype=torch.bfloat16) if device.type == "cuda" else torch.autocast(
        "cpu", enabled=False)
    while True:
        elapsed = elapsed_before + time.time() - start
        progress = max(step / args.steps, elapsed / (60 * args.minutes) if args.minutes else 0.0)
        if progress >= 1.0:
            break
        lr = lr_at(args, progress, step)
        for g in opt.param_groups:
            g["lr"] = lr
        index = torch.randint(0, len(data), (args.batch,), generator=gen)
        x0, ids, mask = data.batch(index)
        drop = torch.rand(args.batch, generator=gen) < args.caption_dropout
        if drop.any():
            uids, umask = unconditional_tokens(int(drop.sum()), device)
            ids[drop.to(device)], mask[drop.to(device)] = uids, umask
        t = torch.randint(0, NUM_TRAIN_TIMESTEPS, (args.batch,), generator=gen).to(device)
        noise = torch.randn(x0.shape, generator=gen).to(device)
        ab = alphas_cumprod[t].view(-1, 1, 1, 1)
        xt = ab.sqrt() * x0 + (1 - ab).sqrt() * noise
        v = ab.sqrt() * noise - (1 - ab).sqrt() * x0
        with autocast:
            pred = predict(transformer, text_encoder, xt, t, ids, mask)
        loss = torch.nn.functional.mse_loss(pred.float(), v)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        opt.step()
        with torch.no_grad():
            for e, m in ((ema_t, transformer), (ema_te, text_encoder)):
                for pe, pm in zip(e.parameters(), m.parameters()):
                    pe.lerp_(pm, 1 - args.ema)
        step += 1
        running += loss.item() if step % 10 == 0 or step < 10 else 0.0
        count += 1 if step % 10 == 0 or step < 10 else 0
        if step % args.log_every == 0:
            rate = step / max(1e-9, elapsed) if not elapsed_before else 0.0
            rec = {"step": step, "loss": running / max(1, count), "lr": lr, "elapsed_s": round(elapsed, 1),
                   "it_per_s": round(rate, 2), "params": n_params}
            log.write(json.dumps(rec) + "\n"); log.flush()
            print(f"\rstep {step} loss {rec['loss']:.4f} lr {lr:.2e} {elapsed/60:.1f} min "
                  f"({100*progress:.0f}%)", end="", file=sys.stderr, flush=True)
            running, count = 0.0, 0
        if step % args.checkpoint_every == 0 or step == args.stop_after:
            save_checkpoint()
        if step == args.stop_after:
            print(f"\nstopped after step {step}; run again to resume", file=sys.stderr)
            return 0
    save_checkpoint()
    print(f"\ndone: {step} steps in {(elapsed_before + time.time() - start)/60:.1f} min", file=sys.stderr)
    extra = {"training": {"steps": step, "init_from": args.init_from, "batch": args.batch, "seed": args.seed, "params": n_params,
                          "minutes": round((elapsed_before + time.time() - start) / 60, 1), "device": str(device)}}
    export(os.path.join(args.out, "model"), ema_t, ema_te, vocab, extra)
    if args.eval_prompts:
        with open(args.eval_prompts, encoding="utf-8") as f:
            prompts = [l.strip() for l in f if l.strip() and not l.startswith("#")]
        images = sample(ema_t, ema_te, vocab, prompts, seed=args.seed, device=device)
        eval_dir = os.path.join(args.out, "eval")
        os.makedirs(eval_dir, exist_ok=True)
        images.numpy().tofile(os.path.join(eval_dir, "images.u8"))
        with open(os.path.join(eval_dir, "prompts.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(prompts) + "\n")
        with open(os.path.join(eval_dir, "manifest.json"), "w", encoding="utf-8") as f:
            json.dump({"count": len(prompts), "width": 32, "height": 32, "format": "raw", "seed": args.seed}, f)
    return 0


if __name__ == "__main__":
    sys.exit(main())
