"""The GPU job specs in jobs/: valid TOML, the settings the issue asks for, and models this worker can load."""

import re
import tomllib
from pathlib import Path

import pytest

from ecad_worker_diffusers.models import CATALOG

JOBS = Path(__file__).resolve().parents[3] / "jobs"


def spec(name: str) -> dict:
    with open(JOBS / name, "rb") as f:
        return tomllib.load(f)


@pytest.mark.parametrize("name", ["pixart-alpha-256-search.toml", "pixart-sigma-256-search.toml",
                                  "flux1-dev-256-search.toml", "pixart-alpha-256-evaluate.toml"])
def test_specs_name_a_model_of_this_worker_and_the_reference_sampler(name):
    job = spec(name)
    assert job["model"] in CATALOG and job["worker"] == "diffusers"
    assert job["sampler"]["steps"] == 20 and job["sampler"]["resolution"] == 256


def test_alpha_search_uses_the_reference_settings():
    job = spec("pixart-alpha-256-search.toml")
    assert (job["search"]["population"], job["search"]["generations"]) == (72, 50)
    assert job["prompts"]["count"] == 100
    assert (job["objectives"]["reward"], job["objectives"]["cost"]) == ("image-reward", "macs")


def test_sigma_search_warm_starts_from_the_alpha_front():
    alpha, sigma = spec("pixart-alpha-256-search.toml"), spec("pixart-sigma-256-search.toml")
    assert sigma["warm_start"]["registry"] == [alpha["publish"]["alias"]]


def test_evaluation_compares_the_front_with_fora_and_tgate_on_three_benchmarks():
    job = spec("pixart-alpha-256-evaluate.toml")
    assert {b["name"] for b in job["benchmarks"]} == {"coco-30k", "mjhq-30k", "parti-prompts"}
    assert any(s.startswith("fora") for s in job["schedules"]["baselines"])
    assert any(s.startswith("tgate") for s in job["schedules"]["baselines"])
    assert all(b.get("fid_stats", b["name"]) == b["name"] for b in job["benchmarks"])  # stats named after data set


HEURISTIC = re.compile(r"^[a-z]+(:[a-z_]+=\d+(,[a-z_]+=\d+)*)?$")  # ECADCore's compact form, e.g. tgate:k=10,sa=3


def test_heuristics_are_written_in_ecadcore_compact_form():
    names = (spec("pixart-alpha-256-search.toml")["search"]["initial"] + spec("flux1-dev-256-search.toml")["search"]["initial"]
             + spec("pixart-sigma-256-search.toml")["warm_start"]["fill"]
             + spec("pixart-alpha-256-evaluate.toml")["schedules"]["baselines"])
    assert all(HEURISTIC.match(name) for name in names), [n for n in names if not HEURISTIC.match(n)]
