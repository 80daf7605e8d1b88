"""Reading a registry mirror: a registry bundle (docs/registry.md, "Mirrors") served as static files over HTTP.

Every file is checked against `manifest.json` (size and sha256) before it is used, and a schedule file must also
hash to the digest it is named by, so a tampered or truncated download is refused with a MirrorError and nothing
from it is used. Only the standard library's urllib is used.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import re
import urllib.error
import urllib.request
from dataclasses import dataclass

from .errors import EcadError, MirrorError
from .schedule import Schedule

BUNDLE_FORMAT = "ecad.registry-bundle/v1"
MANIFEST = "manifest.json"
#: Largest file read from a mirror (a 50-step FLUX schedule is under 2 KiB; manifests grow with the registry).
MAX_BYTES = 64 << 20
_HEX = re.compile(r"[0-9a-f]{8,64}")


@dataclass(frozen=True)
class MirrorVersion:
    digest: str
    document: dict
    model: str
    metrics: dict


class Mirror:
    """One mirror at `url` (the folder holding manifest.json); files are fetched on demand and verified."""

    def __init__(self, url: str, timeout: float = 30.0):
        self.url = url.rstrip("/")
        self.timeout = timeout
        self._files: dict[str, tuple[str, int]] | None = None

    # Files -------------------------------------------------------------------------------------------------

    def _download(self, path: str) -> bytes:
        url = f"{self.url}/{path}"
        try:
            with urllib.request.urlopen(url, timeout=self.timeout) as response:
                data = response.read(MAX_BYTES + 1)
        except http.client.IncompleteRead as error:
            raise MirrorError(f"{url}: download truncated after {len(error.partial)} bytes") from None
        except (urllib.error.URLError, OSError, ValueError) as error:
            raise MirrorError(f"{url}: cannot download ({error})") from None
        if len(data) > MAX_BYTES:
            raise MirrorError(f"{url}: larger than {MAX_BYTES} bytes; refused")
        return data

    @property
    def files(self) -> dict[str, tuple[str, int]]:
        """manifest.json as {path: (sha256, bytes)}."""
        if self._files is None:
            manifest = self._json(MANIFEST, self._download(MANIFEST))
            if not isinstance(manifest, dict) or manifest.get("format") != BUNDLE_FORMAT:
                raise MirrorError(f"{self.url}/{MANIFEST}: not an ecad mirror (format is not {BUNDLE_FORMAT!r})")
            try:
                self._files = {e["path"]: (str(e["sha256"]), int(e["bytes"])) for e in manifest["files"]}
            except (KeyError, TypeError, ValueError):
                raise MirrorError(f"{self.url}/{MANIFEST}: files must be [{{path, sha256, bytes}}]") from None
        return self._files

    def fetch(self, path: str) -> bytes:
        """The bytes of `path`, refused unless its size and sha256 are the manifest's."""
        if path not in self.files:
            raise MirrorError(f"{self.url}: {path} is not in the manifest")
        sha256, size = self.files[path]
        data = self._download(path)
        if len(data) != size:
            raise MirrorError(f"{self.url}/{path}: {len(data)} bytes, the manifest says {size} "
                              f"({'truncated' if len(data) < size else 'extended'}); refused")
        actual = hashlib.sha256(data).hexdigest()
        if actual != sha256:
            raise MirrorError(f"{self.url}/{path}: sha256 {actual} is not the manifest's {sha256} (tampered); refused")
        return data

    def _json(self, path: str, data: bytes):
        try:
            return json.loads(data)
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise MirrorError(f"{self.url}/{path}: not JSON ({error})") from None

    # References --------------------------------------------------------------------------------------------

    def digests(self) -> list[str]:
        return sorted(p[len("schedules/"):-len(".json")] for p in self.files
                      if p.startswith("schedules/") and p.endswith(".json"))

    def resolve(self, ref: str) -> str:
        """REF's digest, in the registry's order: an alias, a digest or unique prefix (8+ hex), a name (its
        `balanced` alias, or its only version)."""
        index = self._json("aliases.json", self.fetch("aliases.json"))
        aliases, names = (index.get("aliases"), index.get("names")) if isinstance(index, dict) else (None, None)
        if not isinstance(aliases, dict) or not isinstance(names, dict):
            raise MirrorError(f"{self.url}/aliases.json: expected {{\"names\": {{...}}, \"aliases\": {{...}}}}")
        if ref in aliases:
            return aliases[ref]
        if _HEX.fullmatch(ref):
            matches = [d for d in self.digests() if d.startswith(ref)]
            if len(matches) > 1:
                raise MirrorError(f"{self.url}: digest prefix {ref} is ambiguous ({len(matches)} versions)")
            if matches:
                return matches[0]
        if f"{ref}@balanced" in aliases:
            return aliases[f"{ref}@balanced"]
        if len(names.get(ref, [])) == 1:
            return names[ref][0]
        raise MirrorError(f"{self.url}: no version for {ref!r} (not an alias, digest or name there)")

    def get(self, ref: str) -> MirrorVersion:
        """REF's schedule document and version record, every file verified; the schedule must hash to its name."""
        digest = self.resolve(ref)
        document = self._json(f"schedules/{digest}.json", self.fetch(f"schedules/{digest}.json"))
        record = self._json(f"versions/{digest}.json", self.fetch(f"versions/{digest}.json"))
        if not isinstance(document, dict) or not isinstance(record, dict):
            raise MirrorError(f"{self.url}: schedules/{digest}.json and versions/{digest}.json must be JSON objects")
        try:
            actual = Schedule.from_json(document).digest()
        except EcadError as error:
            raise MirrorError(f"{self.url}/schedules/{digest}.json: {error.message}") from None
        if actual != digest or record.get("digest") != digest:
            raise MirrorError(f"{self.url}/schedules/{digest}.json: the schedule's digest is {actual}, not its name; "
                              "refused")
        try:
            metrics = json.loads(record.get("metrics") or "{}")
        except json.JSONDecodeError:
            metrics = {}
        return MirrorVersion(digest, document, str(record.get("modelID", document.get("model"))), metrics)
