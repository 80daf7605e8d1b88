"""Caching schedules: a boolean tensor [S, B, 3] (True = compute) over steps, blocks and component slots.

Two file formats are read and written:
- `ecad.schedule/v1` (docs/schedule-format.md): `steps`, `blocks`, `components`, `layout`, `bits`, where `bits` is
  base64 of the flat bits (step-major, then block, then slot) packed most-significant-bit first.
- the reference ECAD JSON: `cache_schedule.schedule["000"]["<block>"]["<flag>"]`, true = recompute; FLUX single
  blocks are keyed `single_<i>` and PixArt's flags are `attn1`, `attn2`, `ff`.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass, field

import numpy as np

from .errors import ModelMismatch, ScheduleError

FORMAT = "ecad.schedule/v1"

#: Component names per block type, in slot order (the reference genome order).
BLOCK_COMPONENTS: dict[str, tuple[str, str, str]] = {
    "pixart": ("self_attn", "cross_attn", "ff"),
    "flux_double": ("full_attn", "full_ff", "full_ff_context"),
    "flux_single": ("single_attn", "single_proj_mlp", "single_proj_out"),
}
SLOTS = 3
#: Reference-code flag names that differ from ecad's.
REFERENCE_NAMES = {"self_attn": "attn1", "cross_attn": "attn2"}
_FROM_REFERENCE = {v: k for k, v in REFERENCE_NAMES.items()}


def canonical_component(name: str) -> str:
    """ecad's name for a component given in either spelling (`attn1` -> `self_attn`)."""
    name = _FROM_REFERENCE.get(name, name)
    if not any(name in names for names in BLOCK_COMPONENTS.values()):
        known = ", ".join(n for names in BLOCK_COMPONENTS.values() for n in names)
        raise ScheduleError(f"unknown component {name!r}; known: {known}")
    return name


@dataclass(frozen=True)
class Layout:
    """Block types along the block axis: runs of (type, count), e.g. FLUX = 19 double then 38 single blocks."""

    groups: tuple[tuple[str, int], ...]

    @staticmethod
    def pixart(blocks: int) -> "Layout":
        return Layout((("pixart", blocks),))

    @staticmethod
    def flux(double_blocks: int, single_blocks: int) -> "Layout":
        return Layout((("flux_double", double_blocks), ("flux_single", single_blocks)))

    @property
    def block_count(self) -> int:
        return sum(count for _, count in self.groups)

    @property
    def components(self) -> list[str]:
        """The distinct component names, group by group in slot order (the v1 `components` field)."""
        return [name for kind, _ in self.groups for name in BLOCK_COMPONENTS[kind]]

    def blocks(self) -> list[tuple[int, str, int]]:
        """(block index, block type, index inside its group) for every block."""
        out, start = [], 0
        for kind, count in self.groups:
            out.extend((start + i, kind, i) for i in range(count))
            start += count
        return out

    def reference_key(self, kind: str, index_in_group: int) -> str:
        return f"single_{index_in_group}" if kind == "flux_single" else str(index_in_group)

    def to_json(self) -> list[dict]:
        return [{"type": kind, "blocks": count} for kind, count in self.groups]

    @staticmethod
    def from_json(value) -> "Layout":
        if not isinstance(value, list) or not value:
            raise ScheduleError("layout: expected a non-empty array of {type, blocks}")
        groups = []
        for i, group in enumerate(value):
            kind, count = group.get("type"), group.get("blocks")
            if kind not in BLOCK_COMPONENTS or not isinstance(count, int) or count < 1:
                raise ScheduleError(f"layout[{i}]: expected a known type and blocks >= 1, got {group}")
            groups.append((kind, count))
        return Layout(tuple(groups))


@dataclass
class Schedule:
    """A schedule: `bits[s, b, c]` True = compute component slot c of block b at step s."""

    bits: np.ndarray
    layout: Layout
    name: str | None = None
    extra: dict = field(default_factory=dict)

    def __post_init__(self):
        self.bits = np.asarray(self.bits, dtype=bool)
        if self.bits.ndim != 3 or self.bits.shape[1:] != (self.layout.block_count, SLOTS) or self.bits.shape[0] < 1:
            raise ScheduleError(
                f"schedule bits have shape {self.bits.shape}; expected [steps, {self.layout.block_count}, {SLOTS}]",
            )

    @property
    def steps(self) -> int:
        return self.bits.shape[0]

    @property
    def blocks(self) -> int:
        return self.bits.shape[1]

    def plan(self) -> np.ndarray:
        """What runs at inference: the bits with step 0 forced to compute (nothing is cached before it)."""
        plan = self.bits.copy()
        plan[0] = True
        return plan

    # Constructors --------------------------------------------------------------------------------------------

    @staticmethod
    def all_compute(steps: int, layout: Layout) -> "Schedule":
        return Schedule(np.ones((steps, layout.block_count, SLOTS), dtype=bool), layout, "all-compute")

    @staticmethod
    def fora(steps: int, layout: Layout, interval: int) -> "Schedule":
        """FORA: every component computes at steps 0, n, 2n, ... and reuses in between."""
        bits = np.zeros((steps, layout.block_count, SLOTS), dtype=bool)
        bits[::interval] = True
        return Schedule(bits, layout, f"fora-{interval}")

    # ecad.schedule/v1 ----------------------------------------------------------------------------------------

    def base64_bits(self) -> str:
        return base64.b64encode(np.packbits(self.bits.reshape(-1), bitorder="big").tobytes()).decode("ascii")

    @staticmethod
    def from_base64(text: str, steps: int, layout: Layout) -> np.ndarray:
        try:
            raw = base64.b64decode(text, validate=True)
        except (ValueError, TypeError) as error:
            raise ScheduleError(f"bits: not valid base64 ({error})") from None
        count = steps * layout.block_count * SLOTS
        if len(raw) != (count + 7) // 8:
            raise ScheduleError(
                f"bits: expected {(count + 7) // 8} bytes for {steps}x{layout.block_count}x{SLOTS} bits, got {len(raw)}",
            )
        flat = np.unpackbits(np.frombuffer(raw, dtype=np.uint8), bitorder="big")
        if flat[count:].any():
            raise ScheduleError(f"bits: padding bits after bit {count} must be zero")
        return flat[:count].astype(bool).reshape(steps, layout.block_count, SLOTS)

    def to_document(self, model: str) -> dict:
        doc = {
            "format": FORMAT, "model": model, "steps": self.steps, "blocks": self.blocks,
            "components": self.layout.components, "layout": self.layout.to_json(), "bits": self.base64_bits(),
        }
        if self.name:
            doc["name"] = self.name
        return doc

    def digest(self) -> str:
        """SHA-256 (hex) of the canonical encoding of the schedule part, as ECADCore's ScheduleDigest."""
        part = {k: v for k, v in self.to_document("-").items() if k not in ("model", "name")}
        canonical = json.dumps(part, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()

    @staticmethod
    def from_document(doc: dict, expected: Layout | None = None) -> "Schedule":
        """Reads an ecad.schedule/v1 document or a bare wire schedule `{steps, blocks, components, bits}`.

        Without a `layout` field the layout is `expected` (the loaded model's), checked against `blocks`
        and `components`.
        """
        for key in ("steps", "blocks", "components", "bits"):
            if key not in doc:
                raise ScheduleError(f"schedule: missing field {key!r}")
        if doc.get("format", FORMAT) != FORMAT:
            raise ScheduleError(f"schedule format: expected {FORMAT!r}, got {doc['format']!r}")
        layout = Layout.from_json(doc["layout"]) if "layout" in doc else expected
        if layout is None:
            raise ScheduleError("schedule: no layout given and no model loaded to take it from")
        if expected is not None and layout != expected:
            raise ModelMismatch(f"schedule layout {layout.to_json()} does not match the model's {expected.to_json()}")
        steps, blocks = doc["steps"], doc["blocks"]
        if not isinstance(steps, int) or steps < 1:
            raise ScheduleError(f"steps: expected an integer >= 1, got {steps!r}")
        if blocks != layout.block_count:
            raise ScheduleError(f"blocks: {blocks} does not match the layout's {layout.block_count} blocks")
        names = [canonical_component(n) for n in doc["components"]]
        if names != layout.components:
            raise ScheduleError(f"components: expected {layout.components}, got {doc['components']}")
        bits = Schedule.from_base64(doc["bits"], steps, layout)
        return Schedule(bits, layout, doc.get("name"))

    # Reference format ----------------------------------------------------------------------------------------

    def to_reference(self) -> dict:
        table = {}
        for s in range(self.steps):
            step = {}
            for b, kind, i in self.layout.blocks():
                names = BLOCK_COMPONENTS[kind]
                step[self.layout.reference_key(kind, i)] = {
                    REFERENCE_NAMES.get(n, n): bool(self.bits[s, b, c]) for c, n in enumerate(names)
                }
            table[f"{s:03d}"] = step
        body = {"num_blocks": self.layout.groups[0][1], "num_inference_steps": self.steps, "name": self.name or "",
                "attributes": {}, "schedule": table}
        if len(self.layout.groups) == 2:
            body["num_single_blocks"] = self.layout.groups[1][1]
        return {"cache_schedule": body, "config": self.extra.get("config", {}), "metrics": self.extra.get("metrics", {})}

    @staticmethod
    def from_reference(doc: dict) -> "Schedule":
        body = doc.get("cache_schedule")
        if not isinstance(body, dict) or "schedule" not in body:
            raise ScheduleError("reference schedule: missing cache_schedule.schedule")
        table = body["schedule"]
        layout = (Layout.flux(body["num_blocks"], body["num_single_blocks"]) if "num_single_blocks" in body
                  else Layout.pixart(body["num_blocks"]))
        steps = body.get("num_inference_steps", len(table))
        bits = np.zeros((steps, layout.block_count, SLOTS), dtype=bool)
        for s in range(steps):
            step = table.get(f"{s:03d}", table.get(str(s)))
            if step is None:
                raise ScheduleError(f"reference schedule: step {s:03d} is missing")
            for b, kind, i in layout.blocks():
                key = layout.reference_key(kind, i)
                flags = step.get(key)
                if flags is None:
                    raise ScheduleError(f"reference schedule: step {s:03d} has no block {key!r}")
                for c, n in enumerate(BLOCK_COMPONENTS[kind]):
                    flag = REFERENCE_NAMES.get(n, n)
                    if not isinstance(flags.get(flag), bool):
                        raise ScheduleError(f"reference schedule: step {s:03d} block {key!r} flag {flag!r} is not a boolean")
                    bits[s, b, c] = flags[flag]
        extra = {"config": doc.get("config", {}), "metrics": doc.get("metrics", {})}
        return Schedule(bits, layout, body.get("name"), extra)

    # Files ---------------------------------------------------------------------------------------------------

    @staticmethod
    def from_json(doc: dict, expected: Layout | None = None) -> "Schedule":
        """Either format, told apart by its keys."""
        if "cache_schedule" in doc:
            schedule = Schedule.from_reference(doc)
            if expected is not None and schedule.layout != expected:
                raise ModelMismatch(f"schedule layout {schedule.layout.to_json()} does not match the model's {expected.to_json()}")
            return schedule
        return Schedule.from_document(doc, expected)

    @staticmethod
    def load(path: str, expected: Layout | None = None) -> "Schedule":
        try:
            with open(path, encoding="utf-8") as f:
                doc = json.load(f)
        except (OSError, json.JSONDecodeError) as error:
            raise ScheduleError(f"cannot read schedule {path}: {error}") from None
        return Schedule.from_json(doc, expected)
