"""The GPU job specs in jobs/: only fields docs/job-specs.md defines, the settings the issue asks for, and models,
samplers and heuristics this worker and ECADCore understand."""

import re
import tomllib
from pathlib import Path

import pytest

from ecad_worker_diffusers.models import CATALOG

JOBS = Path(__file__).resolve().parents[3] / "jobs"
SPECS = ["pixart-alpha-256-search.toml", "pixart-sigma-256-search.toml", "flux1-dev-256-search.toml",
         "pixart-alpha-256-evaluate.toml"]

# The fields of docs/job-specs.md (a nested dict is a table; None is a leaf).
SHARED = {"kind": None, "name": None, "model": None, "backend": None, "prompts": None, "prompt_limit": None,
          "images_per_prompt": None, "seeds": None, "sampler": {"name": None, "steps": None, "guidance": None}}
KNOWN = {
    "search": {**SHARED, "population": None, "objectives": None, "seed": None,
               "operators": {k: None for k in ("crossover", "points", "crossover_prob", "mutation_prob", "mutation_rate")},
               "init": {k: None for k in ("heuristics", "registry", "files", "random")},
               "budgets": {"generations": None, "evaluations": None, "until": None,
                           "stagnation": {"generations": None, "epsilon": None}},
               "multi_fidelity": {k: None for k in ("enabled", "subset_prompts", "promote_fraction")},
               "strategy": {k: None for k in ("racing", "race_chunks", "race_margin", "surrogate", "surrogate_pool")},
               "publish": {"enabled": None, "name": None}},
    "evaluate": {**SHARED, "schedules": None, "include_baseline": None, "metrics": None, "latency_repeats": None},
}
HEURISTIC = re.compile(r"^[a-z]+(:[a-z_]+=\d+(,[a-z_]+=\d+)*)?$")  # ECADCore's compact form, e.g. tgate:k=10,sa=3


def spec(name: str) -> dict:
    with open(JOBS / name, "rb") as f:
        return tomllib.load(f)


def unknown_fields(value: dict, known: dict, path: str = "") -> list[str]:
    out = []
    for key, item in value.items():
        if key not in known:
            out.append(path + key)
        elif isinstance(known[key], dict) and isinstance(item, dict):
            out += unknown_fields(item, known[key], f"{path}{key}.")
    return out


@pytest.mark.parametrize("name", SPECS)
def test_specs_use_only_documented_fields_and_models_and_samplers_of_this_worker(name):
    job = spec(name)
    assert unknown_fields(job, KNOWN[job["kind"]]) == []
    assert job["model"] in CATALOG and job["backend"] == "diffusers"
    assert job["sampler"]["steps"] == 20
    assert job["sampler"]["name"] == ("flow-euler" if job["model"].startswith("flux") else "dpm-solver++-2m")


def test_alpha_search_uses_the_reference_settings():
    job = spec("pixart-alpha-256-search.toml")
    assert (job["population"], job["budgets"]["generations"], job["images_per_prompt"]) == (72, 50, 10)
    assert job["objectives"] == ["reward", "macs"]
    assert job["operators"] == {"crossover": "k-point", "points": 4, "crossover_prob": 0.9}
    assert job["prompts"]["file"].endswith("imagereward-100.txt")


def test_sigma_search_warm_starts_from_the_alpha_front():
    alpha, sigma = spec("pixart-alpha-256-search.toml"), spec("pixart-sigma-256-search.toml")
    assert sigma["init"]["registry"] == [alpha["publish"]["name"]]


def test_evaluation_compares_the_front_with_fora_and_tgate():
    job = spec("pixart-alpha-256-evaluate.toml")
    assert {"registry": "pixart-alpha-256/front"} in job["schedules"]
    assert {"heuristic": "fora"} in job["schedules"] and {"heuristic": "tgate"} in job["schedules"]
    assert {"fid", "clip", "reward", "latency", "macs"} <= set(job["metrics"])


def test_heuristics_are_written_in_ecadcore_compact_form():
    names = [n for s in SPECS for n in spec(s).get("init", {}).get("heuristics", [])]
    names += [s["heuristic"] for s in spec("pixart-alpha-256-evaluate.toml")["schedules"] if "heuristic" in s]
    assert names and all(HEURISTIC.match(name) for name in names), [n for n in names if not HEURISTIC.match(n)]
