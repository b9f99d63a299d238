"""The OCR engine for scans (PDF pages without a text layer, images, OFD page images).

The engine is RapidOCR on ONNX Runtime (``rapidocr-onnxruntime``: PP-OCR
det/cls/rec models ship inside the wheel, so nothing is downloaded at run
time; ECOSYSTEM.md §2 "Scans / OCR"). It is an optional extra: it is
imported lazily, loaded once per process (~0.4 s), and a missing install
raises :class:`MissingDependencyError` with the pip command.

Two settings (:class:`Settings`, chosen with ``UC_OCR_MODE`` or
:func:`configure`; ``benchmarks/bench_ocr.py`` measures both in one run):

* ``fast`` (default): the detector sees the page at :data:`DET_SIDE` px on
  its long side while the recogniser reads each line cropped from the
  full-resolution page; no 180° line classifier (scanned circulars are
  upright); lines recognised at 40 px high (:data:`REC_HEIGHT`) in batches
  of similar width (padding costs as much as text); box heights fitted to
  the ink (:func:`_fit_height`); blank pages and crops holding only a
  ruling are not read; ONNX Runtime uses the cores this process may use (one thread in a batch
  worker, :func:`configure` ``threads=1``) and the CUDA provider when
  ``onnxruntime-gpu`` offers it; PDF pages are rendered at the resolution
  of their scan (``pipeline.readers.pdf_ocr``), not upsampled to 200 dpi;
  the stretched second readings cover only the Latin run of a line;
  full-width brackets the crop shows half-width are made half-width
  (:mod:`pipeline.readers.ocr_brackets`).
* ``legacy``: the behaviour before issue 14 — RapidOCR's own pipeline
  (detector at up to 2000 px, classifier, batches of 6), PDF pages
  rendered at 200 dpi, whole lines stretched for the second readings.

Page layout is in :mod:`pipeline.readers.ocr_layout`, ruled tables in
:mod:`pipeline.readers.ocr_rulings`, text repairs in
:mod:`pipeline.readers.ocr_text`; their public names are re-exported here.
Long OCR runs report each page through :func:`page_done` to the callback
set with :func:`set_progress` (the CLI prints it on a terminal).
"""
from __future__ import annotations

import os
import threading
from dataclasses import dataclass, replace
from typing import Callable, Optional

from pipeline.errors import MissingDependencyError
from pipeline.readers.ocr_brackets import fix_brackets
from pipeline.readers.ocr_layout import (LOW_CONFIDENCE, OcrBox, PageLayout,  # noqa: F401
                                         join_pages, layout_page)
from pipeline.readers.ocr_rulings import (TableRegion, _Line, find_tables, grid_cells,  # noqa: F401
                                          merge_spans, regions)
from pipeline.readers.ocr_text import STRETCHES, _latin_spans, fix_text, restore_repeats  # noqa: F401

INSTALL_HINT = "OCR needed but not installed: pip install 'union-circulars[ocr]'"
DEFAULT_DPI = 200  # scanner default; images without a dpi tag, legacy PDF rendering
# Long side of the image the detector sees in the fast setting (RapidOCR's
# own pipeline: up to 2000 px). Measured on the scanned seeds (bench_ocr.py):
# 1280 px costs a third of 2000 px and finds the same lines with the same
# box heights within 1–2 px; at 960 px boxes come out 2–6 px taller, which
# tips the layout's size cues (a two-line centred title read as two
# paragraphs). A4 body text (16 pt) is ~30 px high at 1280.
DET_SIDE = 1280
# Lines of one recogniser batch differ in width by at most this factor
# (each line is padded to the widest of its batch).
# Height of the recogniser's input in the fast setting (the model was
# trained at 48 px; its input height is free). Measured with bench_ocr.py on
# scanned seed 000 (7 pages): 48 px 8.9 CPU-s/page CER 0.0035, 40 px 5.7
# CPU-s/page CER 0.0027, 32 px 4.4 CPU-s/page CER 0.0042 — the recogniser's
# cost goes with the square of the height (a line's width scales with it).
REC_HEIGHT = 40
TRAINED_HEIGHT = 48
BATCH_SPREAD = 1.1
BATCH_MAX = 8
TEXT_SCORE = 0.5  # RapidOCR's own cut-off for a recognised line

_ENGINE = None
_LOCK = threading.Lock()


@dataclass(frozen=True)
class Settings:
    """How the engine runs. ``mode`` is ``"fast"`` or ``"legacy"`` (see module
    doc); ``threads`` = ONNX Runtime intra-op threads (0: the cores this
    process may use; legacy always leaves ONNX Runtime its default)."""

    mode: str = "fast"
    threads: int = 0
    det_side: int = DET_SIDE
    rec_height: int = REC_HEIGHT

    @property
    def legacy(self) -> bool:
        return self.mode == "legacy"


def _from_env() -> Settings:
    mode = os.environ.get("UC_OCR_MODE", "fast").strip().lower()
    try:
        threads = max(0, int(os.environ.get("UC_OCR_THREADS", "0")))
    except ValueError:
        threads = 0
    return Settings(mode="legacy" if mode == "legacy" else "fast", threads=threads)


_SETTINGS = _from_env()
_BUILT: dict[Settings, "Engine"] = {}


def settings() -> Settings:
    """The settings the next OCR call uses."""
    return _SETTINGS


def configure(s: Optional[Settings] = None, **changes) -> Settings:
    """Change the OCR settings for this process (``configure(threads=1)`` in a
    batch worker, ``configure(Settings(mode="legacy"))`` in the benchmark);
    returns the previous settings. An engine already built for the new
    settings is reused, otherwise one is built on next use."""
    global _SETTINGS, _ENGINE
    with _LOCK:
        old = _SETTINGS
        _SETTINGS = replace(s or old, **changes)
        if _SETTINGS != old:
            _ENGINE = _BUILT.get(_SETTINGS)
    return old


def available() -> bool:
    """True when the OCR extra is importable (does not load the models)."""
    try:
        import importlib.util

        return importlib.util.find_spec("rapidocr_onnxruntime") is not None
    except (ImportError, ValueError):
        return False


def _cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


class Engine:
    """RapidOCR with the session options of a :class:`Settings`.

    Calling it is calling RapidOCR (``engine(bgr) -> (result, elapsed)``);
    :meth:`detect` and :meth:`read` are the two halves the fast setting uses.
    """

    def __init__(self, s: Settings):
        from rapidocr_onnxruntime import RapidOCR

        self.settings = s
        kw: dict = {}
        if not s.legacy:
            kw = {"intra_op_num_threads": min(s.threads or _cores(), _cores()), "inter_op_num_threads": 1}
            if _has_cuda():
                kw.update(det_use_cuda=True, cls_use_cuda=True, rec_use_cuda=True)
        self.rapid = RapidOCR(**kw)
        if not s.legacy:
            _quiet_sessions(self.rapid, kw["intra_op_num_threads"])

    def __call__(self, img, **kw):
        return self.rapid(img, **kw)

    def detect(self, bgr):
        """Text-line quadrilaterals (float32 4×2, image px) of a BGR page,
        found on the page scaled to ``det_side`` px on its long side."""
        import cv2
        import numpy as np

        det = self.rapid.text_det
        h, w = bgr.shape[:2]
        k = self.settings.det_side / max(h, w)
        rh, rw = max(32, int(round(h * k / 32)) * 32), max(32, int(round(w * k / 32)) * 32)
        small = cv2.resize(bgr, (rw, rh), interpolation=cv2.INTER_AREA if k < 1 else cv2.INTER_LINEAR)
        x = (small.astype(np.float32) * (2 / 255.0) - 1.0).transpose(2, 0, 1)[None]  # mean=std=0.5
        preds = det.infer(np.ascontiguousarray(x))[0]
        quads, _ = det.postprocess_op(preds, (h, w))
        quads = det.filter_tag_det_res(quads, (h, w))
        return self.rapid.sorted_boxes(quads) if len(quads) else []

    def read(self, crops: list, height: int = 0) -> list[tuple[str, float]]:
        """(text, score) of each BGR line crop, in order, read at ``height`` px
        (default: the setting's :data:`REC_HEIGHT`). Lines are read in
        batches of similar width (:data:`BATCH_SPREAD`, :data:`BATCH_MAX`)."""
        import numpy as np

        h = height or self.settings.rec_height
        rec = self.rapid.text_rec
        ratios = [c.shape[1] / max(1, c.shape[0]) for c in crops]
        order = sorted(range(len(crops)), key=lambda i: ratios[i])
        out: list[tuple[str, float]] = [("", 0.0)] * len(crops)
        base = MIN_RATIO
        i = 0
        while i < len(order):
            j = i + 1
            while (j < len(order) and j - i < BATCH_MAX
                   and ratios[order[j]] <= BATCH_SPREAD * max(ratios[order[i]], base)):
                j += 1
            idx = order[i:j]
            wh = max([base] + [ratios[k] for k in idx])
            batch = np.stack([_norm(crops[k], h, wh) for k in idx])
            res = rec.postprocess_op(rec.session(batch)[0], False,
                                     wh_ratio_list=[ratios[k] for k in idx], max_wh_ratio=wh)
            for k, r in zip(idx, res):
                out[k] = (r[0], float(r[1]))
            i = j
        return out


MIN_RATIO = 320 / 48  # the recogniser's narrowest input (PP-OCR rec_img_shape 3×48×320)


def _norm(crop, h: int, wh: float):
    """A BGR line crop as the recogniser's input: ``h`` px high keeping its
    aspect ratio, scaled to -1..1, channels first, padded with 0 on the right
    to ``h × wh`` px (the widest line of its batch)."""
    import math

    import cv2
    import numpy as np

    w = max(1, int(h * wh))
    rw = max(1, min(w, int(math.ceil(h * crop.shape[1] / max(1, crop.shape[0])))))
    x = cv2.resize(crop, (rw, h)).astype(np.float32) * (2 / 255.0) - 1.0
    out = np.zeros((3, h, w), np.float32)
    out[:, :, :rw] = x.transpose(2, 0, 1)
    return out


def _quiet_sessions(rapid, threads: int) -> None:
    """Give the detector and recogniser sessions worker threads that sleep
    when idle instead of spinning (ONNX Runtime's default). Measured here on
    the recogniser, 2 threads, machine shared: spinning 0.87 CPU-s per 3
    lines, sleeping 0.57, one thread 0.50 — with no gain in wall time, as
    the spinning threads compete with the work for the same cores."""
    import onnxruntime as ort
    from rapidocr_onnxruntime.main import DEFAULT_CFG_PATH
    from rapidocr_onnxruntime.utils import read_yaml, update_model_path

    cfg = update_model_path(read_yaml(DEFAULT_CFG_PATH))
    for holder, key in ((rapid.text_det.infer, "Det"), (rapid.text_rec.session, "Rec")):
        so = ort.SessionOptions()
        so.log_severity_level = 4
        so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        so.intra_op_num_threads, so.inter_op_num_threads = threads, 1
        so.add_session_config_entry("session.intra_op.allow_spinning", "0")
        holder.session = ort.InferenceSession(str(cfg[key]["model_path"]), so,
                                              providers=holder.session.get_providers())


def _has_cuda() -> bool:
    """True when ONNX Runtime offers the CUDA provider (``onnxruntime-gpu``,
    the ``gpu`` extra) — nothing requires it."""
    try:
        import onnxruntime as ort

        return "CUDAExecutionProvider" in ort.get_available_providers()
    except Exception:
        return False


def engine(path: Optional[str] = None) -> Engine:
    """The process-wide engine for the current :func:`settings`, created on first use.

    Raises :class:`MissingDependencyError` (one line, naming ``path``) when
    ``rapidocr-onnxruntime`` or its runtime cannot be imported.
    """
    global _ENGINE
    if _ENGINE is not None:
        return _ENGINE
    with _LOCK:
        if _ENGINE is None:
            try:
                import rapidocr_onnxruntime  # noqa: F401
            except Exception:  # ImportError, or a broken onnxruntime/opencv wheel
                raise MissingDependencyError(path, INSTALL_HINT, stage="ocr") from None
            s = _SETTINGS
            _ENGINE = _BUILT.get(s) or Engine(s)
            _BUILT[s] = _ENGINE
    return _ENGINE


# --- progress -----------------------------------------------------------------

_PROGRESS: Optional[Callable[[str, int, int], None]] = None


def set_progress(fn: Optional[Callable[[str, int, int], None]]):
    """Set the callback ``fn(path, pages_done, pages_total)`` called after each
    OCR'd page (None: no reporting); returns the previous one. The readers
    call it, so they need not know who shows it (the CLI, a batch worker)."""
    global _PROGRESS
    old, _PROGRESS = _PROGRESS, fn
    return old


def page_done(path: Optional[str], done: int, total: int) -> None:
    """Report one more OCR'd page of ``path`` to the progress callback."""
    fn = _PROGRESS
    if fn is not None:
        fn(path or "", done, total)


# --- recognition ----------------------------------------------------------------

def recognise(img, path: Optional[str] = None) -> list[OcrBox]:
    """Run OCR on an RGB(A)/greyscale ``numpy`` image (H×W[×3|4], uint8).

    Returns the text boxes (empty when the image holds no text), with the
    doubled letters of Latin runs restored (:func:`_restore_repeats`).
    """
    import numpy as np

    eng = engine(path)
    if img.ndim == 2:
        img = np.repeat(img[..., None], 3, axis=2)
    bgr = np.ascontiguousarray(img[..., :3][..., ::-1])  # the engine takes BGR (OpenCV order)
    if eng.settings.legacy:
        return _recognise_legacy(eng, bgr)
    if _blank(bgr):
        return []
    quads = eng.detect(bgr)
    if not len(quads):
        return []
    crops = eng.rapid.get_crop_img_list(bgr, quads)
    keep = [i for i, c in enumerate(crops) if not _ruling_only(c)]
    texts = eng.read([crops[i] for i in keep])
    # Latin runs (e-mail, URL, phone) are read again at the height the model
    # was trained at: at 40 px touching narrow glyphs blur (jj → ji), and the
    # doubled-letter repair below needs their letters right.
    latin = [n for n, (t, _) in enumerate(texts) if _latin_spans(t)]
    if latin and eng.settings.rec_height != TRAINED_HEIGHT:
        for n, r in zip(latin, eng.read([crops[keep[n]] for n in latin], TRAINED_HEIGHT)):
            texts[n] = r
    out: list[OcrBox] = []
    gray = bgr.min(axis=2)
    for i, (text, score) in zip(keep, texts):
        text = (text or "").strip()
        if text and score >= TEXT_SCORE:
            q = quads[i]
            out.append(_fit_height(gray, OcrBox(float(q[:, 0].min()), float(q[:, 1].min()),
                                                float(q[:, 0].max()), float(q[:, 1].max()), text, score)))
    _restore_repeats_fast(eng, bgr, out)
    for b in out:
        if "（" in b.text or "）" in b.text:
            b.text = fix_brackets(gray[max(0, int(b.y0) - 2):int(b.y1) + 3, max(0, int(b.x0) - 2):int(b.x1) + 3],
                                  b.text)
    return out


# Margin above and below the ink of a line in a fitted box, as a fraction of
# the ink height: RapidOCR's boxes on 2000-px pages (the legacy setting, whose
# heights the layout rules were written against) measured on scanned seed 000:
# ~15.8–17.3 pt of ink in 18.3–19.5 pt boxes.
INK_MARGIN = 0.07


def _fit_height(gray, box: OcrBox) -> OcrBox:
    """``box`` with its top and bottom drawn to the ink of the line plus
    :data:`INK_MARGIN`, never beyond the detected box. The detector's box
    height carries its map's quantisation ×2.6 (the text kernel is grown by
    1.6 × its area/perimeter): 1–3 pt at 1280 px, more for short lines; the
    layout compares line heights to 8–10 % (title size, body size), so the
    height is taken from the page's own pixels."""
    import numpy as np

    y0, x0 = int(box.y0), int(box.x0)
    band = gray[y0:int(box.y1) + 1, x0:int(box.x1) + 1]
    if band.shape[0] < 4 or band.shape[1] < 4:
        return box
    ink = np.nonzero((band < float(np.median(band)) - 60).any(axis=1))[0]
    if len(ink) < 2:
        return box
    m = INK_MARGIN * (ink[-1] - ink[0] + 1)
    box.y0 = max(box.y0, float(y0 + ink[0] - m))
    box.y1 = min(box.y1, float(y0 + ink[-1] + 1 + m))
    return box


def _recognise_legacy(eng: Engine, bgr) -> list[OcrBox]:
    result, _ = eng(bgr)
    out: list[OcrBox] = []
    for quad, text, score in result or []:
        xs = [p[0] for p in quad]
        ys = [p[1] for p in quad]
        text = (text or "").strip()
        if text:
            out.append(OcrBox(min(xs), min(ys), max(xs), max(ys), text, float(score)))
    for b in out:
        if _latin_spans(b.text):
            _restore_repeats(eng, bgr, b)
    return out


def _blank(bgr) -> bool:
    """True for a page with (almost) no ink: fewer than 1 in 20,000 pixels
    clearly darker than the paper (one CJK character at 150 dpi is ~400 px). Checked on a 1/4 subsample."""
    import numpy as np

    g = bgr[::4, ::4].mean(axis=2)
    bg = float(np.median(g))
    return int((g < bg - 60).sum()) * 20000 < g.size


def _ruling_only(crop) -> bool:
    """True when a detected box holds a horizontal ruling and no text: its
    dark pixels lie in a band of at most 1/6 of its height that runs across
    at least 80 % of its width (a 版记 line, a table rule, the red header rule)."""
    import numpy as np

    g = crop.mean(axis=2)
    h, w = g.shape
    if h < 6 or w < 4 * h:
        return False
    dark = g < float(np.median(g)) - 60
    rows = np.nonzero(dark.sum(axis=1) > 0.8 * w)[0]
    inked = np.nonzero(dark.any(axis=1))[0]
    if not len(rows) or not len(inked):
        return False
    return inked[-1] - inked[0] + 1 <= max(2, h // 6) and set(inked) <= set(range(rows[0] - 1, rows[-1] + 2))


def _line_crop(img, box: OcrBox, a: float = 0.0, b: float = 1.0):
    """The part ``a``..``b`` (fractions of the width) of a line's box, padded
    by 10 % of its height, or None when too small."""
    H, W = img.shape[:2]
    pad = max(2, int(0.1 * box.h))
    x0f, x1f = box.x0 + a * (box.x1 - box.x0), box.x0 + b * (box.x1 - box.x0)
    y0, y1 = max(0, int(box.y0) - pad), min(H, int(box.y1) + pad)
    x0, x1 = max(0, int(x0f) - pad), min(W, int(x1f) + pad)
    if y1 - y0 < 4 or x1 - x0 < 4:
        return None
    return img[y0:y1, x0:x1]


def _restore_repeats(eng, img, box: OcrBox) -> None:
    """Put back doubled narrow characters the recogniser dropped, in place.

    The recogniser's CTC decoding merges two identical labels on adjacent
    frames into one unless a blank frame separates them; two narrow glyphs
    that touch (``jj`` in a serif face, ``11``) give no blank, so
    ``sjzghjjb@126.com`` is read as ``sjzghjb@126.com``. The line is
    recognised again stretched horizontally (:data:`STRETCHES`, more frames
    per glyph) and :func:`restore_repeats` takes from those readings only
    how many times each character stands there. (Legacy setting: the
    whole line, one reading at a time.)
    """
    import cv2
    import numpy as np

    crop = _line_crop(img, box)
    if crop is None:
        return
    readings = []
    for f in STRETCHES:
        wide = cv2.resize(crop, (int(crop.shape[1] * f), crop.shape[0]), interpolation=cv2.INTER_CUBIC)
        res, _ = eng(np.ascontiguousarray(wide), use_det=False, use_cls=False)
        if res:
            readings.append("".join(str(r[0]) for r in res))
    box.text = restore_repeats(box.text, readings)


def _span_fraction(text: str, a: int, b: int) -> tuple[float, float]:
    """Where characters ``a``..``b`` of a line's text lie across its box, as
    fractions of the width: CJK and full-width characters count 1, others
    0.55 (the advance of a Latin glyph in the faces 公文 use)."""
    w = [1.0 if ord(ch) > 0x2E7F else 0.55 for ch in text]
    tot = sum(w) or 1.0
    return sum(w[:a]) / tot, sum(w[:b]) / tot


def _restore_repeats_fast(eng: Engine, img, boxes: list[OcrBox]) -> None:
    """:func:`_restore_repeats` for the fast setting: only the Latin runs of
    a line (with 1.5 character heights of margin, so no letter is cut) are
    stretched, and all readings of a page go to the recogniser together."""
    import cv2

    jobs: list[tuple[OcrBox, int]] = []
    crops = []
    for box in boxes:
        spans = _latin_spans(box.text)
        if not spans:
            continue
        fa, fb = _span_fraction(box.text, spans[0][0], spans[-1][1])
        margin = 1.5 * box.h / max(1.0, box.x1 - box.x0)
        crop = _line_crop(img, box, max(0.0, fa - margin), min(1.0, fb + margin))
        if crop is None:
            continue
        for f in STRETCHES:
            crops.append(cv2.resize(crop, (int(crop.shape[1] * f), crop.shape[0]),
                                    interpolation=cv2.INTER_CUBIC))
            jobs.append((box, len(crops) - 1))
    if not crops:
        return
    texts = eng.read(crops, TRAINED_HEIGHT)
    readings: dict[int, list[str]] = {}
    for box, k in jobs:
        if texts[k][0]:
            readings.setdefault(id(box), []).append(texts[k][0])
    for box in boxes:
        if id(box) in readings:
            box.text = restore_repeats(box.text, readings[id(box)])


def to_gray(img):
    """uint8 greyscale view of an RGB/RGBA/greyscale numpy image."""
    import numpy as np

    if img.ndim == 2:
        return img
    rgb = img[..., :3].astype(np.float32)
    return (0.299 * rgb[..., 0] + 0.587 * rgb[..., 1] + 0.114 * rgb[..., 2]).astype(np.uint8)


def ocr_page(img, page: int, pt_per_px: float, path: Optional[str] = None) -> PageLayout:
    """OCR one page image (numpy RGB) and lay it out; see :func:`layout_page`."""
    import numpy as np

    if img.ndim == 3 and img.shape[2] == 4:
        img = img[..., :3]
    img = np.ascontiguousarray(img)
    boxes = recognise(img, path)
    return layout_page(boxes, to_gray(img), page, pt_per_px)
