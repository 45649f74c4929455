"""The rest of the Python face: engine construction and pickling, errors, result objects,
domains, materials, stubs."""

from __future__ import annotations

import ast
import json
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

import beiancheck
from beiancheck import Engine


def test_pickle_round_trip(engine, apps):
    e2 = pickle.loads(pickle.dumps(engine))
    assert type(e2) is Engine and e2.sha256 == engine.sha256 and e2.version == engine.version
    assert e2.check(apps[3]).to_json() == engine.check(apps[3]).to_json()


def test_pickle_of_a_loaded_pack_and_a_tampered_digest(engine, apps):
    custom = Engine.from_pack(engine.pack_bytes() + b"\n")  # same content, other bytes
    assert custom.sha256 != engine.sha256
    again = pickle.loads(pickle.dumps(custom))
    assert again.sha256 == custom.sha256
    assert again.check(apps[0]).rules["sha256"] == custom.sha256
    fn, (data, sha) = custom.__reduce__()
    with pytest.raises(beiancheck.PackError) as info:
        fn(data, "0" * 64)
    assert info.value.path == "sha256"


def test_from_pack_bytes_path_and_errors(engine, tmp_path):
    p = tmp_path / "pack.json"
    p.write_bytes(engine.pack_bytes())
    assert Engine.from_pack(p).sha256 == engine.sha256
    assert Engine.from_pack(str(p)).sha256 == engine.sha256
    assert Engine.from_pack(bytearray(engine.pack_bytes())).sha256 == engine.sha256
    pack = json.loads(engine.pack_bytes())
    pack["catalogue"]["codes"][0]["severity"] = "fatal"
    with pytest.raises(beiancheck.PackError) as info:
        Engine.from_pack(json.dumps(pack).encode())
    assert info.value.path == "catalogue.codes[0].severity"
    assert isinstance(info.value, beiancheck.BeiancheckError)
    with pytest.raises(beiancheck.PackError):
        Engine.from_pack(b"{not json")
    with pytest.raises(TypeError):
        Engine.from_pack(42)  # type: ignore[arg-type]


def test_check_rejects_non_applications(engine):
    # One answer to bad input: a Python value that is not an application is the same
    # InputError as the JSON text for it, and the same error row check_many gives.
    for bad, text in [(42, "42"), (None, "null"), ([1, 2], "[1,2]")]:
        with pytest.raises(beiancheck.InputError) as as_value:
            engine.check(bad)
        with pytest.raises(beiancheck.InputError) as as_text:
            engine.check(text)
        assert as_value.value.code == as_text.value.code == "INPUT_MALFORMED"
        [row] = engine.check_many([bad])
        assert isinstance(row, beiancheck.ErrorResult) and row.code == "INPUT_MALFORMED"
    with pytest.raises(beiancheck.InputError) as info:
        engine.check("{bad json")
    assert (info.value.code, info.value.line, info.value.column) == ("INPUT_MALFORMED", 1, 2)
    with pytest.raises(beiancheck.InputError) as info:
        engine.check({"websites": [{"domain": float("inf")}]})
    assert info.value.path == "websites[0].domain"


def test_deep_and_cyclic_dicts_are_input_errors(engine):
    deep: dict = {}
    cur = deep
    for _ in range(300):
        cur["a"] = {}
        cur = cur["a"]
    with pytest.raises(beiancheck.InputError, match="deeper"):
        engine.check(deep)
    cyclic: dict = {"subject": {}}
    cyclic["subject"]["self"] = cyclic
    with pytest.raises(beiancheck.InputError):
        engine.check(cyclic)


def test_dates_and_tuples_in_dicts_convert(engine, apps):
    import datetime

    app = json.loads(json.dumps(apps[0]))
    app["as_of"] = datetime.date(2026, 11, 29)
    app["websites"] = tuple(app.get("websites", []))
    assert engine.check(app).to_json() == engine.check(apps[0]).to_json()


def test_report_is_typed_and_dict_like(engine, cases):
    app = next(c["application"] for _, c in cases if c["expect"].get("verdict") == "ineligible")
    r = engine.check(app)
    d = r.to_dict()
    assert list(r.keys()) == list(d.keys()) == list(r)
    assert len(r) == len(d)
    for k in d:
        v = r[k]
        if k == "findings":
            assert [f.to_dict() for f in v] == d[k]
        else:
            assert v == d[k], k
    assert r.verdict == d["verdict"] == "ineligible"
    assert r.filing_type == d["filing_type"]
    assert r.materials == d["materials"] and r.steps == d["steps"] and r.timeline == d["timeline"]
    assert r.get("nope", 5) == 5 and "verdict" in r and "nope" not in r
    with pytest.raises(KeyError):
        r["nope"]
    f = r.findings[0]
    assert f["code"] == f.code and f["message"]["zh"] == f.message_zh and f.message["en"] == f.message_en
    assert f.severity in ("error", "warning", "info") and f.source and isinstance(f.context, dict)
    assert r.codes == [x["code"] for x in d["findings"]]
    assert "ineligible" in repr(r) and f.code in repr(r)
    assert json.loads(r.to_json()) == d == json.loads(r.to_json(pretty=True))


def test_check_domain(engine):
    d = engine.check_domain("例子.中国")
    assert d.verdict == "eligible" and d.ascii == "xn--fsqu00a.xn--fiqs8s" and d.tld_status == "approved"
    assert "例子.中国" in repr(d) and "eligible" in repr(d)
    io = engine.check_domain("example.io")
    assert io.verdict == "ineligible" and io.codes == ["DOMAIN_TLD_NOT_APPROVED"]
    assert io["tld"] == "io" and io.to_dict()["findings"][0]["code"] == "DOMAIN_TLD_NOT_APPROVED"
    assert json.loads(io.to_json())["verdict"] == "ineligible"
    gov = engine.check_domain("国务院.政务.cn", subject_kind="enterprise")
    assert gov.verdict == "ineligible" and "DOMAIN_SUFFIX_RESERVED" in gov.codes
    bad = engine.check_domain("x.com", province="Atlantis")
    assert "PROVINCE_UNKNOWN" in bad.codes


def test_check_domains_list(engine):
    names = ["例子.中国", "example.io", None, "gov.cn", "203.0.113.7"]
    res = engine.check_domains(names)
    assert res[2] is None, "a null name is a null result, not an invalid name"
    assert [None if r is None else r.verdict for r in res] == [None if n is None else engine.check_domain(n).verdict for n in names]
    assert engine.check_domains([]) == []
    assert res[1].codes == ["DOMAIN_TLD_NOT_APPROVED"]
    with pytest.raises(TypeError):
        engine.check_domains(["a.com", 5])
    with pytest.raises(TypeError):
        engine.check_domains("example.com")


def test_materials(engine):
    m = engine.materials(province="SH", subject_kind="individual", non_local=True)
    codes = [x["code"] for x in m["materials"]]
    assert "RESIDENCE_PERMIT" in codes and "SUBJECT_CERTIFICATE" in codes
    plain = engine.materials(province="SH", subject_kind="individual")
    assert "RESIDENCE_PERMIT" not in [x["code"] for x in plain["materials"]]
    with pytest.raises(TypeError, match="provnce"):
        engine.materials(provnce="SH")


def test_command_line_repr(tmp_path):
    out = subprocess.run(
        [sys.executable, "-c", "import beiancheck; print(beiancheck.Engine().check_domain('例子.中国'))"],
        capture_output=True,
        text=True,
        check=True,
        encoding="utf-8",
        cwd=tmp_path,
    )
    assert out.stdout.startswith("<DomainReport 例子.中国 eligible registrable=例子.中国 (xn--fsqu00a.xn--fiqs8s)")


def test_stubs_cover_every_public_name():
    pkg = Path(beiancheck.__file__).parent
    assert (pkg / "py.typed").exists()
    stub = ast.parse((pkg / "_native.pyi").read_text(encoding="utf-8"))
    stubbed = {n.name: n for n in stub.body if isinstance(n, ast.ClassDef)}
    stubbed_names = set(stubbed) | {
        t.id for n in stub.body if isinstance(n, ast.AnnAssign) for t in [n.target] if isinstance(t, ast.Name)
    }
    native = beiancheck._native
    public = {n for n in dir(native) if not n.startswith("_")} | {"__version__"}
    assert public <= stubbed_names, public - stubbed_names
    for name, cls in stubbed.items():
        obj = getattr(native, name, None)
        if obj is None or not isinstance(obj, type) or issubclass(obj, BaseException):
            continue
        members = {n.name for n in cls.body if isinstance(n, (ast.FunctionDef,))}
        have = {m for m in vars(obj) if not m.startswith("__") or m in ("__reduce__",)}
        assert have <= members | {"__new__"}, (name, have - members)
    for name in beiancheck.__all__:
        assert hasattr(beiancheck, name), name
