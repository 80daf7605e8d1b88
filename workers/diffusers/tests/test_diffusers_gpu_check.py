"""gpu_check --tiny runs the same code as the GPU check on a CPU, with published-schedule files picked up by name."""

import json

from ecad_worker_diffusers import gpu_check
from ecad_diffusers.schedule import Layout, Schedule


def test_tiny_gpu_check_measures_every_schedule_and_predicts_peak_cache(tmp_path):
    folder = tmp_path / "schedules" / "pixart_alpha_256"
    folder.mkdir(parents=True)
    published = Schedule.fora(20, Layout.pixart(28), 4)
    (folder / "ours_fast.json").write_text(json.dumps(published.to_reference()))
    (folder / "sigma_ours_faster.json").write_text(json.dumps(published.to_reference()))  # Sigma files are skipped
    args = gpu_check.parse(["--tiny", "--cpu", "--models", "pixart", "--pixart-images", "1", "--warmup", "0",
                            "--repeats", "1", "--schedules", str(tmp_path / "schedules"), "--out", str(tmp_path)])
    assert gpu_check.Check(args).main() == 0
    summary = json.loads((tmp_path / "gpu_check.json").read_text())
    names = [row["schedule"] for row in summary["rows"]]
    assert names == ["uncached", "ours_fast", "fora-2", "fora-3"]
    assert all(row["peak_cache_bytes"] == row["predicted_peak_cache_bytes"] for row in summary["rows"])
    assert any("ours_faster" in note for note in summary["notes"])
