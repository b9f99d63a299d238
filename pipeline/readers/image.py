"""Reader for scanned page images (.png, .jpg, .tif — multi-page TIFF too).

Every frame is OCR'd (:mod:`pipeline.readers.ocr`); positions are converted
to points with the image's own dpi when it records one, else 200 dpi (the
usual scanner setting). An image in which OCR finds no text at all is an
error, not an empty notice.
"""
from __future__ import annotations

import io

from models.document import Document
from pipeline.errors import DocumentLoadError
from pipeline.readers import ocr

MAX_PIXELS = 60_000_000  # ~A3 at 600 dpi; beyond that it is not a page scan


def _dpi(img) -> float:
    d = img.info.get("dpi")
    try:
        x = float(d[0]) if d else 0.0
    except (TypeError, ValueError, IndexError):
        x = 0.0
    return x if 50 <= x <= 1200 else float(ocr.DEFAULT_DPI)


def open_bounded(path: str, data: bytes, what: str = "image"):
    """``PIL.Image.open`` of ``data`` with its size checked before any pixel is
    decoded: more than :data:`MAX_PIXELS` — a decompression bomb such as a
    30000×30000 PNG of a few KB — is a one-line :class:`DocumentLoadError`,
    and PIL's own DecompressionBombWarning/-Error never reach the user."""
    import warnings

    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            img = Image.open(io.BytesIO(data))
    except Image.DecompressionBombError:
        raise DocumentLoadError(path, f"{what} too large to OCR (more than "
                                      f"{MAX_PIXELS // 1_000_000} million pixels)") from None
    except (UnidentifiedImageError, OSError, ValueError) as e:
        raise DocumentLoadError(path, f"cannot decode {what} ({e.__class__.__name__})") from None
    if img.width * img.height > MAX_PIXELS:
        raise DocumentLoadError(path, f"{what} too large to OCR ({img.width}×{img.height} px)")
    return img


def read(path: str, data: bytes) -> Document:
    """OCR an image file into a ``Document`` (``format="image"``, ``ocr=True``,
    one page per frame, blocks with ``origin="ocr"``).

    Errors: :class:`MissingDependencyError` without the OCR extra;
    :class:`DocumentLoadError` for undecodable images or when no text is found.
    """
    ocr.engine(path)  # the install hint before anything else
    import numpy as np
    from PIL import ImageOps, UnidentifiedImageError

    img = open_bounded(path, data)
    try:
        n_frames = getattr(img, "n_frames", 1)
    except (UnidentifiedImageError, OSError, ValueError) as e:
        raise DocumentLoadError(path, f"cannot decode image ({e.__class__.__name__})") from None
    layouts = []
    for i in range(n_frames):
        try:
            img.seek(i)
            frame = ImageOps.exif_transpose(img).convert("RGB")  # phone photos carry EXIF rotation
        except (OSError, ValueError, EOFError) as e:
            raise DocumentLoadError(path, f"cannot decode image frame {i + 1} ({e})") from None
        layouts.append((i + 1, ocr.ocr_page(np.asarray(frame), i + 1, 72 / _dpi(img), path)))
        ocr.page_done(path, i + 1, n_frames)
    doc = Document(path=path, sha256="", format="image", pages=n_frames, ocr=True)
    doc.blocks = ocr.join_pages(layouts)
    for _, lay in layouts:
        doc.warnings.extend(lay.warnings)
    if not any(b.raw.strip() for b in doc.blocks):
        raise DocumentLoadError(path, "OCR found no text in the image (blank page or not a scan of text)")
    return doc
