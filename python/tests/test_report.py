"""beiancheck.report: the run summary page from Python (the core's renderer, as the CLI's
`batch --report`): counts, provinces, escaping of every value, nulls, an empty run."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import beiancheck

REPO = Path(__file__).resolve().parents[2]
AS_OF = "2026-12-01"


def cell(html: str, id_: str) -> int:
    m = re.search(r'id="' + re.escape(id_) + r'">(\d+)<', html)
    assert m, f"no #{id_}"
    return int(m.group(1))


def test_report_counts_and_escaping(tmp_path):
    e = beiancheck.Engine()
    app = json.loads((REPO / "examples" / "access-filing-shanghai.json").read_text(encoding="utf-8"))
    hostile = {"province": "<script>alert(1)</script>", "subject": {"kind": "\"><img src=x onerror=alert(2)>"},
               "websites": [{"name": "<script>alert(3)</script>"}]}
    inputs = [app, json.dumps(app), "{", hostile, None]
    results = e.check_many(inputs, as_of=AS_OF)
    results[4] = None  # a null row
    html = beiancheck.report(results, inputs, source="<i>run</i>", path=tmp_path / "r.html")
    assert (tmp_path / "r.html").read_text(encoding="utf-8") == html
    assert (cell(html, "rows-in"), cell(html, "rows-out"), cell(html, "rows-errors"), cell(html, "rows-null")) == (5, 5, 1, 1)
    assert 'data-province="SH"' in html and f'id="pack-version">{e.version}<' in html
    for bad in ("<script", "<img", "<i>run"):
        assert bad not in html, bad
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&lt;i&gt;run&lt;/i&gt;" in html
    # The same rows give the same page (no clock, no randomness in it).
    assert beiancheck.report(results, inputs, source="<i>run</i>") == html


def test_report_edges():
    e = beiancheck.Engine()
    empty = beiancheck.report([])
    assert cell(empty, "rows-in") == 0 and "✓ yes" in empty
    only = beiancheck.report(e.check_many(["{}"]))  # no inputs: provinces unknown
    assert cell(only, "rows-in") == 1
    with pytest.raises(ValueError, match="2 inputs for 1 results"):
        beiancheck.report(e.check_many(["{}"]), ["{}", "{}"])
    with pytest.raises(TypeError, match=r"results\[0\] is a str"):
        beiancheck.report(["eligible"])
