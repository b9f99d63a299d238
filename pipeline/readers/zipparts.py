"""Reading members of a zip package (.docx, .ofd) by the bytes they really
inflate to, not by what the zip header claims.

``ZipFile.read`` trusts the header's ``file_size``: a member whose header
under-states its size inflates in one call to whatever the compressed data
holds (a 2 MB member of zeros became 2.1 GB before failing). Here every
member is inflated in 1 MiB steps and counted, and reading stops — with a
one-line :class:`DocumentLoadError` naming the file and the part — as soon
as a member, or the package as a whole, passes its limit.
"""
from __future__ import annotations

import zipfile
import zlib

from pipeline.errors import DocumentLoadError

CHUNK = 1 << 20
PART_LIMIT = 100 * 1024 * 1024     # one XML part; a long circular's document.xml is < 5 MB
PACKAGE_LIMIT = 300 * 1024 * 1024  # everything read from one package


def _first_line(msg: object) -> str:
    return str(msg).strip().splitlines()[0] if str(msg).strip() else "unknown error"


class Members:
    """Bounded reads from one open ``zipfile.ZipFile`` named ``path`` in messages."""

    def __init__(self, z: zipfile.ZipFile, path: str, *, part_limit: int = PART_LIMIT,
                 package_limit: int = PACKAGE_LIMIT, kind: str = "zip"):
        self.z, self.path, self.kind = z, path, kind
        self.part_limit, self.left = part_limit, package_limit

    def read(self, name: str) -> bytes:
        """The inflated bytes of member ``name`` (a ``ZipInfo`` or its name).

        Raises :class:`DocumentLoadError`: the member inflates past the part
        limit or the package's remaining budget (a zip bomb), or it is
        damaged (CRC error, truncation, unsupported compression)."""
        label = name.filename if isinstance(name, zipfile.ZipInfo) else name
        limit = min(self.part_limit, self.left)
        out = bytearray()
        try:
            with self.z.open(name) as f:
                while True:
                    chunk = f.read(CHUNK)  # inflates at most CHUNK bytes per step
                    if not chunk:
                        break
                    out += chunk
                    if len(out) > limit:
                        raise DocumentLoadError(
                            self.path, f"{label} inflates to more than {limit // 2**20} MB "
                                       f"(a zip bomb or not a real {self.kind}); refused")
        except DocumentLoadError:
            raise
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, zlib.error,
                NotImplementedError, RuntimeError, ValueError) as e:
            raise DocumentLoadError(self.path, f"cannot unpack {label} ({_first_line(e)})") \
                from None
        self.left -= len(out)
        return bytes(out)
