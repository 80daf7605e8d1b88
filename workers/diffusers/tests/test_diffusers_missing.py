"""Missing weights or packages give one clear error naming what to fetch and what points at it."""

import pytest
import torch

from ecad_worker_diffusers import scorers
from ecad_worker_diffusers.errors import WorkerError
from ecad_worker_diffusers.pipelines import PipelineBackend


@pytest.mark.parametrize("model,repo", [("pixart-alpha-256", "PixArt-alpha/PixArt-XL-2-1024-MS"),
                                        ("pixart-sigma-256", "PixArt-alpha/PixArt-Sigma-XL-2-1024-MS"),
                                        ("flux1-dev-256", "black-forest-labs/FLUX.1-dev")])
def test_missing_pipeline_weights_name_the_repo_and_the_variable(model, repo, tmp_path, monkeypatch):
    monkeypatch.setenv("ECAD_WEIGHTS", str(tmp_path))
    with pytest.raises(WorkerError) as error:
        PipelineBackend(model, None, torch.device("cpu"))
    assert error.value.code == "missing_weights"
    assert f"hf download {repo}" in error.value.message and "ECAD_WEIGHTS" in error.value.message
    assert str(tmp_path / repo / "model_index.json") in error.value.message


def test_missing_transformer_folder_is_named_even_when_the_pipeline_is_there(tmp_path, monkeypatch):
    monkeypatch.setenv("ECAD_WEIGHTS", str(tmp_path))
    pipeline = tmp_path / "PixArt-alpha" / "PixArt-XL-2-1024-MS"
    pipeline.mkdir(parents=True)
    (pipeline / "model_index.json").write_text("{}")
    with pytest.raises(WorkerError, match="PixArt-alpha/PixArt-XL-2-256x256"):
        PipelineBackend("pixart-alpha-256", None, torch.device("cpu"))


@pytest.mark.parametrize("make,variable,flag,fetch", [
    (lambda: scorers.ImageRewardScorer(None, "cpu"), "ECAD_IMAGEREWARD_DIR", "--imagereward-dir", "THUDM/ImageReward"),
    (lambda: scorers.ClipScorer(None, "cpu"), "ECAD_CLIP_CHECKPOINT", "--clip-checkpoint", "ViT-B-32"),
    (lambda: scorers.FidScorer(None), "ECAD_FID_STATS_DIR", "--fid-stats-dir", "make_custom_stats"),
])
def test_missing_scorer_files_name_the_file_the_variable_and_the_flag(make, variable, flag, fetch, monkeypatch):
    for name in ("ECAD_IMAGEREWARD_DIR", "ECAD_CLIP_CHECKPOINT", "ECAD_FID_STATS_DIR"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(WorkerError) as error:
        make()
    assert error.value.code == "missing_weights"
    for needle in (variable, flag, fetch):
        assert needle in error.value.message


def test_scorer_files_present_but_package_missing_names_the_extra(tmp_path, monkeypatch):
    (tmp_path / "ImageReward.pt").write_bytes(b"")
    (tmp_path / "med_config.json").write_text("{}")
    monkeypatch.setitem(__import__("sys").modules, "ImageReward", None)  # not importable, installed or not
    with pytest.raises(WorkerError, match=r"ecad-worker-diffusers\[imagereward\]") as error:
        scorers.ImageRewardScorer(str(tmp_path), "cpu")
    assert error.value.code == "missing_dependency"
