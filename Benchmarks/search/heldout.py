"""Held-out quality: every run's final front, the uncached schedule and the heuristics, evaluated by one worker in
one request on benchmark prompts no search saw. Speedups are measured (uncached latency / schedule latency, both
from that request) and also given from MACs."""
import numpy as np

from worker_client import wire_schedule


def evaluate_all(worker, layout, named_bits, prompts, seeds, sampler):
    """{key: (reward, latency, macs)} for {key: flat bits}; identical bit strings are evaluated once."""
    steps, blocks, components = layout
    unique = {}
    for key, bits in named_bits.items():
        unique.setdefault(np.asarray(bits, np.uint8).tobytes(), []).append(key)
    order = list(unique)
    schedules = [wire_schedule(np.frombuffer(b, np.uint8), steps, blocks, components) for b in order]
    results = {}
    for raw, evaluation in zip(order, worker.evaluate(schedules, prompts, seeds, sampler)):
        value = (float(np.mean(evaluation["rewards"])), evaluation["latency_seconds"], evaluation["macs"])
        for key in unique[raw]:
            results[key] = value
    return results


def front_quality(members, uncached, thresholds=(2.0, 3.0)):
    """Per threshold: the member with the best held-out reward at ≥ threshold measured speedup, as
    {speedup, mac_speedup, reward, delta} (None when no member is that fast). members: [(reward, latency, macs)]."""
    reward0, latency0, macs0 = uncached
    out = {}
    for threshold in thresholds:
        fast = [m for m in members if latency0 / m[1] >= threshold]
        best = max(fast, key=lambda m: m[0], default=None)
        out[threshold] = None if best is None else {
            "speedup": latency0 / best[1], "mac_speedup": macs0 / best[2], "reward": best[0],
            "delta": best[0] - reward0}
    return out


def heuristics_matched(members, heuristics, uncached, by="measured"):
    """How many heuristics have a front member at an equal or higher speedup with an equal or higher held-out
    reward (speedup measured, or from MACs with by='macs'); returns (matched, total, names not matched)."""
    _, latency0, macs0 = uncached

    def speed(value):
        return latency0 / value[1] if by == "measured" else macs0 / value[2]

    missed = [name for name, h in heuristics.items()
              if not any(speed(m) >= speed(h) and m[0] >= h[0] for m in members)]
    return len(heuristics) - len(missed), len(heuristics), missed
