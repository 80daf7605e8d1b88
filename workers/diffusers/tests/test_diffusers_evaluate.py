"""The optional evaluate fields (docs/worker-protocol.md): fidelity against a baseline, images and grids, latency
repeats, and the checks on bad values; the numpy PSNR/SSIM against their definitions."""

import math

import numpy as np
import pytest
from PIL import Image

from ecad_worker_diffusers import fidelity
from ecad_worker_diffusers.errors import WorkerError
from ecad_worker_diffusers.evaluate_options import EvaluateOptions
from ecad_diffusers.schedule import Layout, Schedule
from test_diffusers_protocol import SAMPLER, WorkerProcess, hello


def random_image(seed, size=16):
    return np.random.default_rng(seed).integers(0, 256, (size, size, 3), dtype=np.uint8)


def test_psnr_follows_its_definition():
    a = np.zeros((4, 4, 3), dtype=np.uint8)
    b = a.copy()
    b[0, 0, 0] = 48  # MSE = 48^2 / 48 = 48
    assert fidelity.psnr(a, b) == pytest.approx(10 * math.log10(255 * 255 / 48))
    assert fidelity.psnr(a, a) == math.inf


def test_ssim_is_one_for_identical_images_and_lower_for_noise():
    a = random_image(1, 32)
    assert fidelity.ssim(a, a) == 1.0
    noisy = np.clip(a.astype(int) + np.random.default_rng(2).integers(-40, 41, a.shape), 0, 255).astype(np.uint8)
    assert 0 < fidelity.ssim(a, noisy) < 0.99


def test_ssim_of_a_constant_shift_matches_the_closed_form():
    # Constant images: variances and covariance are 0, so SSIM = (2 mx my + C1) / (mx^2 + my^2 + C1).
    a, b = np.full((12, 12, 3), 100, np.uint8), np.full((12, 12, 3), 140, np.uint8)
    c1 = (0.01 * 255) ** 2
    assert fidelity.ssim(a, b) == pytest.approx((2 * 100 * 140 + c1) / (100**2 + 140**2 + c1))


def test_compare_leaves_out_an_infinite_mean_psnr():
    images = [random_image(3), random_image(4)]
    assert fidelity.compare(images, images) == (None, 1.0)
    psnr, ssim = fidelity.compare(images, [random_image(5), random_image(6)])
    assert psnr is not None and math.isfinite(psnr) and ssim < 1


@pytest.mark.parametrize("body,needle", [
    ({"baseline_index": 2}, "baseline_index 2 is out of range"),
    ({"frechet_reference": "fid"}, 'supported: "prompts"'),
    ({"latency_repeats": 0}, "latency_repeats must be 1...10"),
    ({"latency_repeats": 11}, "got 11"),
    ({"image_directory": "relative/dir"}, "not an absolute path"),
    ({"image_directory": "/nonexistent/ecad/dir"}, "does not exist"),
    ({"image_directory": "/tmp/../tmp"}, '".."'),
])
def test_bad_optional_fields_are_refused_naming_the_field(body, needle):
    with pytest.raises(WorkerError) as info:
        EvaluateOptions.from_body(body, 2)
    assert info.value.code == "bad_request" and needle in info.value.message


def test_the_baseline_is_evaluated_first():
    assert EvaluateOptions.from_body({"baseline_index": 1}, 3).order(3) == [1, 0, 2]
    assert EvaluateOptions.from_body({}, 3).order(3) == [0, 1, 2]


def test_evaluate_answers_the_optional_fields_when_asked(tmp_path):
    layout = Layout.pixart(3)
    full = Schedule.all_compute(4, layout).to_document("tiny-pixart")
    fora = Schedule.fora(4, layout, 2).to_document("tiny-pixart")
    prompts, seeds = ["a red circle", "b"], [0, 5]
    worker = WorkerProcess()
    try:
        hello(worker)
        worker.request({"type": "load", "id": "l", "model": "tiny-pixart", "device": "cpu"})
        body = {"type": "evaluate", "schedules": [fora, full], "prompts": prompts, "seeds": seeds,
                "sampler": SAMPLER, "baseline_index": 1, "frechet_reference": "prompts", "latency_repeats": 3,
                "image_directory": str(tmp_path)}
        first = worker.request({**body, "id": "e1"})["evaluations"]
        again = worker.request({**body, "id": "e2"})["evaluations"]
        plain = worker.request({"type": "evaluate", "id": "e3", "schedules": [fora], "prompts": prompts,
                                "seeds": seeds, "sampler": SAMPLER})["evaluations"][0]
        refused = worker.request({**body, "id": "e4", "image_directory": str(tmp_path / "missing")})
    finally:
        worker.close()
    cached, baseline = first
    assert (cached["index"], baseline["index"]) == (0, 1)
    assert baseline["ssim"] == 1.0 and "psnr" not in baseline
    assert 0 < cached["ssim"] < 1 and math.isfinite(cached["psnr"])
    assert all("frechet_distance" not in e for e in first)  # no reference renderer in this worker
    for evaluation in first:
        repeats = evaluation["latency_repeats"]
        assert len(repeats) == 3 and evaluation["latency_seconds"] == sorted(repeats)[1]
        s = evaluation["index"]
        assert evaluation["images"] == [f"s{s}/p0-s0.png", f"s{s}/p0-s5.png", f"s{s}/p1-s0.png", f"s{s}/p1-s5.png"]
        assert evaluation["grid"] == f"s{s}/grid.png"
        sizes = {Image.open(tmp_path / path).size for path in evaluation["images"]}
        assert len(sizes) == 1
        (width, height), = sizes
        grid = Image.open(tmp_path / evaluation["grid"])
        assert grid.width > 2 * 4 * width and grid.height > 2 * 4 * height
    # The cached images differ from the baseline's; the same request gives the same numbers apart from latency.
    assert not np.array_equal(np.asarray(Image.open(tmp_path / "s0/p0-s0.png")),
                              np.asarray(Image.open(tmp_path / "s1/p0-s0.png")))
    drop = ("latency_seconds", "latency_repeats")
    assert [{k: v for k, v in e.items() if k not in drop} for e in first] == \
        [{k: v for k, v in e.items() if k not in drop} for e in again]
    assert set(plain) == {"index", "rewards", "macs", "latency_seconds"}
    assert refused["type"] == "error" and "image_directory" in refused["message"]
