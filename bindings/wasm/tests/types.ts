// Compiled with tsc --strict against index.d.ts by tests/run.sh: the README's use compiles, and
// what the contract forbids does not (@ts-expect-error fails the compile if no error is there).
import { check, checkDomain, checkId, materials, BeiancheckError, type Application, type Report } from "beiancheck";

const app: Application = {
  province: "SH",
  subject: { kind: "individual", name: "李明" },
  websites: [{ name: "李明的博客", domain: "liming.cn", resource: 0 }],
  resources: [{ kind: "cvm", region: "ap-shanghai", public_ip: null }],
};
const r: Report = check(app, new Date());
const codes: string[] = r.findings.map((f) => f.code);
const v: "eligible" | "ineligible" | "needs_review" = r.verdict;
const ascii: string | null = checkDomain("例子.中国", { province: "SH" }).ascii;
const m = materials({ province: "SH", subject_kind: "individual" }).materials.map((x) => x.name.zh);
const idOk: boolean = checkId("resident_id", "310104199001011233", new Date()).valid;
const why: string | null = checkId("mobile", "1380013800", "2026-11-29").reason;
try {
  check("{", "2026-11-29");
} catch (e) {
  if (e instanceof BeiancheckError) console.log(e.code, e.line, e.column);
}
// @ts-expect-error the date always comes from the caller
check(app);
// @ts-expect-error the date always comes from the caller, for identity numbers too
checkId("resident_id", "310104199001011233");
// @ts-expect-error public_ip is text or null
check({ resources: [{ public_ip: 1 }] }, "2026-11-29");
// @ts-expect-error websites is a list
check({ websites: { name: "x" } }, "2026-11-29");
console.log(codes, v, ascii, m, idOk, why);
