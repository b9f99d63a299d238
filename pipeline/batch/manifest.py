"""The batch manifest (append-only JSON lines, one per finished file) and
content hashing."""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

MANIFEST = "manifest.jsonl"
ERRORS = "errors.jsonl"
INDEX = "index.sqlite"
RECORD_SUFFIX = ".json"


def load_manifest(path: Path) -> dict[str, dict]:
    """Read an append-only manifest: the last entry per ``path`` wins; a torn
    or garbled line (a killed writer) is ignored, and a torn tail is cut off
    so the next append starts on a fresh line."""
    entries: dict[str, dict] = {}
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return entries
    if data and not data.endswith(b"\n"):
        cut = data.rfind(b"\n") + 1
        with open(path, "r+b") as f:
            f.truncate(cut)
            os.fsync(f.fileno())
        data = data[:cut]
    for line in data.splitlines():
        try:
            e = json.loads(line)
        except ValueError:
            continue
        if isinstance(e, dict) and isinstance(e.get("path"), str) and e.get("sha256"):
            entries[e["path"]] = e
    return entries


def manifest_line(e: dict) -> str:
    return json.dumps(e, ensure_ascii=False, sort_keys=True)


def sha256_file(path: str) -> str:
    """Content sha256 of a file, read in 1 MiB chunks."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()
