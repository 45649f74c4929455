// bindings/wasm in Node, through the package's own entry (package.json "exports" → js/node.js).
// Run by bindings/wasm/tests/run.sh, which passes:
//   BEIAN_APPS  the acceptance cases' applications; each report is written to BEIAN_OUT for a
//               byte-for-byte comparison with the core's (bindings/tests/same.py)
//   BEIAN_CLI   the CLI's --json answers for the domains in domains.json
//   BEIAN_RULES the rule pack's version
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as beian from "beiancheck";

const apps = process.env.BEIAN_APPS;
const out = process.env.BEIAN_OUT;
const cli = process.env.BEIAN_CLI;
const read = (p) => readFileSync(p, "utf8");

test("every acceptance case: the report's JSON text, written for the comparison", () => {
  const names = readdirSync(apps).filter((n) => n.endsWith(".json")).sort();
  assert.ok(names.length >= 32, `cases in ${apps}: ${names.length}`);
  for (const n of names) {
    writeFileSync(join(out, n), beian.checkJson(read(join(apps, n)), new Date()));
  }
});

test("check() parses what checkJson() says, objects and text alike", () => {
  const text = read(join(apps, "001.json"));
  const r = beian.check(JSON.parse(text), "2026-01-01");
  assert.deepEqual(r, JSON.parse(beian.checkJson(text, "2026-01-01")));
  assert.equal(r.rules.version, process.env.BEIAN_RULES);
  assert.deepEqual(beian.rules(), r.rules);
});

test("the date comes from the caller: as_of, else today (a Date is taken as its day in Shanghai)", () => {
  const app = JSON.parse(read(join(apps, "001.json")));
  const asOf = app.as_of;
  assert.ok(asOf, "case 001 has as_of");
  const want = beian.checkJson(JSON.stringify(app), "1999-01-01"); // as_of wins over today
  delete app.as_of;
  const text = JSON.stringify(app);
  assert.equal(beian.checkJson(text, asOf), want);
  // 16:30 UTC the day before is 00:30 in Shanghai: the same day as as_of.
  const d = new Date(`${asOf}T00:30:00+08:00`);
  assert.equal(beian.checkJson(text, d), want);
  assert.equal(beian.check(text, new Date(d.getTime() - 3600e3)).as_of !== asOf, true);
  assert.throws(() => beian.checkJson(text), TypeError);
  assert.throws(() => beian.checkJson(text, new Date("nonsense")), TypeError);
  assert.throws(() => beian.checkJson(text, "yesterday"), (e) => e instanceof beian.BeiancheckError && e.code === "INPUT_INVALID_VALUE" && e.path === "today");
});

test("identity numbers: checkId as C's beian_check_id and the CLI's `id --json`; an unknown kind refused with 7009", () => {
  const ok = beian.checkId("resident_id", "310104199001011233", "2026-01-01");
  assert.equal(ok.valid, true);
  assert.equal(ok.age, 36);
  assert.equal(beian.checkIdJson("resident_id", "310104199001011233", "2026-01-01") + "\n", read(join(cli, "id-valid.json")));
  const bad = beian.checkId("resident_id", "310104199001011234", "2026-01-01");
  assert.equal(bad.valid, false);
  assert.equal(bad.reason, "CHECK_DIGIT");
  assert.equal(bad.expected, "3");
  assert.equal(beian.checkIdJson("resident_id", "310104199001011234", "2026-01-01") + "\n", read(join(cli, "id-invalid.json")));
  // No clock in the module: the age is counted on the day the caller gives.
  assert.equal(beian.checkId("resident_id", "310104199001011233", new Date("2025-12-31T12:00:00Z")).age, 35);
  assert.throws(() => beian.checkId("resident_id", "310104199001011233"), TypeError);
  assert.throws(
    () => beian.checkId("residentid", "310104199001011233", "2026-01-01"),
    (e) => e instanceof beian.BeiancheckError && e.result === 7009 && e.code === "INVALID_ARGUMENT" && e.path === "kind" && e.message.includes("residentid"),
  );
});

test("malformed input: BeiancheckError with the engine's line and column", () => {
  assert.throws(
    () => beian.checkJson('{"province": "SH",\n', "2026-11-29"),
    (e) => e instanceof beian.BeiancheckError && e.code === "INPUT_MALFORMED" && e.line === 2 && e.detail.message.length > 0,
  );
  assert.throws(() => beian.checkJson(" ".repeat(16 * 1024 * 1024 + 1), "2026-11-29"), (e) => e.code === "INPUT_LIMIT_EXCEEDED");
});

test("domains: byte-identical to the CLI's --json answers", () => {
  const domains = JSON.parse(read(new URL("domains.json", import.meta.url)));
  domains.forEach(([name, opts], i) => {
    assert.equal(beian.checkDomainJson(name, opts), read(join(cli, `domain-${i}.json`)).replace(/\n$/, ""), name);
  });
  const d = beian.checkDomain("例子.中国");
  assert.equal(d.ascii, "xn--fsqu00a.xn--fiqs8s");
});

test("materials: the CLI's checklist; an unknown field refused", () => {
  const m = beian.materials({ province: "SH", subject_kind: "individual" });
  assert.deepEqual(m.materials, JSON.parse(read(join(cli, "materials.json"))).materials);
  assert.throws(() => beian.materials({ provnce: "SH" }), (e) => e instanceof beian.BeiancheckError && e.message.includes("provnce"));
});
