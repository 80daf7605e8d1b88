"""ecad_diffusers reading a registry mirror served by a real http.server on loopback: references resolve as in
the registry, and a tampered, truncated or misnamed file is refused before anything from it is used."""

import hashlib
import json

import numpy as np
import pytest

from ecad_diffusers import MirrorError, ScheduleError, resolve
from ecad_diffusers.schedule import Layout, Schedule
from mirror_testing import HTTPServer, write_bundle

LAYOUT = Layout.pixart(3)


def document(seed: int) -> dict:
    bits = np.random.default_rng(seed).random((4, LAYOUT.block_count, 3)) < 0.5
    bits[0] = True
    return Schedule(bits, LAYOUT, f"s{seed}").to_document("pixart-alpha-256")


@pytest.fixture
def mirror(tmp_path):
    """A mirror with two versions under `pixart-alpha-256/fast`; yields (url, folder, [digest0, digest1])."""
    docs = [document(0), document(1)]
    digests = [Schedule.from_json(d).digest() for d in docs]
    write_bundle(tmp_path, [(d, "pixart-alpha-256") for d in docs], {"pixart-alpha-256/fast": digests},
                 {"pixart-alpha-256/fast@balanced": digests[1], "pixart-alpha-256/fast@quality": digests[0]})
    server = HTTPServer(tmp_path)
    try:
        yield server.url, tmp_path, digests
    finally:
        server.stop()


@pytest.mark.parametrize("ref,index", [("pixart-alpha-256/fast@quality", 0), ("pixart-alpha-256/fast", 1)])
def test_a_reference_resolves_through_the_mirror_url(mirror, ref, index):
    url, _, digests = mirror
    resolved = resolve(f"{url}/#{ref}")
    assert resolved.schedule.digest() == digests[index]
    assert resolved.model == "pixart-alpha-256" and resolved.metrics["macsRatio"] == 0.5
    assert np.array_equal(resolved.schedule.bits, Schedule.from_json(document(index)).bits)


def test_a_digest_prefix_resolves_with_the_mirror_argument(mirror):
    url, _, digests = mirror
    assert resolve(digests[0][:10], mirror=url).schedule.digest() == digests[0]


def test_ecad_mirror_names_the_mirror_for_bare_references_and_files_still_come_first(mirror, monkeypatch, tmp_path):
    url, _, digests = mirror
    monkeypatch.setenv("ECAD_MIRROR", url)
    assert resolve("pixart-alpha-256/fast@quality").schedule.digest() == digests[0]
    (tmp_path / "local.json").write_text(json.dumps(document(1)))
    assert resolve(str(tmp_path / "local.json")).origin == str(tmp_path / "local.json")


def test_an_unknown_reference_is_refused(mirror):
    url, _, _ = mirror
    with pytest.raises(MirrorError, match="no version for 'pixart-alpha-256/slow'"):
        resolve("pixart-alpha-256/slow", mirror=url)


def test_a_tampered_schedule_file_is_refused(mirror):
    url, folder, digests = mirror
    path = folder / "schedules" / f"{digests[1]}.json"
    data = path.read_bytes()
    path.write_bytes(data.replace(b'"name":"s1"', b'"name":"s9"'))  # same size, other bytes
    with pytest.raises(MirrorError, match="tampered"):
        resolve(f"{url}#pixart-alpha-256/fast")


def test_a_truncated_schedule_file_is_refused(mirror):
    url, folder, digests = mirror
    path = folder / "schedules" / f"{digests[0]}.json"
    path.write_bytes(path.read_bytes()[:40])
    with pytest.raises(MirrorError, match="truncated"):
        resolve(f"{url}#pixart-alpha-256/fast@quality")


def test_a_schedule_swapped_with_a_matching_manifest_is_refused_by_its_digest(mirror):
    url, folder, digests = mirror
    # Serve version 0's bits under version 1's name, and rewrite the manifest to match the new bytes.
    swapped = (folder / "schedules" / f"{digests[0]}.json").read_bytes()
    (folder / "schedules" / f"{digests[1]}.json").write_bytes(swapped)
    manifest = json.loads((folder / "manifest.json").read_text())
    for entry in manifest["files"]:
        if entry["path"] == f"schedules/{digests[1]}.json":
            entry["sha256"], entry["bytes"] = hashlib.sha256(swapped).hexdigest(), len(swapped)
    (folder / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(MirrorError, match="not its name"):
        resolve(f"{url}#pixart-alpha-256/fast")


def test_a_folder_that_is_not_a_mirror_is_refused(mirror):
    url, folder, _ = mirror
    (folder / "manifest.json").write_text(json.dumps({"format": "something/v1", "files": []}))
    with pytest.raises(MirrorError, match="not an ecad mirror"):
        resolve(f"{url}#pixart-alpha-256/fast")


def test_an_unreachable_mirror_names_the_url():
    from mirror_testing import free_port

    with pytest.raises(MirrorError, match="cannot download"):
        resolve(f"http://127.0.0.1:{free_port()}/m#x/y")


def test_a_mirror_url_without_a_reference_is_refused():
    with pytest.raises(ScheduleError, match="needs the reference after '#'"):
        resolve("http://127.0.0.1:1/mirror")
