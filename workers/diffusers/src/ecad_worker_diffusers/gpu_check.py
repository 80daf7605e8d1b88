"""GPU check: uncached latency and measured speedups of published schedules on full-size random-weight models.

Run through workers/diffusers/gpu_check.sh. Builds PixArt-alpha 256 (28 blocks, hidden 1152, T5 captions of
120 tokens, latent 32x32x4, 8 output channels) and FLUX.1-dev 256 (19 + 38 blocks, hidden 3072, 512 text tokens,
16x16 packed latents) from their configs with random bf16 weights, runs 20-step loops (PixArt: CFG batch of 2 rows
per image; FLUX: guidance-distilled, 1 row per image) and prints each schedule's measured speedup beside the
paper's. `--tiny` keeps the block counts but shrinks the widths, so the same code runs on a CPU in seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import numpy as np
import torch

from . import configs, synthetic
from ecad_diffusers.caching import ComponentCache, predict_peak_bytes
from ecad_diffusers.families import FluxFamily, PixArtFamily, schedule_macs
from ecad_diffusers.schedule import Schedule
from .timing import measure, median

#: Paper / reference-repo latency speedups (A6000; PixArt at batch 100, FLUX at batch 18), ecad.md section 6.
PAPER = {
    ("pixart", "ours_fast"): 1.97, ("pixart", "ours_faster"): 2.40, ("pixart", "ours_fastest"): 2.58,
    ("pixart", "fora-2"): 1.65, ("pixart", "fora-3"): 2.01,
    ("flux", "ours_fast"): 2.58, ("flux", "ours_faster"): 3.37, ("flux", "fora-2"): 1.83, ("flux", "fora-3"): 2.44,
}
PUBLISHED = {"pixart": ("ours_fast", "ours_faster", "ours_fastest"), "flux": ("ours_fast", "ours_faster")}
STEPS = 20


def find_published(dirs: list[Path], family: str, layout) -> dict[str, tuple[Schedule, str]]:
    """Published schedules found under `dirs` (reference JSON or ecad.schedule/v1), by name."""
    found: dict[str, tuple[Schedule, str]] = {}
    for root in dirs:
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*.json")):
            lowered = str(path).lower()
            if "sigma" in lowered or "1024" in lowered:
                continue
            stem = path.stem.lower().replace("-", "_")
            for name in PUBLISHED[family]:
                if name in found or not stem.endswith(name):
                    continue
                try:
                    schedule = Schedule.load(str(path))
                except Exception:  # a fixture of another shape or format: not ours
                    continue
                if schedule.layout == layout and schedule.steps == STEPS:
                    found[name] = (schedule, str(path))
    return found


class Check:
    def __init__(self, args):
        self.args = args
        self.device = torch.device("cuda" if torch.cuda.is_available() and not args.cpu else "cpu")
        default = "bfloat16" if self.device.type == "cuda" else "float32"
        self.dtype = getattr(torch, args.dtype or default)
        if self.device.type == "cpu":
            torch.set_num_threads(1)  # tiny matrices: threads only add contention on a shared machine
        self.started = time.monotonic()
        self.rows: list[dict] = []
        self.notes: list[str] = []

    def out_of_time(self) -> bool:
        return time.monotonic() - self.started > self.args.budget

    def schedules(self, family: str, layout) -> list[tuple[str, Schedule, str]]:
        dirs = [Path(d) for d in self.args.schedules]
        found = find_published(dirs, family, layout)
        out = [("uncached", Schedule.all_compute(STEPS, layout), "all compute")]
        for name in PUBLISHED[family]:
            if name in found:
                out.append((name, found[name][0], found[name][1]))
            else:
                self.notes.append(f"{family} {name}: no published schedule file found under {', '.join(map(str, dirs))}")
        out += [(f"fora-{n}", Schedule.fora(STEPS, layout, n), f"FORA every {n}") for n in (2, 3)]
        return out

    def run_family(self, family: str, model, run, geometry, fam, label: str) -> None:
        cache = ComponentCache.install(model)
        component_macs = fam.component_macs(model.config, geometry)
        overhead = fam.overhead_macs(model.config, geometry)
        output_bytes = fam.component_bytes(model.config, geometry, torch.finfo(self.dtype).bits // 8)
        base_latency = base_macs = None
        for name, schedule, source in self.schedules(family, cache.layout):
            if self.out_of_time():
                self.notes.append(f"{label} {name}: skipped, time budget of {self.args.budget} s spent")
                continue
            cache.set_schedule(schedule)

            def once():
                cache.reset()
                return run()

            seconds = median(measure(once, self.device, self.args.warmup, self.args.repeats))
            macs = schedule_macs(schedule.plan(), component_macs, overhead, 1)
            predicted = predict_peak_bytes(schedule.plan(), cache.call_order, output_bytes)
            if name == "uncached":
                base_latency, base_macs = seconds, macs
            row = {
                "model": label, "schedule": name, "source": source, "latency_ms": seconds * 1000,
                "speedup": base_latency / seconds, "mac_ratio": base_macs / macs,
                "paper_speedup": PAPER.get((family, name)), "peak_cache_bytes": cache.peak_bytes,
                "predicted_peak_cache_bytes": predicted,
            }
            self.rows.append(row)
            self.print_row(row)
        cache.remove()

    def print_row(self, row: dict) -> None:
        paper = f"{row['paper_speedup']:.2f}x" if row["paper_speedup"] else "-"
        mark = "ok" if row["peak_cache_bytes"] == row["predicted_peak_cache_bytes"] else "MISMATCH"
        print(f"| {row['model']:<22} | {row['schedule']:<12} | {row['latency_ms']:10.1f} | {row['speedup']:6.2f}x "
              f"| {paper:>6} | {row['mac_ratio']:5.2f}x | {row['peak_cache_bytes'] / 2**20:9.1f} | {mark:<8} |",
              flush=True)

    def pixart(self) -> None:
        config = {**configs.PIXART_ALPHA_256, **(configs.TINY_PIXART_WIDTHS if self.args.tiny else {})}
        model = configs.build_pixart(config, dtype=self.dtype, device=self.device, randomize=False)
        tokens = configs.PIXART_ALPHA_TEXT_TOKENS if not self.args.tiny else 8
        for images in self.args.pixart_images:
            inputs = synthetic.pixart_inputs(model.config, images, tokens, dtype=self.dtype, device=self.device)
            geometry = synthetic.pixart_geometry(model.config, images, tokens)
            self.run_family("pixart", model, lambda: synthetic.run_pixart(model, inputs, STEPS), geometry,
                            PixArtFamily, f"pixart-alpha-256 x{images}")
        del model

    def flux(self) -> None:
        config = {**configs.FLUX1_DEV, **(configs.TINY_FLUX_WIDTHS if self.args.tiny else {})}
        model = configs.build_flux(config, dtype=self.dtype, device=self.device, randomize=False)
        side, tokens = (16, configs.FLUX1_TEXT_TOKENS) if not self.args.tiny else (4, 8)
        for images in self.args.flux_images:
            inputs = synthetic.flux_inputs(model.config, images, side, tokens, dtype=self.dtype, device=self.device)
            geometry = synthetic.flux_geometry(images, side, tokens)
            self.run_family("flux", model, lambda: synthetic.run_flux(model, inputs, STEPS), geometry, FluxFamily,
                            f"flux1-dev-256 x{images}")
        del model

    def main(self) -> int:
        name = torch.cuda.get_device_name(self.device) if self.device.type == "cuda" else "cpu"
        import diffusers

        print(f"device {name}, torch {torch.__version__}, diffusers {diffusers.__version__}, dtype {self.dtype}, "
              f"{'tiny widths' if self.args.tiny else 'full size'}, {STEPS} steps, "
              f"warm-up {self.args.warmup}, median of {self.args.repeats}", flush=True)
        print("| model                  | schedule     | latency ms |  speedup |  paper |  MACs  | cache MiB | peak=pred |")
        print("|---|---|---|---|---|---|---|---|")
        if "pixart" in self.args.models:
            self.pixart()
            if self.device.type == "cuda":
                torch.cuda.empty_cache()
        if "flux" in self.args.models:
            self.flux()
        for note in self.notes:
            print(f"note: {note}")
        print("paper speedups: ECAD (A6000, PixArt-alpha batch 100, FLUX batch 18); FORA rows from the reference repo's "
              "FORA latencies. MACs column: MAC ratio vs uncached (linear layers, as the reference counts).")
        summary = {"device": name, "torch": torch.__version__, "tiny": self.args.tiny, "rows": self.rows,
                   "notes": self.notes, "seconds": time.monotonic() - self.started}
        if self.args.out:
            os.makedirs(self.args.out, exist_ok=True)
            with open(os.path.join(self.args.out, "gpu_check.json"), "w", encoding="utf-8") as f:
                json.dump(summary, f, indent=2)
        mismatched = [r for r in self.rows if r["peak_cache_bytes"] != r["predicted_peak_cache_bytes"]]
        print(f"done in {summary['seconds']:.0f} s; {len(self.rows)} rows; peak-cache mismatches: {len(mismatched)}")
        return 1 if mismatched or not self.rows else 0


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", help="folder for gpu_check.json")
    parser.add_argument("--tiny", action="store_true", help="full block counts, tiny widths (CPU smoke test)")
    parser.add_argument("--cpu", action="store_true", help="run on the CPU even if a GPU is present")
    parser.add_argument("--dtype", choices=["bfloat16", "float16", "float32"],
                        help="weights and activations (default bfloat16 on a GPU, float32 on a CPU)")
    parser.add_argument("--models", default="pixart,flux", type=lambda s: s.split(","))
    parser.add_argument("--pixart-images", default="1,100", type=lambda s: [int(v) for v in s.split(",")],
                        help="images per batch for PixArt (2 CFG rows each); the paper timed batch 100")
    parser.add_argument("--flux-images", default="1", type=lambda s: [int(v) for v in s.split(",")])
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--budget", type=float, default=200.0, help="seconds after which remaining rows are skipped")
    parser.add_argument("--schedules", action="append", default=[],
                        help="folder searched (recursively) for the published schedule JSON files; repeatable")
    return parser.parse_args(argv)


if __name__ == "__main__":
    sys.exit(Check(parse(sys.argv[1:])).main())
