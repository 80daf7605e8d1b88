"""`ecad-worker-diffusers oneshot`: request files in, result files out (the Slurm executor's task), as a subprocess."""

import json
import os
import subprocess
import sys
from pathlib import Path

from ecad_diffusers.schedule import Layout, Schedule

SRC = str(Path(__file__).resolve().parents[1] / "src")
SAMPLER = {"name": "euler", "steps": 4, "guidance": 4.5}


def oneshot(*args):
    env = {**os.environ, "PYTHONPATH": SRC, "OMP_NUM_THREADS": "1"}
    return subprocess.run([sys.executable, "-m", "ecad_worker_diffusers.worker", "oneshot", "--device", "cpu", *args],
                          capture_output=True, text=True, env=env, timeout=300)


def request_lines(model="tiny-pixart", fora=2):
    schedule = Schedule.fora(4, Layout.pixart(3), fora).to_document(model)
    load = {"v": 1, "type": "load", "id": "load", "model": model, "device": "cpu"}
    evaluate = {"v": 1, "type": "evaluate", "id": "evaluate", "schedules": [schedule], "prompts": ["a red circle"],
                "seeds": [0], "sampler": SAMPLER}
    return json.dumps(load) + "\n" + json.dumps(evaluate) + "\n"


def answers(path):
    return [json.loads(line) for line in Path(path).read_text().splitlines()]


def test_a_slot_answers_its_share_of_the_folder_and_loads_once(tmp_path):
    for chunk in (0, 1, 2):
        (tmp_path / f"request-{chunk}.json").write_text(request_lines(fora=2 if chunk != 1 else 3))
    done = oneshot("--folder", str(tmp_path), "--slot", "0", "--slots", "2")
    assert done.returncode == 0, done.stderr

    assert not (tmp_path / "result-1.json").exists()  # slot 1's chunk
    assert not list(tmp_path.glob("*.tmp"))
    first, third = answers(tmp_path / "result-0.json"), answers(tmp_path / "result-2.json")
    assert [a["type"] for a in first] == ["result", "result"]
    assert (first[0]["of"], first[0]["blocks"], first[1]["of"]) == ("load", 3, "evaluate")
    same = [{k: v for k, v in a[1]["evaluations"][0].items() if k != "latency_seconds"} for a in (first, third)]
    assert same[0] == same[1] and same[0]["rewards"][0] < 0  # same request, same seeded answer
    assert done.stderr.count("loading tiny-pixart") == 1

    # A rerun (a requeued task) leaves written results alone and answers only what is missing.
    (tmp_path / "result-0.json").write_text("kept")
    again = oneshot("--folder", str(tmp_path), "--slot", "1", "--slots", "2")
    assert again.returncode == 0, again.stderr
    assert (tmp_path / "result-0.json").read_text() == "kept"
    assert answers(tmp_path / "result-1.json")[1]["of"] == "evaluate"


def test_a_failing_request_is_answered_by_an_error_and_still_exits_zero(tmp_path):
    request = tmp_path / "request.json"
    request.write_text(request_lines(model="no-such-model"))
    done = oneshot("--request", str(request), "--result", str(tmp_path / "result.json"))
    assert done.returncode == 0, done.stderr
    [error] = answers(tmp_path / "result.json")
    assert error["type"] == "error" and error["id"] == "load"


def test_exit_status_is_not_zero_when_a_result_cannot_be_written(tmp_path):
    request = tmp_path / "request.json"
    request.write_text(request_lines())
    done = oneshot("--request", str(request), "--result", str(tmp_path / "missing" / "result.json"))
    assert done.returncode == 1
    assert "cannot write" in done.stderr
