"""From the runs and the held-out results to the benchmark's figures: curves, images-to-reach ratios, held-out
front quality, generalization gap, heuristics matched; written as CSV, SVG, JSON and a Markdown summary."""
import json
import os
import statistics

from heldout import front_quality, heuristics_matched
from indicators import curve, images_to_reach
from report import COLOURS, Plot, write_csv


def _stats(values):
    values = [v for v in values if v is not None]
    if not values:
        return None
    return {"mean": statistics.fmean(values), "min": min(values), "max": max(values), "n": len(values)}


def analyse(runs, names, heldout, base, heuristic_names, size):
    uncached = heldout[("uncached",)]
    calibration_uncached = statistics.fmean(base["rewards"])
    heuristics = {h: heldout[("h", h)] for h in heuristic_names}
    per_run = {}
    for (name, seed), run in runs.items():
        points = curve(run["trace"])
        members = [heldout[(name, seed, i)] for i in range(len(run["front"]))]
        gaps = [(-cal[0] - calibration_uncached) - (held[0] - uncached[0])
                for (_, cal), held in zip(run["front"], members)]
        quality = front_quality(members, uncached)
        per_run[(name, seed)] = {
            "curve": points, "images": points[-1][0], "final_hv": points[-1][1], "wall": run["wall"],
            "quality": quality, "gap": statistics.fmean(gaps) if gaps else None,
            "matched": heuristics_matched(members, heuristics, uncached),
            "matched_macs": heuristics_matched(members, heuristics, uncached, by="macs"),
            "members": members}
    for baseline in ("plain", "pymoo"):
        if baseline not in names:
            continue
        for seed in size["search_seeds"]:
            reference = per_run[(baseline, seed)]
            target = reference["final_hv"]
            own = images_to_reach(reference["curve"], target)
            for name in names:
                reach = images_to_reach(per_run[(name, seed)]["curve"], target)
                per_run[(name, seed)][f"ratio_{baseline}"] = None if reach is None else reach / own
    summary = {"uncached_heldout": uncached, "calibration_uncached": calibration_uncached,
               "heuristics": heuristics, "strategies": {}, "runs": per_run}
    for name in names:
        rows = [per_run[(name, seed)] for seed in size["search_seeds"]]
        summary["strategies"][name] = {
            "images": _stats([r["images"] for r in rows]), "final_hv": _stats([r["final_hv"] for r in rows]),
            "ratio_plain": _stats([r.get("ratio_plain") for r in rows]),
            "reached_plain": sum(r.get("ratio_plain") is not None for r in rows),
            "ratio_pymoo": _stats([r.get("ratio_pymoo") for r in rows]),
            "reached_pymoo": sum(r.get("ratio_pymoo") is not None for r in rows),
            "delta2": _stats([r["quality"][2.0] and r["quality"][2.0]["delta"] for r in rows]),
            "delta3": _stats([r["quality"][3.0] and r["quality"][3.0]["delta"] for r in rows]),
            "gap": _stats([r["gap"] for r in rows]),
            "matched": _stats([r["matched"][0] for r in rows]),
            "matched_macs": _stats([r["matched_macs"][0] for r in rows]),
            "wall": _stats([r["wall"] for r in rows]), "seeds": len(rows)}
    return summary


def _fmt(stat, digits=3, signed=False):
    if stat is None:
        return "—"
    form = f"{{:{'+' if signed else ''}.{digits}f}}"
    text = form.format(stat["mean"])
    if stat["n"] > 1:
        text += " [" + form.format(stat["min"]) + ", " + form.format(stat["max"]) + "]"
    return text


def markdown(summary, names, log):
    n_heur = len(summary["heuristics"])
    lines = [
        "| strategy | images | final HV | images to plain's final HV (ratio) | to pymoo's | best Δ held-out ≥2x |"
        " best Δ ≥3x | gap cal−held | heuristics matched (measured / MACs) | wall s |",
        "|---|---|---|---|---|---|---|---|---|---|"]
    for name in names:
        s = summary["strategies"][name]
        lines.append(
            f"| {name} | {_fmt(s['images'], 0)} | {_fmt(s['final_hv'], 4)} | {_fmt(s['ratio_plain'], 2)} "
            f"({s['reached_plain']}/{s['seeds']} reached) | {_fmt(s['ratio_pymoo'], 2)} ({s['reached_pymoo']}/"
            f"{s['seeds']}) | {_fmt(s['delta2'], 3, True)} | {_fmt(s['delta3'], 3, True)} | "
            f"{_fmt(s['gap'], 3, True)} | {_fmt(s['matched'], 1)} / {_fmt(s['matched_macs'], 1)} of {n_heur} | "
            f"{_fmt(s['wall'], 0)} |")
    reward0, latency0, _ = summary["uncached_heldout"]
    lines += ["", f"Uncached on the held-out prompts: reward {reward0:.4f}, {latency0:.4f} s/image. "
              "Values are mean [min, max] over search seeds; ratios are images needed ÷ the baseline's images to "
              "reach its own final hypervolume, per seed.",
              f"Load: start `{log['start_uptime']}`; end `{log['end_uptime']}`; total {log['total_seconds']:.0f} s"
              f" (held-out request {log['heldout_seconds']:.0f} s)."]
    return "\n".join(lines)


def write_outputs(out, runs, names, summary, log):
    per_run = summary["runs"]
    write_csv(os.path.join(out, "curves.csv"), ["strategy", "seed", "images", "hypervolume"],
              [(n, s, i, f"{hv:.6f}") for (n, s), r in per_run.items() for i, hv in r["curve"]])
    reward0, latency0, macs0 = summary["uncached_heldout"]
    write_csv(os.path.join(out, "fronts.csv"),
              ["strategy", "seed", "calibration_reward", "mac_fraction", "heldout_reward", "measured_speedup",
               "mac_speedup"],
              [(n, s, f"{-cal[0]:.4f}", f"{cal[1]:.4f}", f"{held[0]:.4f}", f"{latency0 / held[1]:.3f}",
                f"{macs0 / held[2]:.3f}")
               for (n, s), r in per_run.items() for (_, cal), held in zip(runs[(n, s)]["front"], r["members"])])
    top = max(r["images"] for r in per_run.values())
    low = min(r["curve"][0][1] for r in per_run.values())
    high = max(r["final_hv"] for r in per_run.values())
    plot = Plot("Hypervolume vs images (calibration objective)", "images evaluated",
                "HV of (−reward, MAC fraction) vs (0, 1.05)", (0, top), (low - 0.01, high + 0.01))
    for index, name in enumerate(names):
        colour = COLOURS[index % len(COLOURS)]
        plot.key(name, colour)
        for (n, _), r in per_run.items():
            if n == name:
                plot.line(r["curve"], colour, width=1.6, opacity=0.75)
    plot.save(os.path.join(out, "hypervolume.svg"))
    fronts = Plot("Final fronts on held-out prompts (first search seed)", "measured speedup",
                  "held-out reward", (0.8, 6.0), (0.0, 1.0))
    first = min(s for _, s in per_run)
    for index, name in enumerate(names):
        colour = COLOURS[index % len(COLOURS)]
        fronts.key(name, colour)
        fronts.points([(latency0 / m[1], m[0]) for m in per_run[(name, first)]["members"]], colour)
    fronts.key("heuristics", "#000000")
    fronts.points([(latency0 / h[1], h[0]) for h in summary["heuristics"].values()], "#000000", marker="square")
    fronts.hline(reward0, "#555555", "uncached")
    fronts.save(os.path.join(out, "fronts.svg"))
    text = markdown(summary, names, log)
    with open(os.path.join(out, "summary.md"), "w") as handle:
        handle.write(text + "\n")
    serial = {"log": log, "strategies": summary["strategies"],
              "runs": {f"{n}-s{s}": {k: v for k, v in r.items() if k not in ("curve", "members")}
                       for (n, s), r in per_run.items()}}
    with open(os.path.join(out, "summary.json"), "w") as handle:
        json.dump(serial, handle, indent=1, default=str)
    print(text)
