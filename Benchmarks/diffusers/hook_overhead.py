"""Overhead of ecad_diffusers' hooks on an uncached run: a pipeline under the all-compute schedule (every module
wrapped, the run hook on the transformer, nothing reused) against an identical pipeline without the package.

The two pipelines are built alike (the tiny random PixArt-alpha and FLUX pipelines of the worker's tests, prompt
embeddings given; PixArt without resolution binning, so at 64 px) and called alternately, round by round, on the
same prompts and seeds; the script prints the median seconds of each and their ratio (hooked / plain), and checks
that both give the same images.

    $VENV/bin/python Benchmarks/diffusers/hook_overhead.py [--rounds 41] [--steps 20] [--threads 1]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "workers/diffusers/src"), str(ROOT / "workers/diffusers/tests")]

import numpy as np  # noqa: E402
import torch  # noqa: E402

import ecad_diffusers  # noqa: E402
from ecad_diffusers.schedule import Schedule  # noqa: E402
from tiny_pipelines import PROMPTS, flux_backend, flux_pipe, pixart_backend, pixart_pipe  # noqa: E402


def caller(name: str, backend, steps: int):
    """A function running `pipe` once on PROMPTS with seeds 0, 1 (float images)."""
    columns = [torch.cat(c) for c in zip(*[backend._embed(p) for p in PROMPTS])]

    def run(pipe) -> np.ndarray:
        common = dict(num_inference_steps=steps, height=backend.spec.resolution, width=backend.spec.resolution,
                      output_type="np", generator=[torch.Generator().manual_seed(s) for s in (0, 1)])
        with torch.inference_mode():
            if name == "flux":
                return pipe(prompt_embeds=columns[0], pooled_prompt_embeds=columns[1], guidance_scale=5.0,
                            **common).images
            return pipe(prompt_embeds=columns[0], prompt_attention_mask=columns[1], negative_prompt=None,
                        negative_prompt_embeds=columns[2], negative_prompt_attention_mask=columns[3],
                        max_sequence_length=backend.spec.text_tokens, guidance_scale=4.5,
                        use_resolution_binning=False, **common).images
    return run


def measure(name: str, rounds: int, steps: int) -> None:
    backend = pixart_backend() if name == "pixart" else flux_backend()
    plain, hooked = (pixart_pipe() if name == "pixart" else flux_pipe() for _ in range(2))
    for pipe in (plain, hooked):
        pipe.set_progress_bar_config(disable=True)
    handle = ecad_diffusers.enable(hooked, Schedule.all_compute(steps, backend.layout))
    run = caller(name, backend, steps)
    if not np.array_equal(run(plain), run(hooked)):  # also the warm-up of both
        raise SystemExit(f"{name}: the hooked pipeline's images differ from the plain one's")
    times = {"plain": [], "hooked": []}
    for _ in range(rounds):
        for label, pipe in (("plain", plain), ("hooked", hooked)):
            start = time.perf_counter()
            run(pipe)
            times[label].append(time.perf_counter() - start)
    p, h = statistics.median(times["plain"]), statistics.median(times["hooked"])
    ratios = sorted(b / a for a, b in zip(times["plain"], times["hooked"]))
    print(f"{name}: {steps} steps, 2 images, {len(handle.cache.targets)} wrapped modules, {rounds} rounds: "
          f"plain median {p * 1e3:.1f} ms (min {min(times['plain']) * 1e3:.1f}), hooked median {h * 1e3:.1f} ms "
          f"(min {min(times['hooked']) * 1e3:.1f}); hooked/plain {h / p:.3f} (per-round ratios "
          f"{ratios[0]:.3f}-{ratios[-1]:.3f}, median {statistics.median(ratios):.3f}); min/min "
          f"{min(times['hooked']) / min(times['plain']):.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=41)
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--models", nargs="+", default=["pixart", "flux"], choices=["pixart", "flux"])
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    print(f"torch {torch.__version__}, {args.threads} threads, CPU")
    for name in args.models:
        measure(name, args.rounds, args.steps)


if __name__ == "__main__":
    main()
