"""Schedule files: ecad.schedule/v1 and the reference JSON, both ways; MACs against the reference's numbers."""

import base64
from types import SimpleNamespace

import numpy as np
import pytest

from ecad_worker_diffusers import configs
from ecad_worker_diffusers.errors import WorkerError
from ecad_diffusers.families import FluxFamily, Geometry, PixArtFamily, schedule_macs
from ecad_diffusers.schedule import Layout, Schedule


def random_schedule(layout, steps=20, seed=0):
    return Schedule(np.random.default_rng(seed).random((steps, layout.block_count, 3)) < 0.5, layout, "r")


@pytest.mark.parametrize("layout", [Layout.pixart(28), Layout.flux(19, 38)])
def test_v1_document_round_trip(layout):
    schedule = random_schedule(layout)
    doc = schedule.to_document("pixart-alpha-256")
    assert doc["format"] == "ecad.schedule/v1" and doc["blocks"] == layout.block_count
    back = Schedule.from_json(doc)
    assert np.array_equal(back.bits, schedule.bits) and back.layout == layout


@pytest.mark.parametrize("layout", [Layout.pixart(28), Layout.flux(19, 38)])
def test_reference_format_round_trip(layout):
    schedule = random_schedule(layout, seed=3)
    ref = schedule.to_reference()
    step = ref["cache_schedule"]["schedule"]["007"]
    if layout.groups[0][0] == "pixart":
        assert set(step["27"]) == {"attn1", "attn2", "ff"}
    else:
        assert "single_37" in step and set(step["18"]) == {"full_attn", "full_ff", "full_ff_context"}
    back = Schedule.from_json(ref)
    assert np.array_equal(back.bits, schedule.bits) and back.layout == layout


def test_digest_matches_ecadcore_for_the_uncached_pixart_schedule():
    # The value docs/schedule-format.md gives for the uncached 20-step PixArt schedule.
    expected = "99a18d8977ef4366a013092a4f19bfb3e026a8133e25bfd89386d7a73361b929"
    assert Schedule.all_compute(20, Layout.pixart(28)).digest() == expected
    assert Schedule.fora(20, Layout.pixart(28), 2).digest() != expected


def test_bits_are_packed_most_significant_first_in_step_block_slot_order():
    layout = Layout.pixart(1)
    bits = np.zeros((3, 1, 3), dtype=bool)
    bits[0, 0, 0] = True  # flat bit 0
    bits[2, 0, 2] = True  # flat bit 8
    raw = base64.b64decode(Schedule(bits, layout).base64_bits())
    assert raw == bytes([0x80, 0x80])


def test_bare_wire_schedule_takes_the_models_layout():
    layout = Layout.flux(2, 3)
    schedule = random_schedule(layout, steps=4)
    wire = {"steps": 4, "blocks": 5, "components": layout.components, "bits": schedule.base64_bits()}
    assert np.array_equal(Schedule.from_document(wire, layout).bits, schedule.bits)


@pytest.mark.parametrize("change,message", [
    ({"blocks": 6}, "blocks: 6 does not match"),
    ({"components": ["attn1", "attn2", "ff"]}, "components: expected"),
    ({"bits": "AAAA"}, "expected 8 bytes"),
    ({"bits": "not base64!"}, "not valid base64"),
    ({"format": "other/v9"}, "format"),
])
def test_bad_wire_schedules_name_the_field(change, message):
    layout = Layout.flux(2, 3)
    wire = {"steps": 4, "blocks": 5, "components": layout.components,
            "bits": random_schedule(layout, steps=4).base64_bits(), **change}
    with pytest.raises(WorkerError, match=message):
        Schedule.from_document(wire, layout)


def test_padding_bits_must_be_zero():
    layout = Layout.pixart(1)  # 1 step x 1 block x 3 slots = 3 bits in one byte
    with pytest.raises(WorkerError, match="padding"):
        Schedule.from_base64(base64.b64encode(b"\xff").decode(), 1, layout)


def test_reference_schedule_missing_a_block_is_refused():
    ref = random_schedule(Layout.pixart(2), steps=2).to_reference()
    del ref["cache_schedule"]["schedule"]["001"]["1"]
    with pytest.raises(WorkerError, match="step 001 has no block '1'"):
        Schedule.from_json(ref)


# The reference's recorded TMACs (ecad.md section 6; counted at batch 2).
@pytest.mark.parametrize("family,config,geometry,blocks,recorded", [
    (PixArtFamily, configs.PIXART_ALPHA_256, Geometry(2, 256, 120), Layout.pixart(28), {1: 5.714, 2: 2.872, 3: 2.019}),
    (FluxFamily, {**configs.FLUX1_DEV, "out_channels": None}, Geometry(2, 256, 512), Layout.flux(19, 38),
     {1: 198.69, 2: 99.54, 3: 69.80}),
])
def test_macs_match_the_reference_counts(family, config, geometry, blocks, recorded):
    config = SimpleNamespace(**config)
    component, overhead = family.component_macs(config, geometry), family.overhead_macs(config, geometry)
    for interval, tmacs in recorded.items():
        plan = Schedule.fora(20, blocks, interval).plan()
        assert schedule_macs(plan, component, overhead, 2) / 1e12 == pytest.approx(tmacs, abs=0.006)
