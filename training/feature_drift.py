#!/usr/bin/env python3
"""Where along the sampling trajectory do the cached features move, and what does reusing them cost there?

Runs the uncached PyTorch sampler (DPM-Solver++ 2M, guidance as given) on a few prompts with forward hooks on every
block's attn1, attn2 and ff: the raw outputs that the native engine caches (before gate and residual). Prints, per
step i (timestep t, noise level sigma):

- the relative change ||f_i - f_{i-1}|| / ||f_i|| of each component's output (mean over blocks), and of the guided
  model output v and of the x0 and eps it implies (x0 = alpha x - sigma v, eps = sigma x + alpha v);
- the staleness cost: the RMS change (8-bit pixel units) of the x0 prediction at step i when every component reuses
  its output from step i - k instead of computing (the inputs x_i and t_i stay those of the uncached trajectory).

  python training/feature_drift.py --model models/shapes32 --prompts jobs/prompts/shapes-calibration.txt --count 8
"""

from __future__ import annotations

import argparse
import sys

import torch

from shapes_model import load, make_scheduler, predict, unconditional_tokens

COMPONENTS = ("attn1", "attn2", "ff")


class Recorder:
    """Forward hooks on every block's attn1 / attn2 / ff: record their outputs, or replace them by recorded ones."""

    def __init__(self, transformer):
        self.recorded: list[dict[tuple[int, str], torch.Tensor]] = []
        self.replay: dict[tuple[int, str], torch.Tensor] | None = None
        for b, block in enumerate(transformer.transformer_blocks):
            for name in COMPONENTS:
                getattr(block, name).register_forward_hook(self._hook((b, name)))

    def _hook(self, key):
        def hook(_module, _inputs, output):
            if self.replay is not None:
                return self.replay[key]
            self.recorded[-1][key] = output.detach().clone()
            return None
        return hook


def relative(a: torch.Tensor, b: torch.Tensor) -> float:
    return float((a - b).norm() / a.norm().clamp_min(1e-12))


@torch.no_grad()
def measure(model_dir: str, prompts: list[str], seed: int, steps: int, guidance: float, lags: list[int]) -> dict:
    """Per-step drift and staleness figures (see the module doc) as lists indexed by step."""
    transformer, text_encoder, vocab = load(model_dir)
    recorder = Recorder(transformer)
    scheduler = make_scheduler()
    scheduler.set_timesteps(steps)
    n = len(prompts)
    x = torch.randn(n, 3, 32, 32, generator=torch.Generator().manual_seed(seed))
    ids, mask = vocab.encode_batch(prompts)
    uids, umask = unconditional_tokens(n, x.device)
    ids_all, mask_all = torch.cat([uids, ids]), torch.cat([umask, mask])
    alphas_cumprod = scheduler.alphas_cumprod

    def guided(x_in, t):
        tt = torch.full((2 * n,), int(t), dtype=torch.long)
        uncond, cond = predict(transformer, text_encoder, torch.cat([x_in, x_in]), tt, ids_all, mask_all).chunk(2)
        return uncond + guidance * (cond - uncond)

    xs, vs = [], []
    for t in scheduler.timesteps:
        recorder.recorded.append({})
        v = guided(x, t)
        xs.append(x)
        vs.append(v)
        x = scheduler.step(v, t, x).prev_sample
    out = {"t": [int(t) for t in scheduler.timesteps], "sigma": [], "drift": {c: [] for c in COMPONENTS},
           "v": [], "x0": [], "eps": [], "stale": {k: [] for k in lags}}
    x0s, epss = [], []
    for i, t in enumerate(scheduler.timesteps):
        a, s = float(alphas_cumprod[int(t)].sqrt()), float((1 - alphas_cumprod[int(t)]).sqrt())
        out["sigma"].append(s)
        x0s.append(a * xs[i] - s * vs[i])
        epss.append(s * xs[i] + a * vs[i])
    for i, t in enumerate(scheduler.timesteps):
        for c in COMPONENTS:
            keys = [k for k in recorder.recorded[i] if k[1] == c]
            out["drift"][c].append(None if i == 0 else sum(relative(recorder.recorded[i][k], recorder.recorded[i - 1][k])
                                                           for k in keys) / len(keys))
        for name, series in (("v", vs), ("x0", x0s), ("eps", epss)):
            out[name].append(None if i == 0 else relative(series[i], series[i - 1]))
        for lag in lags:
            if i - lag < 0:
                out["stale"][lag].append(None)
                continue
            recorder.replay = recorder.recorded[i - lag]
            v_stale = guided(xs[i], t)
            recorder.replay = None
            rms = float(((v_stale - vs[i]) * out["sigma"][i]).pow(2).mean().sqrt()) * 127.5
            out["stale"][lag].append(rms)
    return out


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--model", default="models/shapes32")
    p.add_argument("--prompts", default="jobs/prompts/shapes-calibration.txt")
    p.add_argument("--count", type=int, default=8, help="the first COUNT prompts of the file")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--steps", type=int, default=20)
    p.add_argument("--guidance", type=float, default=4.5)
    p.add_argument("--lags", type=int, nargs="+", default=[1, 2, 3, 5])
    p.add_argument("--threads", type=int, default=1)
    args = p.parse_args(argv)
    torch.set_num_threads(args.threads)
    prompts = [l.strip() for l in open(args.prompts, encoding="utf-8") if l.strip() and not l.startswith("#")]
    r = measure(args.model, prompts[: args.count], args.seed, args.steps, args.guidance, args.lags)

    def cell(v, fmt="6.3f"):
        return f"{'–':>{fmt.split('.')[0]}}" if v is None else format(v, fmt)

    print(f"relative change from the previous step (mean over blocks), and x0 RMS error (8-bit units) when every "
          f"component reuses its output from k steps back; {len(prompts[: args.count])} prompts, seed {args.seed}")
    print(f"{'step':>4} {'t':>4} {'sigma':>6} " + " ".join(f"{c:>6}" for c in COMPONENTS + ("v", "x0", "eps"))
          + " " + " ".join(f"{'k=' + str(k):>6}" for k in args.lags))
    for i, t in enumerate(r["t"]):
        print(f"{i:4} {t:4} {r['sigma'][i]:6.3f} " + " ".join(cell(r["drift"][c][i]) for c in COMPONENTS) + " "
              + " ".join(cell(r[name][i]) for name in ("v", "x0", "eps")) + " "
              + " ".join(cell(r["stale"][k][i], "6.1f") for k in args.lags))
    return 0


if __name__ == "__main__":
    sys.exit(main())
