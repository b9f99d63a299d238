"""Post-OCR text repairs for Chinese circulars (no engine needed).

* :func:`fix_text` — confusions that are safe to repair in Chinese text
  (发文字号 brackets, ASCII punctuation after CJK, O/0 and l/1 between
  digits, e-mail domains, spaces between CJK characters);
* :func:`restore_repeats` — doubled letters/digits that the recogniser's
  CTC decoding merged, put back from stretched second readings of the same
  line (the readings themselves are made by :mod:`pipeline.readers.ocr`).
"""
from __future__ import annotations

import re

# A run of narrow Latin/digit glyphs as in e-mail addresses, URLs, phone and
# QQ numbers — the values a clerk copies out of a circular character by character.
_LATIN_RUN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._%+\-@/: ]*[A-Za-z0-9._%+\-@/:]")
_MIN_ALNUM = 5
# Horizontal stretches for the second readings. Measured on the scanned
# seeds and on rendered serif/sans e-mail lines: 1.3× still merges "jj" on
# one seed line, 2× and 3× recover most merges, 4× starts splitting m→nn.
STRETCHES = (2.0, 3.0)
# Confusions the stretched readings make that must not stop two readings
# from being compared (the characters themselves always come from the first).
_FOLD = str.maketrans({"0": "o", "O": "o", "1": "l", "I": "l", "i": "l", "L": "l"})


def _runs_of(s: str) -> list[tuple[str, int]]:
    """Run-length form of ``s`` after folding: [(char, count), …]."""
    out: list[tuple[str, int]] = []
    for ch in s.translate(_FOLD).lower():
        if out and out[-1][0] == ch:
            out[-1] = (ch, out[-1][1] + 1)
        else:
            out.append((ch, 1))
    return out


def _latin_spans(s: str) -> list[tuple[int, int]]:
    """(start, end) of the Latin runs of ``s`` with at least five letters/digits."""
    return [m.span() for m in _LATIN_RUN.finditer(s)
            if sum(ch.isascii() and ch.isalnum() for ch in m.group(0)) >= _MIN_ALNUM]


def restore_repeats(first: str, readings: list[str]) -> str:
    """``first`` with the doubled letters/digits that ``readings`` show and
    it lacks put back (see :func:`pipeline.readers.ocr._restore_repeats` for why).

    Each Latin run of ``first`` (spaces ignored) is paired, in order, with
    the next run of a reading that has the same letters once repeats are
    squeezed and the confusions 0/o, 1/l/I/i are folded. Where the reading
    has more of one letter or digit, the run gets one more copy of its own
    character there — never more than one per place and never a character
    the first reading did not have. Runs with no partner are left alone.
    """
    spans = _latin_spans(first)
    if not spans:
        return first
    cand = []
    for r in readings:
        cand.append([_runs_of(r[a:b].replace(" ", "")) for a, b in _latin_spans(r)])
    out, last = [], 0
    for a, b in spans:
        run = first[a:b]
        chars = [i for i, ch in enumerate(run) if ch != " "]
        mine = _runs_of(run.replace(" ", ""))
        want = [n for _, n in mine]
        for runs in cand:
            for k, other in enumerate(runs):
                if [c for c, _ in other] == [c for c, _ in mine]:
                    want = [max(w, min(n, m + 1)) for w, n, (_, m) in zip(want, [n for _, n in other], mine)]
                    del runs[: k + 1]
                    break
        extra: dict[int, str] = {}  # index in run → copies to add after it
        pos = 0
        for (ch, n), w in zip(mine, want):
            end = chars[pos + n - 1]
            if w > n and ch.isalnum():
                extra[end] = run[end] * (w - n)
            pos += n
        if extra:
            rebuilt = "".join(ch + extra.get(i, "") for i, ch in enumerate(run))
            out.append(first[last:a] + rebuilt)
            last = b
    out.append(first[last:])
    return "".join(out)


# --- post-OCR text fixes ----------------------------------------------------

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# 发文字号 brackets misread as [] 【】 () {}; only when a 4-digit year is
# followed by N号, which is the 发文字号 pattern (GB/T 9704-2012 §7.2.4).
_DOCNUM = re.compile(r"([" + _CJK + r"]{1,10})\s*[\[【(（〔{]\s*((?:19|20)\d{2})\s*[\]】)）〕}]\s*(\d{1,4})\s*号")
_PUNCT_AFTER_CJK = {":": "：", ",": "，", ";": "；", "?": "？", "!": "！"}


_EMAIL_DOMAIN = re.compile(r"(?<=[A-Za-z0-9_])\s*@\s*([A-Za-z0-9\-]+(?:\s*\.\s*[A-Za-z0-9\-]+)+)")


def _fix_domain(m: re.Match) -> str:
    dom = re.sub(r"\s+", "", m.group(1))
    return "@" + re.sub(r"(?<=[A-Za-z])0(?=[A-Za-z])", "o", dom)


def fix_text(s: str) -> str:
    """Repair the OCR confusions that are safe to repair in Chinese text.

    * 发文字号 brackets: ``松工总[2017]64号`` → ``松工总〔2017〕64号``;
    * ASCII ``: , ; ? !`` right after a CJK character → full-width (the
      engine reads ``：``/``，`` as ASCII); a time such as ``9:30`` is
      untouched because a digit precedes it;
    * ``O``/``o`` between digits → ``0``, ``l``/``I`` between digits → ``1``;
    * in the domain of an e-mail address, ``0`` between two letters → ``o``
      (``163.c0m`` → ``163.com``; domain labels do not mix digits into words
      that way) and spaces around ``@``/``.`` are removed;
    * spaces the engine inserts between two CJK characters are removed.
    """
    s = _DOCNUM.sub(lambda m: f"{m.group(1)}〔{m.group(2)}〕{m.group(3)}号", s)
    s = re.sub(r"(?<=[" + _CJK + r"）”])\s*([:,;?!])\s*", lambda m: _PUNCT_AFTER_CJK[m.group(1)], s)
    s = re.sub(r"(?<=\d)[Oo](?=\d)", "0", s)
    s = re.sub(r"(?<=\d)[lI](?=\d)", "1", s)
    s = _EMAIL_DOMAIN.sub(_fix_domain, s)
    s = re.sub(r"(?<=[" + _CJK + r"，。、：；])\s+(?=[" + _CJK + r"])", "", s)
    return s.strip()

