"""What a filer reads through Python (issue 13): the source document of every finding."""

from __future__ import annotations

import json

import beiancheck

from conftest import REPO


def test_findings_and_materials_name_their_public_document():
    engine = beiancheck.Engine()
    app = json.loads((REPO / "examples" / "rejected-personal-forum.json").read_text(encoding="utf-8"))
    report = engine.check(app)
    tld = next(f for f in report.findings if f.code == "DOMAIN_TLD_NOT_APPROVED")
    assert tld.url == "https://cloud.tencent.com/document/product/243/18905"
    assert tld["url"] == tld.url and tld["title"] == tld.title and "title" in tld.keys()
    for f in report.findings:
        assert f.url.startswith("https://") and f.title
    for m in report.to_dict()["materials"]:
        assert m["url"].startswith("https://") and m["title"]
