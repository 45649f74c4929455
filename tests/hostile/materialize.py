#!/usr/bin/env python3
"""Writes every hostile input of manifest.json (files and generated ones) into OUTDIR, with
OUTDIR/list.tsv, six fields a line: name <TAB> expected input-error code or "report" <TAB> codes
that must appear (comma-separated, may be empty) <TAB> the verdict or "-" <TAB> for an input error
the C result (BEIAN_...), for a report "none" when it must have no finding, else "-" <TAB> the
input error's line:column when the manifest gives it, else "-".
Used by the C and Python runners; the Rust runner (cli/tests/hostile.rs) reads the manifest
itself. Usage: materialize.py OUTDIR"""
import json, os, sys

here = os.path.dirname(os.path.abspath(__file__))
out = sys.argv[1]
os.makedirs(out, exist_ok=True)
manifest = json.load(open(os.path.join(here, "manifest.json"), encoding="utf-8"))


def generate(g):
    if g["kind"] == "long_string":
        n = g["bytes"]
        if g.get("field") == "subject.name":
            return ('{"province":"SH","subject":{"kind":"individual","name":"%s"},"websites":[]}' % ("名" * (n // 3))).encode()
        return ('{"province":"%s"}' % ("x" * n)).encode()
    if g["kind"] == "deep_nesting":
        d = g["depth"]
        return ('{"province":%s%s}' % ("[" * d, "]" * d)).encode()
    raise SystemExit("unknown generator %s" % g["kind"])


rows = []
for case in manifest["cases"]:
    name = case.get("file") or case["name"]
    data = open(os.path.join(here, case["file"]), "rb").read() if "file" in case else generate(case["generate"])
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)
    e = case["expect"]
    if "input_error" in e:
        default = {"INPUT_MALFORMED": "BEIAN_MALFORMED_JSON", "INPUT_LIMIT_EXCEEDED": "BEIAN_INPUT_TOO_LARGE"}[e["input_error"]]
        last = e.get("c_result", default)
    elif "findings" in e:
        if e["findings"]:
            raise SystemExit("%s: list.tsv carries only findings: [] (none)" % name)
        last = "none"
    else:
        last = "-"
    where = "%d:%d" % (e["line"], e["column"]) if "line" in e else "-"
    rows.append("\t".join([name, e.get("input_error", "report"), ",".join(e.get("codes", [])), e.get("verdict", "-"), last, where]))
with open(os.path.join(out, "list.tsv"), "w", encoding="utf-8") as f:
    f.write("\n".join(rows) + "\n")
