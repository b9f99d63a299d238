"""Events: periods and dates that are not deadlines (ANNOTATION.md "deadlines")."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from extractors.deadlines import Ref
from extractors.events import parse_sentence
from pipeline.stages.run import extract_file

D = dt.date
S17 = Ref(signed_date=D(2017, 7, 19))
S18 = Ref(signed_date=D(2018, 2, 28))
ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "corpus" / "seeds"
if not (SEEDS / "000_beae532f0dc098a7.txt").exists():
    SEEDS = Path("/work/shared/seeds")

# (sentence, ref, start, end, precision, label substring)
CASES = [
    ("竞赛时间：2017年7月—11月", S17, D(2017, 7, 1), D(2017, 11, 30), "month", "竞赛时间"),
    ("比赛时间：2018年5月10日至12日", S18, D(2018, 5, 10), D(2018, 5, 12), "day", "比赛时间"),
    ("决赛将于5月20日在市体育馆举行", S18, D(2018, 5, 20), D(2018, 5, 20), "day", "决赛"),
    ("一季度，召开全县职工“聚焦效益品质，聚力创业创新”主题劳动竞赛活动动员会", S18,
     D(2018, 1, 1), D(2018, 3, 31), "quarter", "聚力创业创新”主题劳动竞赛活动动员会"),
    ("活动时间为2018年3月至2018年10月", S18, D(2018, 3, 1), D(2018, 10, 31), "month", "活动时间"),
]


@pytest.mark.parametrize("sent,ref,start,end,prec,label", CASES)
def test_event(sent, ref, start, end, prec, label):
    evs = parse_sentence(sent, ref)
    assert len(evs) == 1, evs
    e = evs[0][0]
    assert (e.start, e.end, e.precision) == (start, end, prec)
    assert label in e.label


@pytest.mark.parametrize("sent,ref", [
    ("请于4月15日前将相关表格上报至县总工会经济工作部", S18),
    ("报名时间：4月9—16日", S18),
    ("2018年，各乡镇至少新培育示范点1个", S18),
])
def test_not_event(sent, ref):
    assert parse_sentence(sent, ref) == []


def test_period_under_heading_gets_heading_label():
    evs = parse_sentence("2017年7月—11月", S17, prev_heading="竞赛时间")
    assert evs[0][0].label == "竞赛时间"


@pytest.mark.parametrize("seed,n", [("000_beae532f0dc098a7", 1), ("001_dde7b99b86b616a6", 1)])
def test_seed_events(seed, n):
    notice = extract_file(SEEDS / f"{seed}.txt")
    assert len(notice.events) == n
    assert not {str(e.start) for e in notice.events} & {str(d.due) for d in notice.deadlines}
