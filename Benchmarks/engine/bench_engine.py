"""Native engine vs PyTorch eager (diffusers), side by side in one run, on one PixArt config with random weights.

Prints images/s for full 20-step guided DPM-Solver++ sampling at each batch, the engine's GEMM throughput
against bare cblas_sgemm of the same shapes, and measured vs MAC-predicted speedups for cache schedules.

  /root/.cache/ecad/venv/bin/python Benchmarks/engine/bench_engine.py --threads 2 --images 16 32 \\
      --models random models/shapes32/transformer
"""
import argparse
import json
import os
import pathlib
import statistics
import subprocess
import tempfile
import time

import torch
from diffusers import DPMSolverMultistepScheduler, PixArtTransformer2DModel

ROOT = pathlib.Path(__file__).resolve().parents[2]


def torch_sampling_seconds(model, images, tokens, caption, steps, repeats):
    scheduler = DPMSolverMultistepScheduler(prediction_type="v_prediction")
    gen = torch.Generator().manual_seed(0)
    size, channels = model.config.sample_size, model.config.in_channels
    noise = torch.randn(images, channels, size, size, generator=gen)
    states = torch.randn(2 * images, tokens, caption, generator=gen)
    mask = torch.ones(2 * images, tokens)
    best = float("inf")
    with torch.inference_mode():
        for _ in range(repeats):
            start = time.perf_counter()
            scheduler.set_timesteps(steps)
            latents = noise.clone()
            for t in scheduler.timesteps:
                x = torch.cat([latents] * 2)
                out = model(x, encoder_hidden_states=states, encoder_attention_mask=mask, timestep=t.expand(x.shape[0]),
                            added_cond_kwargs={"resolution": None, "aspect_ratio": None}).sample
                u, c = out.chunk(2)
                latents = scheduler.step(u + 4.5 * (c - u), t, latents).prev_sample
            best = min(best, time.perf_counter() - start)
    return best


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--images", type=int, nargs="+", default=[16, 32])
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--repeats", type=int, default=3,
                        help="rounds over the cache schedules, each schedule once per round (best reported)")
    parser.add_argument("--rounds", type=int, default=5,
                        help="alternating PyTorch / native runs per batch size for the headline ratio (medians)")
    parser.add_argument("--patch", type=int, default=4)
    parser.add_argument("--layers", type=int, default=6)
    parser.add_argument("--heads", type=int, default=4)
    parser.add_argument("--head-dim", type=int, default=32)
    parser.add_argument("--caption", type=int, default=64)
    parser.add_argument("--tokens", type=int, default=16)
    parser.add_argument("--schedules", default="uncached,fora:2,fora:3,tgate:10")
    parser.add_argument("--models", nargs="+", default=["random"],
                        help="'random' (the config above, random weights) and/or diffusers transformer folders, "
                             "e.g. models/shapes32/transformer (patch 2, 256 tokens); each is benchmarked in turn")
    parser.add_argument("--worker", default=os.environ.get("ECAD_WORKER_BIN", str(ROOT / ".build/release/ecad-worker")))
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)

    print(f"# {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, load average {os.getloadavg()[0]:.2f} at start")
    for name in args.models:
        bench_model(args, None if name == "random" else name)
    print(f"\n# load average {os.getloadavg()[0]:.2f} at the end")


def bench_model(args, model_folder):
    with tempfile.TemporaryDirectory() as tmp:
        if model_folder:
            model = PixArtTransformer2DModel.from_pretrained(model_folder).eval()
            folder = model_folder
        else:
            model = PixArtTransformer2DModel(
                num_attention_heads=args.heads, attention_head_dim=args.head_dim, in_channels=3, out_channels=3,
                num_layers=args.layers, cross_attention_dim=args.heads * args.head_dim, sample_size=32,
                patch_size=args.patch, caption_channels=args.caption).eval()
            folder = os.path.join(tmp, "model")
            model.save_pretrained(folder)
        caption = model.config.caption_channels
        print(f"\n# model: {model_folder or 'random'}; config: patch {model.config.patch_size}, {model.config.num_layers} layers, "
              f"{model.config.num_attention_heads}x{model.config.attention_head_dim}, caption {caption}, "
              f"{model.config.sample_size // model.config.patch_size}^2 image tokens, {args.tokens} caption tokens, {args.steps} steps, threads {args.threads}, torch {torch.__version__}")
        print(f"| images | PyTorch eager img/s, median of {args.rounds} (min-max) | native img/s, median (min-max) "
              f"| native / PyTorch (ratio of medians) | per-round ratios |")
        print("|---|---|---|---|---|")
        env = dict(os.environ, OPENBLAS_NUM_THREADS=str(args.threads), ECAD_THREADS=str(args.threads))

        def worker_bench(images, schedules, repeats):
            out = subprocess.run(
                [args.worker, "bench", "--model", folder, "--images", str(images), "--tokens", str(args.tokens),
                 "--steps", str(args.steps), "--schedules", schedules, "--repeats", str(repeats),
                 "--threads", str(args.threads)], capture_output=True, text=True, check=True, env=env).stdout
            return [json.loads(line) for line in out.splitlines() if line.startswith("{")]

        torch_sampling_seconds(model, 2, args.tokens, caption, 2, 1)  # warm-up
        for images in args.images:
            # Rounds alternate the two engines so slow drifts of this shared machine hit both alike.
            native_rates, torch_rates = [], []
            for _ in range(args.rounds):
                run = worker_bench(images, "uncached", 1)
                native_rates.append(next(r for r in run if r["kind"] == "sampling")["images_per_second"])
                torch_rates.append(images / torch_sampling_seconds(model, images, args.tokens, caption, args.steps, 1))
            pt, nat = statistics.median(torch_rates), statistics.median(native_rates)
            ratios = " ".join(f"{n / t:.2f}" for n, t in zip(native_rates, torch_rates))
            print(f"| {images} | {pt:.2f} ({min(torch_rates):.2f}-{max(torch_rates):.2f}) | {nat:.2f} "
                  f"({min(native_rates):.2f}-{max(native_rates):.2f}) | {nat / pt:.2f}x | {ratios} |")
        records = {args.images[-1]: worker_bench(args.images[-1], args.schedules, args.repeats)}

        last = records[args.images[-1]]
        base = next(r for r in last if r["kind"] == "sampling" and r["schedule"] == "uncached")
        print(f"\n| schedule (images {args.images[-1]}) | measured speedup | MAC-predicted speedup | ratio | peak cache MiB |")
        print("|---|---|---|---|---|")
        for r in (r for r in last if r["kind"] == "sampling"):
            measured = base["seconds"] / r["seconds"]
            predicted = base["executed_macs"] / r["executed_macs"]
            print(f"| {r['schedule']} | {measured:.2f}x | {predicted:.2f}x | {measured / predicted:.2f} | "
                  f"{r['peak_cache_bytes'] / 2**20:.1f} |")
        print("\n| GEMM m x n x k | engine GFLOP/s | bare sgemm GFLOP/s | engine / bare |")
        print("|---|---|---|---|")
        for r in (r for r in last if r["kind"] == "gemm"):
            print(f"| {r['m']} x {r['n']} x {r['k']} | {r['engine_gflops']:.1f} | {r['bare_gflops']:.1f} | "
                  f"{r['engine_gflops'] / r['bare_gflops']:.2f} |")


if __name__ == "__main__":
    main()
