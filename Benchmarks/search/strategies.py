"""The strategies compared, as spec fragments for the daemon's search (or the pymoo peer), and the benchmark's
sizes. `plain` is NSGA-II at the reference's operators (4-point crossover p = 0.9, mutation_prob = 0.05), seeded
with the quick start's heuristics; every other daemon strategy changes one thing against it."""

PLAIN_HEURISTICS = ["fora:n=2", "fora:n=3", "tgate:k=10", "uncached"]

# Richer heuristic seeds: FORA, T-GATE, per-component intervals, keep-last-steps-fresh (Δ-DiT style), block ranges.
RICH_HEURISTICS = PLAIN_HEURISTICS + [
    "fora:n=4", "fora:n=5", "tgate:k=15", "tgate:k=10,sa=3", "tgate:k=15,sa=3",
    "evenly:self_attn=2", "evenly:cross_attn=2", "evenly:ff=2", "evenly:cross_attn=3,ff=2",
    "evenly:self_attn=2,cross_attn=3", "evenly:self_attn=3,cross_attn=3,ff=3",
    "deltadit:n=2,blocks=3", "deltadit:n=3,blocks=3", "blocks:from=1,to=5,n=2",
]

STRATEGIES = {
    "plain": {"kind": "daemon"},
    "pymoo": {"kind": "pymoo"},
    "multi-fidelity": {"kind": "daemon", "toml": "[multi_fidelity]\nenabled = true\nsubset_prompts = 2\n"
                                                 "promote_fraction = 0.25\n"},
    "rich-seeds": {"kind": "daemon", "heuristics": RICH_HEURISTICS},
    "racing": {"kind": "daemon", "toml": "[strategy]\nracing = true\nrace_chunks = 4\nrace_margin = 0.02\n"},
    "surrogate": {"kind": "daemon", "toml": "[strategy]\nsurrogate = true\nsurrogate_pool = 4\n"},
    "racing+surrogate": {"kind": "daemon", "toml": "[strategy]\nracing = true\nrace_chunks = 4\nrace_margin = 0.02\n"
                                                   "surrogate = true\nsurrogate_pool = 4\n"},
    "step-crossover": {"kind": "daemon", "operators": 'crossover = "step-k-point"\n'},
    "early-stop": {"kind": "daemon", "toml": "[budgets.stagnation]\ngenerations = 2\nepsilon = 0.001\n"},
    "racing+rich": {"kind": "daemon", "heuristics": RICH_HEURISTICS,
                    "toml": "[strategy]\nracing = true\nrace_chunks = 4\nrace_margin = 0.02\n"},
}

SIZES = {
    # ~20 minutes on a quiet 2-core machine: 3 search seeds x the strategies, then one held-out request.
    "full": {"prompts": 8, "seeds": [0], "population": 12, "generations": 6, "search_seeds": [1, 2, 3],
             "heldout_prompts": 16},
    # the full budget with one search seed (what the 2026-12-06 session could afford beside its tests).
    "full-1": {"prompts": 8, "seeds": [0], "population": 12, "generations": 6, "search_seeds": [1],
               "heldout_prompts": 16},
    # what this machine could afford on the day (shared by other agents): 3 search seeds, a small budget.
    "small": {"prompts": 4, "seeds": [0], "population": 8, "generations": 3, "search_seeds": [1, 2, 3],
              "heldout_prompts": 8},
    # a smoke run: one search seed, a tiny budget.
    "quick": {"prompts": 4, "seeds": [0], "population": 8, "generations": 2, "search_seeds": [1],
              "heldout_prompts": 8},
}

SAMPLER = {"name": "dpm-solver++-2m", "steps": 20, "guidance": 4.5}


def spec_toml(strategy, settings, size, seed):
    heuristics = settings.get("heuristics", PLAIN_HEURISTICS)
    quoted = ", ".join(f'"{h}"' for h in heuristics)
    return (
        f'kind = "search"\nname = "bench-{strategy}-s{seed}"\nmodel = "shapes32"\n'
        f'prompts = {{ file = "jobs/prompts/shapes-calibration.txt" }}\nprompt_limit = {size["prompts"]}\n'
        f'images_per_prompt = {len(size["seeds"])}\nseeds = {size["seeds"]}\npopulation = {size["population"]}\n'
        f'seed = {seed}\n\n[operators]\nmutation_prob = 0.05\n{settings.get("operators", "")}\n[init]\nheuristics = [{quoted}]\n\n'
        f'[budgets]\ngenerations = {size["generations"]}\n\n[publish]\nname = "bench/{strategy}-s{seed}"\n\n'
        + settings.get("toml", ""))
