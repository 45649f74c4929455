// bindings/wasm in a real browser: Debian's headless Chromium (never a downloaded one) loads
// example/index.html from a loopback server, and the filing form is used as a person would.
//
//   node tests/browser.mjs URL CLI OUT_DIR
// URL the example page; CLI the beiancheck command (the reference answers); OUT_DIR gets
// screenshot.png and first-check.txt (milliseconds from navigation start to the first result).
import { chromium } from "playwright-core";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const [url, cli, out] = process.argv.slice(2);
const profile = mkdtempSync(join(tmpdir(), "beian-chromium-"));
let failed = 0;
let passed = 0;
const check = (what, ok, detail = "") => {
  if (ok) passed++;
  else {
    failed++;
    console.error(`FAIL ${what}${detail ? `: ${detail}` : ""}`);
  }
};

/** What the core says of an application: the CLI's report (exit 1 = not eligible, still a report). */
function core(app) {
  let text;
  try {
    text = execFileSync(cli, ["check", "--json", "-"], { input: JSON.stringify(app) });
  } catch (e) {
    if (e.status !== 1) throw e;
    text = e.stdout;
  }
  return JSON.parse(text);
}

const context = await chromium.launchPersistentContext(profile, {
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
  viewport: { width: 900, height: 1000 },
});
try {
  const page = context.pages()[0] ?? (await context.newPage());
  const dialogs = [];
  const errors = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));

  await page.goto(url);
  await page.waitForFunction(() => document.getElementById("status").textContent === "ready", null, { timeout: 20000 });
  const first = Number(await page.textContent("#first-check"));
  writeFileSync(join(out, "first-check.txt"), `${first}\n`);
  console.log(`chromium: ${await page.evaluate(() => navigator.userAgent.match(/Chrome\/[\d.]+/)[0])}; first check ${first} ms after navigation start`);

  // The page's answers, read from what it shows, against the core's for the same application.
  const answers = async () => {
    const state = await page.evaluate(() => window.beiancheckState);
    const shown = await page.$$eval("#findings li", (lis) => lis.map((li) => li.dataset.code));
    const verdictText = await page.textContent("#verdict");
    const verdictClass = await page.getAttribute("#verdict", "class");
    return { state, shown, verdictText, verdictClass };
  };
  const agrees = async (what) => {
    const a = await answers();
    const want = core(a.state.application);
    check(`${what}: verdict`, a.verdictClass === want.verdict && a.verdictText.length > 0, `${a.verdictClass} vs ${want.verdict}`);
    check(`${what}: findings shown`, JSON.stringify(a.shown) === JSON.stringify(want.findings.map((f) => f.code)), `${a.shown} vs ${want.findings.map((f) => f.code)}`);
    return a;
  };
  await agrees("the prefilled form");

  // Checks as the user types: a domain typed key by key, the answer follows.
  await page.fill("#domain", "");
  await page.type("#domain", "example.io", { delay: 5 });
  let a = await agrees("after typing a domain");
  check("typing: the page checked the typed domain", a.state.application.websites[0].domain === "example.io" && a.shown.includes("DOMAIN_TLD_NOT_APPROVED"), a.shown);

  // A hostile name: shown as text, never run as markup.
  const hostile = `<img src=x onerror="alert('xss')"><b>站</b>`;
  await page.fill("#site", "");
  await page.type("#site", hostile, { delay: 2 });
  a = await agrees("after typing a hostile name");
  check("hostile: the name reached the engine as typed", a.state.application.websites[0].name === hostile);
  check("hostile: shown literally", (await page.textContent("#checking")).includes(hostile));
  check("hostile: no element made of it", (await page.$$eval("img, b", (n) => n.length)) === 0);
  const html = await page.innerHTML("#checking");
  check("hostile: escaped in the markup", html.includes("&lt;img") && !html.includes("<img"), html);
  await page.waitForTimeout(200); // give an onerror handler, were there one, time to run
  check("hostile: no script ran", dialogs.length === 0, dialogs.join("; "));

  await page.screenshot({ path: join(out, "screenshot.png"), fullPage: true });
  check("no page errors", errors.length === 0, errors.join("; "));
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(`chromium: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
