#!/usr/bin/env python3
"""Regenerate core/rules/tlds.json from ../shared/reference/domain/tlds.json.

Kept so the next reader sees how the pack table was derived; the output is committed and
edited by hand only through this script. Choices recorded on the rows:
- approved = named by a filing list (TC2022, TC2020, QCBJ) or MIIT2018; V2FLY alone (a routing
  list) does not make a TLD approved (so .中國 is not approved).
- since = the date of the oldest dated filing source naming it (MIIT2018 2018-01-29,
  TC2020 2020-07-24, TC2022 2022-08-30); QCBJ is undated.
- not approved: absent from the filing lists (TC2022, TC2020, QCBJ), status not_listed; .org
  not_accepted_for_new_filings (Tencent's Beijing rule). User reports are kept as notes only.
- .me and .tech: the filing lists name them but later reports say they are not fileable;
  reference/README.md rule 5 -> 'disputed' (needs_review with both sources).
- scripts/tld_rechecks.json: TLDs re-checked against newer sources (.香港, .pw disputed; .hk,
  .quest, .saxo not approved, each with what was read); its rows replace the reference's.
"""
import json, sys, pathlib
ref = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/reference")
src = json.loads((ref / "domain/tlds.json").read_text())
dates = {"MIIT2018": "2018-01-29", "TC2020": "2020-07-24", "TC2022": "2022-08-30"}
filing_lists = {"TC2022", "TC2020", "QCBJ", "MIIT2018"}
not_approved = {r["tld"]: r for r in src["not_approved"]}
rows = []
for r in src["approved"]:
    srcs = [s for s in r["source"] if s in filing_lists]
    if not srcs:
        continue
    since = min((dates[s] for s in srcs if s in dates), default=None)
    row = {"tld": r["tld"], "unicode": r["unicode"], "status": "approved", "since": since,
           "source": "domain/tlds.json (" + ", ".join(r["source"]) + ")"}
    if r["tld"] in not_approved and "conflict" in not_approved[r["tld"]]["status"]:
        row["status"] = "disputed"
        row["note"] = not_approved[r["tld"]]["source"]
        row["choice"] = "reference/README.md rule 5: filing lists say approved, later reports say not; needs_review with both sources"
    rows.append(row)
seen = {r["tld"] for r in rows}
rejected = []
for t, r in not_approved.items():
    if t in seen:
        continue
    # The basis is a provider document, never a user report or an issue thread (those stay as
    # the row's note): the TLD is absent from every filing list, or (.org) Tencent's Beijing
    # rule accepts it only for filings made before 2018.
    if "北京管局要求" in r["source"]:
        basis, status = "domain/tlds.json (P-BJ): .org only for websites filed before 2018-01-01; absent from TC2020/TC2022/QCBJ", "not_accepted_for_new_filings"
    else:
        basis, status = "domain/tlds.json (TC2022, TC2020, QCBJ): absent from every filing list", "not_listed"
    rejected.append({"tld": t, "status": status, "source": basis, "note": "reported: " + r["source"]})
# Re-checked rows (scripts/tld_rechecks.json) replace what the reference says of their TLD.
rechecks = json.loads((pathlib.Path(__file__).parent / "tld_rechecks.json").read_text())
redone = {r["tld"] for r in rechecks["rows"]}
rows = [r for r in rows if r["tld"] not in redone]
rejected = [r for r in rejected if r["tld"] not in redone]
for r in rechecks["rows"]:
    if r["status"] == "disputed":
        rows.append({"tld": r["tld"], "unicode": r["unicode"], "status": "disputed", "since": r["since"], "source": r["source"],
                     "note": r["note"], "choice": "reference/README.md rule 5: sources conflict; needs_review with both (re-checked "
                     + rechecks["checked_on"] + ", scripts/tld_rechecks.json)"})
    else:
        rejected.append({"tld": r["tld"], "status": "not_listed",
                         "source": "domain/tlds.json (TC2022, TC2020, QCBJ): absent from every filing list", "note": "re-checked: " + r["source"]})
out = {"about": "MIIT-approved TLDs (A-label, lower case) with the date of the oldest dated source that lists them, "
                "and TLDs a source reports as not fileable. Derived from reference/domain/tlds.json and scripts/tld_rechecks.json by scripts/gen_tlds.py.",
       "as_of": "2026-10-22", "approved": rows, "not_approved": rejected}
pathlib.Path("core/rules/tlds.json").write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n")
print(len(rows), "approved/disputed,", len(rejected), "not approved")
