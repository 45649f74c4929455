// The filing form: every keystroke builds the application from the fields and checks it in the
// page. What the filer typed is shown with textContent only: it is never markup.
import { init, check, rules, warmUp } from "../js/index.js";

const $ = (id) => document.getElementById(id);
const VERDICT = { eligible: "可以备案", ineligible: "不能备案", needs_review: "需要补充信息" };

function application() {
  return {
    province: $("province").value,
    subject: { kind: $("kind").value, name: $("subject").value },
    websites: [{ name: $("site").value, domain: $("domain").value }],
  };
}

function show(app, report) {
  $("checking").textContent = `${app.websites[0].name} (${app.websites[0].domain})`;
  const v = $("verdict");
  v.className = report.verdict;
  v.textContent = VERDICT[report.verdict] ?? report.verdict;
  const list = $("findings");
  list.replaceChildren(
    ...report.findings.map((f) => {
      const li = document.createElement("li");
      li.className = f.severity;
      li.dataset.code = f.code;
      const code = document.createElement("span");
      code.className = "code";
      code.textContent = `${f.code} · ${f.path}`;
      li.append(`${f.message.zh} `, code);
      return li;
    }),
  );
  // For tests and debugging: what was checked and what came back.
  window.beiancheckState = { application: app, report };
}

function run() {
  const app = application();
  // The date is the page's: the engine has no clock.
  show(app, check(app, new Date()));
}

// The first check's parts, for bench/measure.mjs: module fetch + compile, rule pack parse, check.
const t0 = performance.now();
await init();
const t1 = performance.now();
warmUp();
const t2 = performance.now();
run();
const t3 = performance.now();
$("first-check").textContent = t3.toFixed(0); // since navigation start
$("first-check").dataset.parts = JSON.stringify({ before_init: t0, init: t1 - t0, pack: t2 - t1, check: t3 - t2 });
$("rules").textContent = rules().version;
$("status").textContent = "ready";
$("filing").addEventListener("input", run);
