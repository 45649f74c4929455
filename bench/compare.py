#!/usr/bin/env python3
"""beiancheck against its Python peers, on the same generated inputs, in one run.

    bench/compare.py [--quick] [--domains N] [--apps N] [--reps R] [--scaling 1e4,1e5,1e6]
                     [--out docs/BENCHMARKS.md] [--no-rust] [--cli target/release/beiancheck]

Normally started by bench/run.sh, which builds the wheel and the CLI and installs the peers.

* Inputs are generated once (fixed seed) into a temporary directory: a domains text file (one
  name per line) and a JSONL file of applications made by mutating examples/*.json.
* Every implementation runs in its own subprocess (``--worker NAME``), reads the same files,
  runs R repetitions and reports the times and its peak RSS (ru_maxrss at the end). The median
  is reported; ratios are peer time / beiancheck time from the same run.
* Before timing, every peer's verdicts are compared with beiancheck's on a sample: a benchmark
  of implementations that disagree would be meaningless.
* The rule subset the application peers implement (and what "the subset verdict" means on the
  beiancheck side) is SUBSET_CODES below: approved TLD, server prepaid / bought for >= 3 months
  / in a mainland region, resident-ID check digit (GB 11643), website count per order.

Benchmarks are never pass/fail tests; the machine is shared, so compare ratios, not absolutes.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import gc
import json
import os
import platform
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = 20261129

# beiancheck finding codes that correspond to the rule subset the peers implement.
SUBSET_CODES = frozenset(
    {
        "DOMAIN_TLD_NOT_APPROVED",
        "RESOURCE_BILLING_NOT_PREPAID",
        "RESOURCE_TERM_TOO_SHORT",
        "RESOURCE_NOT_MAINLAND",
        "PERSON_ID_INVALID",
        "SUBJECT_CERTIFICATE_INVALID",
        "WEBSITE_COUNT_EXCEEDED",
    }
)

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_MAP = "10X98765432"


def pack_sets():
    """The approved TLDs and mainland regions, from the engine's own rule pack."""
    import beiancheck

    pack = json.loads(beiancheck.Engine().pack_bytes())
    tlds = frozenset(t["tld"] if isinstance(t, dict) else t for t in pack["tlds"]["approved"])
    regions = pack["resources"]["regions"]
    return tlds, frozenset(regions["mainland"]), list(regions["not_mainland"])


# --------------------------------------------------------------------------------------------
# Input generation


def id_check_char(first17: str) -> str:
    return ID_MAP[sum(int(c) * w for c, w in zip(first17, ID_WEIGHTS)) % 11]


def make_id(rng: random.Random, region6: str, valid: bool) -> str:
    birth = _dt.date(1960, 1, 1) + _dt.timedelta(days=rng.randrange(0, 365 * 40))
    body = f"{region6}{birth:%Y%m%d}{rng.randrange(0, 1000):03d}"
    good = id_check_char(body)
    if valid:
        return body + good
    return body + rng.choice([c for c in ID_MAP if c != good])


APPROVED_TLDS_USED = ["com", "cn", "com.cn", "net", "top", "xn--fiqs8s", "xn--55qx5d", "xn--io0a7i", "cc", "vip"]
NOT_APPROVED_TLDS_USED = ["io", "ai", "dev", "app"]


def gen_applications(n: int, mainland: frozenset, not_mainland: list, tlds: frozenset, seed: int = SEED):
    """n applications as JSON text lines: the examples, mutated so that about half fail the subset."""
    rng = random.Random(seed)
    templates = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "examples").glob("*.json"))]
    approved = [t for t in APPROVED_TLDS_USED if t.rsplit(".", 1)[-1] in tlds]
    mainland_l = sorted(mainland)
    id_re = re.compile(r"\b\d{17}[\dX]\b")
    for i in range(n):
        t = templates[i % len(templates)]
        a = json.loads(json.dumps(t))
        personal = a["subject"]["kind"] == "individual"
        if personal:
            nweb = 1 if rng.random() < 0.88 else 2
        else:
            nweb = rng.choice([1, 1, 2, 3, 5]) if rng.random() < 0.93 else 11
        w0, d0 = t["websites"][0], t["domains"][0]
        ws, ds = [], []
        for k in range(nweb):
            tld = rng.choice(approved) if rng.random() < 0.9 else rng.choice(NOT_APPROVED_TLDS_USED)
            label = f"site{rng.randrange(10**6)}-{k}"
            name = f"{label}.{tld}"
            if rng.random() < 0.1:
                name = name.upper()
            w = json.loads(json.dumps(w0))
            d = json.loads(json.dumps(d0))
            w["domain"] = name
            d["name"] = name
            ws.append(w)
            ds.append(d)
        a["websites"], a["domains"] = ws, ds
        r = a["resources"][0]
        r["billing"] = "prepaid" if rng.random() < 0.88 else "postpaid"
        r["purchased_months"] = rng.choice([12, 12, 24, 36, 6, 3]) if rng.random() < 0.9 else rng.choice([1, 2])
        r["region"] = rng.choice(mainland_l) if rng.random() < 0.9 else rng.choice(not_mainland)
        text = json.dumps(a, ensure_ascii=False)
        valid = rng.random() < 0.88
        for old in set(id_re.findall(text)):
            text = text.replace(old, make_id(rng, old[:6], valid))
        yield text


DOMAIN_LABELS = ["example", "shop", "beian", "yunshan-tech", "guangying", "a-b-c", "news", "mail", "api", "cdn"]


def gen_domains(n: int, seed: int = SEED):
    """A realistic mix of names: ASCII, IDN, punycode, upper case, 。, private suffixes, invalid, IPs."""
    rng = random.Random(seed + 1)
    idn = ["例子.中国", "公司.公司", "网络.网络", "测试.中国", "北京.公司", "商城.网络"]
    puny = ["xn--fsqu00a.xn--fiqs8s", "xn--55qx5d.xn--55qx5d", "xn--io0a7i.xn--io0a7i"]
    for _ in range(n):
        r = rng.random()
        lab = f"{rng.choice(DOMAIN_LABELS)}{rng.randrange(10**5)}"
        if r < 0.55:
            tld = rng.choice(["com", "com", "cn", "com.cn", "net", "top", "io", "org"])
            sub = rng.choice(["", "", "www.", "m.", "api.v2."])
            name = f"{sub}{lab}.{tld}"
        elif r < 0.65:
            name = rng.choice(idn)
        elif r < 0.72:
            name = rng.choice(puny)
        elif r < 0.78:
            name = f"WWW.{lab.upper()}.COM.CN"
        elif r < 0.83:
            name = rng.choice(["例子。中国", f"{lab}。公司", f"www。{lab}。cn"])
        elif r < 0.90:
            name = f"{lab}.{rng.choice(['github.io', 'cn.com', 'gitee.io', 'blogspot.com'])}"
        elif r < 0.95:
            name = rng.choice([f"{lab}..com", f"-{lab}.cn", f"{lab}_x.com", "", f"{lab}.", "a" * 70 + ".com"])
        else:
            name = rng.choice([f"203.0.113.{rng.randrange(256)}", f"198.51.100.{rng.randrange(256)}", "2001:db8::1"])
        yield name


# --------------------------------------------------------------------------------------------
# The peers


def id_ok(n) -> bool:
    if not isinstance(n, str):
        return False
    s = n.strip().upper()
    if len(s) != 18 or not s[:17].isdigit():
        return False
    return id_check_char(s[:17]) == s[17]


def tld_of(name: str) -> str:
    name = name.strip().rstrip(".").replace("。", ".").lower()
    last = name.rsplit(".", 1)[-1]
    if not last.isascii():
        last = last.encode("idna").decode("ascii")
    return last


def pydantic_model(tlds: frozenset, mainland: frozenset):
    from typing import List, Optional

    from pydantic import BaseModel, ConfigDict, field_validator, model_validator

    class Base(BaseModel):
        model_config = ConfigDict(extra="ignore")

    class Person(Base):
        id_type: Optional[str] = None
        id_number: Optional[str] = None

        @model_validator(mode="after")
        def _id(self):
            if self.id_type == "resident_id" and self.id_number is not None and not id_ok(self.id_number):
                raise ValueError("resident ID check digit (GB 11643) is wrong")
            return self

    class Certificate(Base):
        type: Optional[str] = None
        number: Optional[str] = None

        @model_validator(mode="after")
        def _id(self):
            if self.type == "resident_id" and self.number is not None and not id_ok(self.number):
                raise ValueError("resident ID check digit (GB 11643) is wrong")
            return self

    class Subject(Base):
        kind: str
        certificate: Optional[Certificate] = None
        responsible_person: Optional[Person] = None

    class Website(Base):
        domain: str
        responsible_person: Optional[Person] = None

        @field_validator("domain")
        @classmethod
        def _tld(cls, v: str) -> str:
            if tld_of(v) not in tlds:
                raise ValueError("TLD not approved by the MIIT")
            return v

    class Domain(Base):
        name: str
        registrant: Optional[Person] = None

        @field_validator("name")
        @classmethod
        def _tld(cls, v: str) -> str:
            if tld_of(v) not in tlds:
                raise ValueError("TLD not approved by the MIIT")
            return v

    class Resource(Base):
        kind: Optional[str] = None
        region: Optional[str] = None
        billing: Optional[str] = None
        purchased_months: Optional[int] = None

        @field_validator("billing")
        @classmethod
        def _prepaid(cls, v):
            if v != "prepaid":
                raise ValueError("server must be prepaid (包年包月)")
            return v

        @field_validator("purchased_months")
        @classmethod
        def _months(cls, v):
            if v is not None and v < 3:
                raise ValueError("server must be bought for at least 3 months")
            return v

        @field_validator("region")
        @classmethod
        def _region(cls, v):
            if v not in mainland:
                raise ValueError("server must be in a mainland region")
            return v

    class Application(Base):
        subject: Subject
        websites: List[Website] = []
        domains: List[Domain] = []
        resources: List[Resource] = []

        @model_validator(mode="after")
        def _count(self):
            limit = 1 if self.subject.kind == "individual" else 10
            if len(self.websites) > limit:
                raise ValueError(f"at most {limit} websites per order")
            return self

    return Application


def zen_graph(tlds: frozenset, mainland: frozenset) -> str:
    """The subset as a GoRules JDM graph: input → expression node (derived facts, all computed
    by ZEN expressions: TLD from the name, the GB 11643 check digit) → first-hit decision table →
    output. No Python pre-step is needed."""
    tl = json.dumps(sorted(tlds))
    ml = json.dumps(sorted(mainland))
    w = json.dumps(list(ID_WEIGHTS))

    def idcheck(expr: str) -> str:
        # expr: the ID number; valid when 18 chars, 17 digits + check char matching MOD 11-2.
        return (
            f"(c = split(upper({expr}), ''); matches(upper({expr}), '^[0-9]{{17}}[0-9X]$') and "
            f"split('{ID_MAP}', '')[sum(map([0..16], number(c[# + 1]) * {w}[#])) % 11 + 1] == c[18])"
        )

    def person_ok(p: str) -> str:
        return f"({p} == null or {p}.id_type != 'resident_id' or {p}.id_number == null or {idcheck(p + '.id_number')})"

    def tld_ok(field: str) -> str:
        return f"(p = split(lower({field}), '.'); p[len(p) - 1] in {tl})"

    exprs = [
        ("tld_ok", f"all(websites, {tld_ok('#.domain')}) and all(domains ?? [], {tld_ok('#.name')})"),
        ("prepaid", "all(resources, #.billing == 'prepaid')"),
        ("months_ok", "all(resources, #.purchased_months == null or #.purchased_months >= 3)"),
        ("mainland", f"all(resources, #.region in {ml})"),
        (
            "ids_ok",
            f"(subject.certificate == null or subject.certificate.type != 'resident_id' or {idcheck('subject.certificate.number')})"
            f" and {person_ok('subject.responsible_person')}"
            f" and all(websites, {person_ok('#.responsible_person')})"
            f" and all(domains ?? [], {person_ok('#.registrant')})",
        ),
        ("personal", "subject.kind == 'individual'"),
        ("websites", "len(websites)"),
    ]
    inputs = [("tld_ok", "tld_ok"), ("prepaid", "prepaid"), ("months_ok", "months_ok"), ("mainland", "mainland"),
              ("ids_ok", "ids_ok"), ("personal", "personal"), ("websites", "websites")]
    rows = [
        {"tld_ok": "false", "_r": "'DOMAIN_TLD_NOT_APPROVED'"},
        {"prepaid": "false", "_r": "'RESOURCE_BILLING_NOT_PREPAID'"},
        {"months_ok": "false", "_r": "'RESOURCE_TERM_TOO_SHORT'"},
        {"mainland": "false", "_r": "'RESOURCE_NOT_MAINLAND'"},
        {"ids_ok": "false", "_r": "'PERSON_ID_INVALID'"},
        {"personal": "true", "websites": "> 1", "_r": "'WEBSITE_COUNT_EXCEEDED'"},
        {"personal": "false", "websites": "> 10", "_r": "'WEBSITE_COUNT_EXCEEDED'"},
        {"_r": "null"},
    ]
    rules = []
    for i, r in enumerate(rows):
        rule = {"_id": f"rule{i}"}
        for cid, _ in inputs:
            rule[f"in_{cid}"] = r.get(cid, "")
        rule["out_eligible"] = "false" if r["_r"] != "null" else "true"
        rule["out_reason"] = r["_r"]
        rules.append(rule)
    pos = {"x": 0, "y": 0}
    graph = {
        "contentType": "application/vnd.gorules.decision",
        "nodes": [
            {"id": "in", "type": "inputNode", "name": "application", "position": pos},
            {
                "id": "facts",
                "type": "expressionNode",
                "name": "facts",
                "position": pos,
                "content": {"expressions": [{"id": f"e_{k}", "key": k, "value": v} for k, v in exprs]},
            },
            {
                "id": "table",
                "type": "decisionTableNode",
                "name": "subset",
                "position": pos,
                "content": {
                    "hitPolicy": "first",
                    "inputs": [{"id": f"in_{c}", "name": c, "field": f} for c, f in inputs],
                    "outputs": [
                        {"id": "out_eligible", "name": "eligible", "field": "eligible"},
                        {"id": "out_reason", "name": "reason", "field": "reason"},
                    ],
                    "rules": rules,
                },
            },
            {"id": "out", "type": "outputNode", "name": "result", "position": pos},
        ],
        "edges": [
            {"id": "e1", "sourceId": "in", "targetId": "facts", "type": "edge"},
            {"id": "e2", "sourceId": "facts", "targetId": "table", "type": "edge"},
            {"id": "e3", "sourceId": "table", "targetId": "out", "type": "edge"},
        ],
    }
    return json.dumps(graph, ensure_ascii=False)


# --------------------------------------------------------------------------------------------
# Implementations: each is set up (untimed) and returns a function that does the whole batch.


def _lines(path: Path):
    with open(path, encoding="utf-8") as f:
        return f.read().splitlines()


def setup(name: str, data: Path, limit: int = 0):
    """(n, run) for implementation `name` on the files in `data` (the first `limit` rows if > 0)."""
    if name.startswith("dom_"):
        names = _lines(data / "domains.txt")
        n = len(names)
        if name == "dom_bc_list":
            import beiancheck

            e = beiancheck.Engine()
            return n, lambda: e.check_domains(names)
        if name == "dom_bc_list_t1":
            import beiancheck

            e = beiancheck.Engine()
            return n, lambda: e.check_domains(names, threads=1)
        if name in ("dom_bc_arrow", "dom_bc_arrow_t1"):
            import pyarrow as pa

            import beiancheck

            e = beiancheck.Engine()
            arr = pa.array(names, pa.string())
            threads = 1 if name.endswith("_t1") else None
            return n, lambda: e.check_domains(arr, threads=threads)
        if name == "dom_tldextract":
            import tldextract

            ext = tldextract.TLDExtract(suffix_list_urls=())
            ext("warm.example.com")
            return n, lambda: [ext(x) for x in names]
        if name == "dom_psl":
            from publicsuffixlist import PublicSuffixList

            psl = PublicSuffixList()
            return n, lambda: [(psl.privatesuffix(x), psl.publicsuffix(x)) for x in names]
    else:
        lines = _lines(data / "apps.jsonl")
        if limit:
            lines = lines[:limit]
        n = len(lines)
        if name in ("app_bc_dicts", "app_bc_dicts_t1", "app_pyd_dicts", "app_zen_dicts"):
            rows = [json.loads(x) for x in lines]
        if name.startswith("app_bc"):
            import beiancheck

            e = beiancheck.Engine()
            if name == "app_bc_dicts":
                return n, lambda: e.check_many(rows)
            if name == "app_bc_dicts_t1":
                return n, lambda: e.check_many(rows, threads=1)
            if name == "app_bc_json":
                return n, lambda: e.check_many(lines)
            if name == "app_bc_json_t1":
                return n, lambda: e.check_many(lines, threads=1)
            if name == "app_bc_arrow":
                import pyarrow as pa

                table = pa.table({"application": pa.array(lines, pa.string())})
                return n, lambda: e.check_arrow(table)
        tlds, mainland, _ = pack_sets()
        if name.startswith("app_pyd"):
            from pydantic import ValidationError

            Model = pydantic_model(tlds, mainland)
            if name == "app_pyd_dicts":

                def run():
                    out = []
                    for r in rows:
                        try:
                            out.append(Model.model_validate(r))
                        except ValidationError as err:
                            out.append(err)
                    return out

                return n, run
            if name == "app_pyd_json":

                def run():
                    out = []
                    for x in lines:
                        try:
                            out.append(Model.model_validate_json(x))
                        except ValidationError as err:
                            out.append(err)
                    return out

                return n, run
        if name.startswith("app_zen"):
            import zen

            decision = zen.ZenEngine().create_decision(zen_graph(tlds, mainland))
            if name == "app_zen_dicts":
                return n, lambda: [decision.evaluate(r) for r in rows]
            if name == "app_zen_json":
                return n, lambda: [decision.evaluate(x) for x in lines]
    raise SystemExit(f"unknown implementation {name}")


# The Python targets of ../shared/DESIGN.md (Targets), in one place: the ratio a peer's time
# must reach over beiancheck's, and the memory bound of the domain batch.
TARGETS = {"dom_tldextract": 20, "dom_psl": 12, "dom_rss_mb": 300}

IMPLS = {
    # name: (label, group, baseline)
    "dom_bc_list": ("beiancheck check_domains(list) → list", "domains", None),
    "dom_bc_list_t1": ("beiancheck check_domains(list, threads=1)", "domains", None),
    "dom_bc_arrow": ("beiancheck check_domains(pa.array) → Table", "domains", None),
    "dom_bc_arrow_t1": ("beiancheck check_domains(pa.array, threads=1) → Table", "domains", None),
    "dom_tldextract": ("tldextract (offline snapshot), split only", "domains", "dom_bc_arrow_t1"),
    "dom_psl": ("publicsuffixlist privatesuffix+publicsuffix, split only", "domains", "dom_bc_arrow_t1"),
    "app_bc_dicts": ("beiancheck check_many(dicts)", "applications", None),
    "app_bc_dicts_t1": ("beiancheck check_many(dicts, threads=1)", "applications", None),
    "app_bc_json": ("beiancheck check_many(JSON str)", "applications", None),
    "app_bc_json_t1": ("beiancheck check_many(JSON str, threads=1)", "applications", None),
    "app_bc_arrow": ("beiancheck check_arrow(Table of JSON str)", "applications", None),
    "app_pyd_dicts": ("pydantic v2 model_validate(dict), subset", "applications", "app_bc_dicts"),
    "app_pyd_json": ("pydantic v2 model_validate_json(str), subset", "applications", "app_bc_json"),
    "app_zen_dicts": ("zen-engine JDM graph evaluate(dict), subset", "applications", "app_bc_dicts"),
    "app_zen_json": ("zen-engine JDM graph evaluate(JSON str), subset", "applications", "app_bc_json"),
}


def peak_rss_kb() -> int:
    """This process's peak RSS in kB: VmHWM, which starts afresh at exec. (ru_maxrss of a child
    started by fork+exec also counts the parent's RSS at the fork on Linux, so a worker started
    by a big parent would report the parent's size.)"""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def worker(name: str, data: Path, reps: int, limit: int = 0) -> None:
    n, run = setup(name, data, limit)
    # Garbage collection treated alike for every implementation (DESIGN.md, Targets): the inputs
    # and the set-up are frozen out of the collector's generations, which stays on.
    gc.collect()
    gc.freeze()
    times = []
    for _ in range(reps):
        t = time.perf_counter()
        out = run()
        times.append(time.perf_counter() - t)
        del out
    rss_kb = peak_rss_kb()
    print(json.dumps({"name": name, "n": n, "times": times, "rss_kb": rss_kb}))


def run_worker(name: str, data: Path, reps: int, limit: int = 0) -> dict:
    p = subprocess.run([sys.executable, __file__, "--worker", name, "--data", str(data), "--reps", str(reps), "--limit", str(limit)],
                       capture_output=True, text=True)
    if p.returncode != 0:
        print(p.stderr, file=sys.stderr)
        return {"name": name, "error": p.stderr.strip().splitlines()[-1] if p.stderr.strip() else f"exit {p.returncode}"}
    return json.loads(p.stdout.strip().splitlines()[-1])


# --------------------------------------------------------------------------------------------
# Agreement


def agreement(data: Path, sample: int) -> dict:
    import beiancheck
    import tldextract
    from publicsuffixlist import PublicSuffixList
    from pydantic import ValidationError

    import zen

    e = beiancheck.Engine()
    tlds, mainland, _ = pack_sets()
    lines = _lines(data / "apps.jsonl")[:sample]
    rows = [json.loads(x) for x in lines]
    bc = []
    full = {"eligible": 0, "ineligible": 0, "needs_review": 0}
    for r in e.check_many(lines):
        codes = set(r.codes)
        bc.append(not (codes & SUBSET_CODES))
        full[r.verdict] = full.get(r.verdict, 0) + 1
    Model = pydantic_model(tlds, mainland)
    decision = zen.ZenEngine().create_decision(zen_graph(tlds, mainland))

    def pyd(x):
        try:
            Model.model_validate_json(x)
            return True
        except ValidationError:
            return False

    def pyd_d(x):
        try:
            Model.model_validate(x)
            return True
        except ValidationError:
            return False

    peers = {
        "pydantic (dicts)": [pyd_d(r) for r in rows],
        "pydantic (JSON)": [pyd(x) for x in lines],
        "zen-engine": [bool(decision.evaluate(r)["result"]["eligible"]) for r in rows],
    }
    out = {"sample": len(lines), "subset_eligible_share": sum(bc) / len(bc), "full_verdicts": full, "apps": {}}
    for k, v in peers.items():
        agree = sum(a == b for a, b in zip(bc, v))
        out["apps"][k] = agree / len(bc)
        bad = [i for i, (a, b) in enumerate(zip(bc, v)) if a != b][:3]
        for i in bad:
            print(f"  disagreement {k} row {i}: beiancheck subset ok={bc[i]} peer={v[i]} codes={e.check(lines[i]).codes}",
                  file=sys.stderr)
    # Domains: the peers only split; compare the registrable name where beiancheck gives one.
    names = _lines(data / "domains.txt")[:sample]
    reps = e.check_domains(names)
    ext = tldextract.TLDExtract(suffix_list_urls=(), include_psl_private_domains=True)
    psl = PublicSuffixList()
    both_t = agree_t = both_p = agree_p = 0
    for nm, r in zip(names, reps):
        reg = r.registrable
        if not reg:
            continue
        x = ext(nm.replace("。", "."))
        t = getattr(x, "top_domain_under_public_suffix", None) or x.registered_domain
        if t:
            both_t += 1
            agree_t += t.lower() in (reg.lower(), (r.registrable_unicode or "").lower())
        p = psl.privatesuffix(nm.replace("。", ".").lower())
        if p:
            both_p += 1
            agree_p += p.lower() in (reg.lower(), (r.registrable_unicode or "").lower())
    out["domains"] = {
        "tldextract": agree_t / max(both_t, 1),
        "publicsuffixlist": agree_p / max(both_p, 1),
        "with_registrable": sum(1 for r in reps if r.registrable) / len(reps),
        "eligible_share": sum(1 for r in reps if r.verdict == "eligible") / len(reps),
    }
    return out


# --------------------------------------------------------------------------------------------
# Scaling: applications streamed through the CLI and through check_iter


def scaling_worker(path: Path) -> None:
    import beiancheck

    e = beiancheck.Engine()
    t = time.perf_counter()
    k = 0

    def rows():
        with open(path, encoding="utf-8") as f:
            for line in f:
                yield line

    for r in e.check_iter(rows()):
        k += r.verdict is not None
    dt = time.perf_counter() - t
    print(json.dumps({"n": k, "secs": dt, "rss_kb": peak_rss_kb()}))


def measure_cli(cli: Path, inp: Path, out: Path) -> dict:
    # Started through a small Python process that execs the CLI and reports VmHWM-equivalent
    # peak RSS of its own child (wait4 from a parent that holds nothing).
    probe = (
        "import os,sys,time,json\n"
        "t=time.perf_counter(); pid=os.fork()\n"
        "if pid==0:\n"
        "    fd=os.open(os.devnull,os.O_WRONLY); os.dup2(fd,1); os.dup2(fd,2); os.execv(sys.argv[1],sys.argv[1:])\n"
        "_,st,ru=os.wait4(pid,0)\n"
        "print(json.dumps({'secs':time.perf_counter()-t,'rss_kb':ru.ru_maxrss,'rc':os.waitstatus_to_exitcode(st)}))\n"
    )
    p = subprocess.run([sys.executable, "-S", "-c", probe, str(cli), "batch", str(inp), "-o", str(out)],
                       capture_output=True, text=True, check=True)
    return json.loads(p.stdout)


def scaling(sizes, cli: Path, tmp: Path, tlds, mainland, not_mainland) -> list:
    res = []
    for n in sizes:
        inp = tmp / f"scale-{n}.jsonl"
        with open(inp, "w", encoding="utf-8") as f:
            for line in gen_applications(n, mainland, not_mainland, tlds, seed=SEED + n):
                f.write(line + "\n")
        row = {"n": n, "bytes": inp.stat().st_size}
        if cli.exists():
            c = measure_cli(cli, inp, tmp / f"scale-{n}.csv")
            row["cli"] = c
            (tmp / f"scale-{n}.csv").unlink(missing_ok=True)
            (tmp / f"scale-{n}.csv.progress").unlink(missing_ok=True)
        p = subprocess.run([sys.executable, __file__, "--scaling-worker", str(inp)], capture_output=True, text=True)
        if p.returncode == 0:
            row["py"] = json.loads(p.stdout.strip().splitlines()[-1])
        else:
            print(p.stderr, file=sys.stderr)
        inp.unlink()
        res.append(row)
        print(f"  scaling n={n:>9,}: " + ", ".join(
            f"{k} {row[k]['secs'] / n * 1e6:.1f} us/row, {row[k]['rss_kb'] / 1024:.0f} MB" for k in ("cli", "py") if k in row),
            flush=True)
    return res


# --------------------------------------------------------------------------------------------
# Report


def machine() -> dict:
    cpu = "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    from importlib.metadata import PackageNotFoundError, version

    vers = {}
    for pkg in ("beiancheck", "tldextract", "publicsuffixlist", "pydantic", "pydantic-core", "zen-engine", "pyarrow"):
        try:
            vers[pkg] = version(pkg)
        except PackageNotFoundError:
            vers[pkg] = "not installed"
    rustc = subprocess.run(["rustc", "--version"], capture_output=True, text=True).stdout.strip() or "?"
    return {"nproc": os.cpu_count(), "cpu": cpu, "python": platform.python_version(), "platform": platform.platform(),
            "packages": vers, "rustc": rustc}


def fmt_ns(secs: float, n: int) -> str:
    ns = secs / n * 1e9
    return f"{ns:,.0f}" if ns >= 100 else f"{ns:.1f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="100,000 domains / 10,000 applications; scaling 1e3,1e4,1e5")
    ap.add_argument("--domains", type=int)
    ap.add_argument("--apps", type=int)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--sample", type=int, default=1000)
    ap.add_argument("--scaling", help="comma-separated sizes (default 1e4,1e5,1e6; --quick 1e3,1e4,1e5); 'none' skips")
    ap.add_argument("--only", help="comma-separated implementation names (default: all)")
    ap.add_argument("--cli", default=str(ROOT / "target" / "release" / "beiancheck"))
    ap.add_argument("--out", default=str(ROOT / "docs" / "BENCHMARKS.md"))
    ap.add_argument("--no-rust", action="store_true", help="leave the Rust (criterion) section out")
    ap.add_argument("--command", default=None, help="the command line to quote in the report")
    ap.add_argument("--zen-rows", type=int, help="rows given to zen-engine (default 10,000; --quick 2,000): "
                    "it runs at milliseconds per row, so the full input would take hours; per-row times compare")
    ap.add_argument("--limit", type=int, default=0, help=argparse.SUPPRESS)
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--scaling-worker", help=argparse.SUPPRESS)
    ap.add_argument("--data", help=argparse.SUPPRESS)
    a = ap.parse_args()

    if a.worker:
        return worker(a.worker, Path(a.data), a.reps, a.limit)
    if a.scaling_worker:
        return scaling_worker(Path(a.scaling_worker))

    n_dom = a.domains or (100_000 if a.quick else 1_000_000)
    n_app = a.apps or (10_000 if a.quick else 100_000)
    if a.scaling == "none":
        sizes = []
    elif a.scaling:
        sizes = [int(float(x)) for x in a.scaling.split(",")]
    else:
        sizes = [1_000, 10_000, 100_000] if a.quick else [10_000, 100_000, 1_000_000]
    zen_rows = min(n_app, a.zen_rows or (2_000 if a.quick else 10_000))
    a.zen_rows = zen_rows
    names = [x for x in IMPLS if not a.only or x in a.only.split(",")]

    tlds, mainland, not_mainland = pack_sets()
    with tempfile.TemporaryDirectory(prefix="beiancheck-bench-") as td:
        tmp = Path(td)
        t = time.perf_counter()
        with open(tmp / "domains.txt", "w", encoding="utf-8") as f:
            for x in gen_domains(n_dom):
                f.write(x + "\n")
        with open(tmp / "apps.jsonl", "w", encoding="utf-8") as f:
            for x in gen_applications(n_app, mainland, not_mainland, tlds):
                f.write(x + "\n")
        print(f"generated {n_dom:,} domains and {n_app:,} applications in {time.perf_counter() - t:.1f}s ({tmp})", flush=True)

        agree = agreement(tmp, a.sample)
        print(f"agreement on {agree['sample']} rows (subset verdict vs beiancheck): "
              + ", ".join(f"{k} {v:.1%}" for k, v in agree["apps"].items())
              + f"; subset-eligible share {agree['subset_eligible_share']:.1%}; full verdicts {agree['full_verdicts']}", flush=True)
        print("domains: registrable agreement " + ", ".join(f"{k} {v:.1%}" for k, v in agree["domains"].items()), flush=True)

        results = {}
        for nm in names:
            r = run_worker(nm, tmp, a.reps, zen_rows if nm.startswith("app_zen") else 0)
            results[nm] = r
            if "error" in r:
                print(f"  {nm:<16} FAILED: {r['error']}", flush=True)
            else:
                med = statistics.median(r["times"])
                print(f"  {nm:<16} {fmt_ns(med, r['n']):>9} ns/row  median of {len(r['times'])}  "
                      f"peak RSS {r['rss_kb'] / 1024:,.0f} MB", flush=True)

        scale = scaling(sizes, Path(a.cli), tmp, tlds, mainland, not_mainland) if sizes else []

    rust_md = ""
    rust_targets = []
    if not a.no_rust:
        sys.path.insert(0, str(Path(__file__).parent))
        import criterion_table

        rust_md, rust_targets = criterion_table.markdown(ROOT / "target" / "criterion")

    md = report(a, n_dom, n_app, agree, results, scale, rust_md, rust_targets)
    # The profile (what limits each target) is written by hand in bench/profile.md.
    prof = Path(__file__).parent / "profile.md"
    if prof.exists():
        md = md.rstrip("\n") + "\n\n" + prof.read_text(encoding="utf-8")
    # The wasm package's numbers come from a browser: bindings/wasm/bench.sh writes them.
    wasm = Path(__file__).parent / "wasm.md"
    if wasm.exists():
        md = md.rstrip("\n") + "\n\n" + wasm.read_text(encoding="utf-8")
    # The identity-number section is bench/ids.sh's: keep it across a full run.
    old = Path(a.out).read_text(encoding="utf-8") if Path(a.out).exists() else ""
    ids = re.search(r"<!-- ids:start -->.*?<!-- ids:end -->\n?", old, re.S)
    if ids:
        md = md.rstrip("\n") + "\n\n" + ids.group(0)
    Path(a.out).write_text(md, encoding="utf-8")
    print(f"\nwrote {a.out}")
    print(md.split("## Targets", 1)[1].split("\n## ", 1)[0] if "## Targets" in md else "")


def med(results, k):
    r = results.get(k)
    if not r or "error" in r:
        return None
    return statistics.median(r["times"]) / r["n"]


def report(a, n_dom, n_app, agree, results, scale, rust_md, rust_targets) -> str:
    m = machine()
    cmd = a.command or ("bench/run.sh" + (" --quick" if a.quick else ""))
    L = []
    L.append("# Benchmarks\n")
    L.append("Generated by `bench/run.sh` (bench/compare.py, bench/criterion_table.py); do not edit by hand — "
             "re-run the command below. Benchmarks are measurements, never pass/fail tests. The machine is "
             "shared and noisy: read the ratios (measured side by side in one run), not the absolute times.\n")
    L.append(f"- Command: `{cmd}`")
    L.append(f"- Date: {_dt.datetime.now(_dt.timezone.utc):%Y-%m-%d %H:%M} UTC")
    L.append(f"- Machine: {m['nproc']} CPUs (`nproc`), {m['cpu']}; {m['platform']}")
    L.append(f"- Python {m['python']}; {m['rustc']}")
    L.append("- Packages: " + ", ".join(f"{k} {v}" for k, v in m["packages"].items()))
    L.append(f"- Inputs (seed {SEED}): {n_dom:,} domains, {n_app:,} applications; {a.reps} repetitions per "
             "implementation, each implementation in its own process; median reported; peak RSS is the "
             "process's peak RSS at the end (`VmHWM`; `ru_maxrss` of a forked child would include the parent's) (includes the interpreter, the inputs held in memory and the results).\n")

    def table(group, rows):
        L.append("| implementation | ns / row (median) | × beiancheck | peak RSS MB | runs (s) |")
        L.append("|---|---:|---:|---:|---|")
        for k in rows:
            r = results.get(k)
            if not r:
                continue
            label = IMPLS[k][0]
            if "error" in r:
                L.append(f"| {label} | failed: {r['error']} | | | |")
                continue
            mm = statistics.median(r["times"])
            base = IMPLS[k][2]
            ratio = ""
            if base and med(results, base):
                ratio = f"{(mm / r['n']) / med(results, base):.1f}× (vs {base.split('_', 1)[1]})"
            L.append(f"| {label} | {fmt_ns(mm, r['n'])} | {ratio} | {r['rss_kb'] / 1024:,.0f} | "
                     + ", ".join(f"{x:.2f}" for x in r["times"]) + " |")
        L.append("")

    L.append("## Python: domains\n")
    L.append("Mix: ASCII .com/.cn/.com.cn/.net/.top/.io/.org with subdomains, IDN (例子.中国, .公司, .网络), "
             "punycode, upper case, ideographic full stop 。, private suffixes (github.io, cn.com, gitee.io), "
             "invalid names, IPv4/IPv6. The peers only split the name into suffix and registrable part; "
             "beiancheck also normalises (IDNA, 。), applies the TLD/SLD rules and decides eligibility, and "
             "builds a report object (or an Arrow table) per name.\n")
    table("domains", [k for k in IMPLS if k.startswith("dom_")])
    d = agree["domains"]
    L.append(f"Cross-check on {agree['sample']:,} names: where beiancheck gives a registrable name "
             f"({d['with_registrable']:.0%} of them), tldextract (with private domains) agrees on "
             f"{d['tldextract']:.1%}, publicsuffixlist on {d['publicsuffixlist']:.1%} "
             "(differences: names beiancheck normalises — 。, upper case, IDN — and private-suffix handling). "
             f"{d['eligible_share']:.0%} of the names are eligible.\n")
    L.append("## Python: applications\n")
    L.append("Applications: examples/*.json mutated (billing, purchased months, region, resident-ID numbers with "
             "valid and invalid check digits, TLDs, 1–11 websites). The peers implement the rule subset only: "
             "approved TLD (the engine pack's `tlds.approved`), server prepaid, bought ≥ 3 months, in a "
             "mainland region (the pack's `resources.regions.mainland`), GB 11643 check digit on every "
             "resident ID, ≤ 1 website (personal) / ≤ 10 (organisation). beiancheck runs its full rule set "
             "(≈ 80 finding codes, materials, steps, timeline) and returns report objects.\n")
    L.append("The zen-engine graph is input → expression node (computes the TLD from the name and the check "
             "digit with ZEN expressions: `split`, `map`, `sum`, `%`) → first-hit decision table → output; "
             "nothing is precomputed in Python. zen-engine runs at milliseconds per row, so it gets the first "
             f"{a.zen_rows:,} applications only (same rows, per-row time compared). `check_many` runs on all CPUs by default; the `threads=1` "
             "rows are the single-core comparison (the peers are single-threaded).\n")
    table("applications", [k for k in IMPLS if k.startswith("app_")])
    L.append(f"Agreement with beiancheck's subset verdict (no finding among {', '.join(sorted(SUBSET_CODES))}) on "
             f"{agree['sample']:,} rows: " + ", ".join(f"{k} {v:.1%}" for k, v in agree["apps"].items())
             + f". Subset-eligible share {agree['subset_eligible_share']:.0%}; beiancheck's full verdicts on the "
             f"sample: {agree['full_verdicts']}.\n")

    if scale:
        L.append("## Scaling: streamed applications\n")
        L.append("`beiancheck batch IN.jsonl -o OUT.csv` (peak RSS: `ru_maxrss` from `wait4`, started from a minimal Python process) and Python "
                 "`engine.check_iter(generator over the file's lines)` (default threads), one fresh process per size. "
                 "Memory should be flat.\n")
        L.append("| applications | input MB | CLI µs / row | CLI peak RSS MB | check_iter µs / row | check_iter peak RSS MB |")
        L.append("|---:|---:|---:|---:|---:|---:|")
        for r in scale:
            c, p = r.get("cli"), r.get("py")
            L.append(f"| {r['n']:,} | {r['bytes'] / 1e6:,.0f} | "
                     + (f"{c['secs'] / r['n'] * 1e6:.1f} | {c['rss_kb'] / 1024:,.0f}" if c else "n/a | n/a")
                     + " | "
                     + (f"{p['secs'] / r['n'] * 1e6:.1f} | {p['rss_kb'] / 1024:,.0f}" if p else "n/a | n/a") + " |")
        L.append("")

    if rust_md:
        L.append("## Rust (criterion)\n")
        L.append(rust_md)

    L.append("## Targets\n")
    L.append("From ../shared/DESIGN.md (Targets). Ratios are peer time / beiancheck time in this run.\n")
    L.append("| target | measured | status |")
    L.append("|---|---|---|")

    def ratio(peer, base):
        p, b = med(results, peer), med(results, base)
        return p / b if p and b else None

    def tgt(label, peer, base, need, alt=None):
        r = ratio(peer, base)
        if r is None:
            L.append(f"| {label} | not measured | — |")
            return
        extra = ""
        if alt:
            ra = ratio(peer, alt)
            if ra:
                extra = f" ({ra:.1f}× vs {alt.split('_', 1)[1]})"
        L.append(f"| {label} | {r:.1f}×{extra} | {'met' if r >= need else 'not met'} |")

    # DESIGN.md words the domain targets for the batch to Arrow on one thread; the default
    # thread count is shown beside it.
    tgt(f"domains → Arrow ≥ {TARGETS['dom_tldextract']}× tldextract, one thread", "dom_tldextract", "dom_bc_arrow_t1",
        TARGETS["dom_tldextract"], "dom_bc_arrow")
    tgt(f"domains → Arrow ≥ {TARGETS['dom_psl']}× publicsuffixlist, one thread", "dom_psl", "dom_bc_arrow_t1",
        TARGETS["dom_psl"], "dom_bc_arrow")
    mb = ((results.get("dom_bc_arrow_t1") or {}).get("rss_kb") or 0) / 1024
    if mb:
        L.append(f"| domains → Arrow: {n_dom:,} names in ≤ {TARGETS['dom_rss_mb']} MB (peak RSS, interpreter and inputs included) | "
                 f"{mb:,.0f} MB | {'met' if mb <= TARGETS['dom_rss_mb'] else 'not met'} |")
    tgt("check_many ≥ 3× pydantic on dicts", "app_pyd_dicts", "app_bc_dicts", 3, "app_bc_dicts_t1")
    r1 = ratio("app_pyd_json", "app_bc_json")
    r2 = ratio("app_pyd_json", "app_bc_arrow")
    if r1 or r2:
        best = max(x for x in (r1, r2) if x)
        L.append(f"| check_many ≥ 10× pydantic on JSON strings or Arrow | JSON str {r1 or 0:.1f}×, Arrow {r2 or 0:.1f}× "
                 f"(single-thread JSON {ratio('app_pyd_json', 'app_bc_json_t1') or 0:.1f}×) | "
                 f"{'met' if best >= 10 else 'not met'} |")
    tgt("check_many ≥ 20× zen-engine (dicts)", "app_zen_dicts", "app_bc_dicts", 20, "app_bc_dicts_t1")
    for label, value, ok in rust_targets:
        L.append(f"| {label} | {value} | {ok} |")
    L.append("")
    return "\n".join(L)


if __name__ == "__main__":
    main()
