"""Zone-based extractors (issuers, title, recipients, signed_date, printed,
cc, attachment list) over short real-layout notices, one case per line:
the text as an office receives it, and the value expected. The layouts are
those of GB/T 9704-2012; the seeds were used to develop the rules, these
cases were written to check them on other circulars."""
from __future__ import annotations

import datetime as dt

import pytest

from pipeline.readers import read_bytes
from pipeline.stages.run import extract_document


def run(text: str):
    return extract_document(read_bytes("case.txt", text.encode("utf-8")))


BODY = "为进一步做好相关工作，现将有关事项通知如下。请各单位认真组织，按时完成各项任务。"

ISSUER_CASES = [
    # header "XXX文件"
    (f"温州市总工会文件\n温工〔2020〕3号\n关于开展春训活动的通知\n各县（市、区）总工会：\n{BODY}\n",
     [("温州市总工会", "header")]),
    # joint header, two stacked names then 文件
    (f"嘉兴市总工会\n嘉兴市财政局\n文件\n嘉工〔2021〕9号\n关于印发补助办法的通知\n各基层工会：\n{BODY}\n",
     [("嘉兴市总工会", "header"), ("嘉兴市财政局", "header")]),
    # signature side by side overrides a single header
    (f"宁波市总工会文件\n甬工〔2019〕7号\n关于开展竞赛的通知\n各单位：\n{BODY}\n宁波市劳动竞赛委员会  宁波市总工会\n2019年5月6日\n",
     [("宁波市劳动竞赛委员会", "signature"), ("宁波市总工会", "signature")]),
    # signature stacked on two lines
    (f"关于做好职工疗休养工作的通知\n各产业工会：\n{BODY}\n绍兴市总工会\n绍兴市文化广电旅游局\n二〇一九年十月九日\n",
     [("绍兴市总工会", "signature"), ("绍兴市文化广电旅游局", "signature")]),
    # title prefix only
    (f"湖州市总工会关于开展女职工健康讲座的通知\n各基层工会：\n{BODY}\n", [("湖州市总工会", "title")]),
    # 印发机关 in the 版记 is not an issuer
    (f"关于举办培训班的通知\n各工会：\n{BODY}\n台州市总工会\n2018年3月1日\n台州市总工会办公室  2018年3月2日印发\n",
     [("台州市总工会", "signature")]),
]


@pytest.mark.parametrize("text, expected", ISSUER_CASES)
def test_issuers(text, expected):
    assert [(i.name, i.source) for i in run(text).issuers] == expected


@pytest.mark.parametrize("text, title", [
    (f"关于开展2017年松江区职工劳动竞赛活动的通知\n各镇总工会：\n{BODY}\n",
     "关于开展2017年松江区职工劳动竞赛活动的通知"),
    (f"乐山市总工会办公室关于印发\n《乐山市2014年劳动竞赛计划》的通知\n各县总工会：\n{BODY}\n",
     "乐山市总工会办公室关于印发《乐山市2014年劳动竞赛计划》的通知"),
    (f"丽水市总工会\n关于表彰先进集体的\n决定\n各基层工会：\n{BODY}\n", "丽水市总工会关于表彰先进集体的决定"),
    (f"关于调整会费收缴比例的意见\n{BODY}\n", "关于调整会费收缴比例的意见"),
])
def test_title_lines_joined(text, title):
    assert run(text).title.text == title


@pytest.mark.parametrize("text, recipients", [
    (f"关于开展活动的通知\n各县（市、区）总工会，市直各产业工会：\n{BODY}\n", "各县（市、区）总工会，市直各产业工会"),
    (f"关于开展活动的通知\n各 基 层 工 会：\n{BODY}\n", "各基层工会"),
    (f"关于开展活动的通知\n{BODY}\n", None),
])
def test_recipients(text, recipients):
    r = run(text).recipients
    assert (r.text if r else None) == recipients


@pytest.mark.parametrize("text, signed, printed", [
    (f"关于X的通知\n各工会：\n{BODY}\n金华市总工会\n2018 年 2 月 28 日\n", dt.date(2018, 2, 28), None),
    (f"关于X的通知\n各工会：\n{BODY}\n金华市总工会\n二〇二〇年一月六日\n", dt.date(2020, 1, 6), None),
    (f"关于X的通知\n各工会：\n{BODY}\n金华市总工会办公室\n2017年7月19 日印\n", None,
     ("金华市总工会办公室", dt.date(2017, 7, 19))),
    (f"关于X的通知\n各工会：\n{BODY}\n金华市总工会\n2021年3月1日\n抄送：省总工会。\n金华市总工会办公室        2021年3月2日印发\n",
     dt.date(2021, 3, 1), ("金华市总工会办公室", dt.date(2021, 3, 2))),
])
def test_signed_and_printed_dates(text, signed, printed):
    rec = run(text)
    assert rec.signed_date == signed
    assert ((rec.printed.org, rec.printed.date) if rec.printed else None) == printed


@pytest.mark.parametrize("text, cc", [
    (f"关于X的通知\n各工会：\n{BODY}\n衢州市总工会\n2020年5月1日\n抄送：市国资委，市经信委，市科技\n局，市工商联。\n",
     ["市国资委", "市经信委", "市科技局", "市工商联"]),
    (f"关于X的通知\n各工会：\n{BODY}\n衢州市总工会\n2020年5月1日\n抄送：省总工会、市委办公室、市政府办公室。\n",
     ["省总工会", "市委办公室", "市政府办公室"]),
    (f"关于X的通知\n各工会：\n{BODY}\n衢州市总工会\n2020年5月1日\n", []),
])
def test_cc(text, cc):
    assert run(text).cc == cc


@pytest.mark.parametrize("text, attachments", [
    (f"关于X的通知\n各工会：\n{BODY}\n附件：1．参赛报名表\n2．竞赛实施方案\n舟山市总工会\n2020年5月1日\n",
     [(1, "参赛报名表", False), (2, "竞赛实施方案", False)]),
    (f"关于X的通知\n各工会：\n{BODY}\n附件：职工疗休养申请表\n舟山市总工会\n2020年5月1日\n附件\n职工疗休养申请表\n姓名\t性别\t单位\n",
     [(1, "职工疗休养申请表", True)]),
    (f"关于X的通知\n各工会：\n{BODY}\n附件：1.推荐表\n2.汇总表\n舟山市总工会\n2020年5月1日\n附件一\n推荐表\n姓名\t单位\n附件二\n汇总表\n序号\t单位\t人数\n",
     [(1, "推荐表", True), (2, "汇总表", True)]),
    (f"关于X的通知\n各工会：\n{BODY}\n", []),
])
def test_attachment_list(text, attachments):
    assert [(a.number, a.title, a.present) for a in run(text).attachments] == attachments
