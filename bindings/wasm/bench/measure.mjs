// Measures the wasm package for docs/BENCHMARKS.md (run by bindings/wasm/bench.sh, never by a
// test): the first check in the example page in headless Chromium (each load in a fresh
// profile, so nothing is cached), and in Node the module's compile, the pack's parse, the first
// and the following checks. Prints one JSON object.
//   node bench/measure.mjs URL LOADS APPLICATION.json
import { chromium } from "playwright-core";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const [url, loads, appFile] = process.argv.slice(2);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const page = [];
const threadMs = [];
const parts = [];
for (let i = 0; i < Number(loads); i++) {
  const profile = mkdtempSync(join(tmpdir(), "beian-bench-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
  const p = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(p);
  await cdp.send("Performance.enable", { timeDomain: "threadTicks" });
  await p.goto(url);
  await p.waitForFunction(() => document.getElementById("status").textContent === "ready", null, { timeout: 30000 });
  page.push(Number(await p.textContent("#first-check")));
  parts.push(JSON.parse(await p.getAttribute("#first-check", "data-parts")));
  // CPU time of the page's main thread so far: what the load of a shared machine does not inflate.
  const { metrics } = await cdp.send("Performance.getMetrics");
  threadMs.push(metrics.find((m) => m.name === "ThreadTime").value * 1000);
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}

const wasm = readFileSync(new URL("../pkg/beiancheck_wasm_bg.wasm", import.meta.url));
const beian = await import("../js/index.js");
const t0 = performance.now();
const module = new WebAssembly.Module(wasm);
const t1 = performance.now();
beian.initSync(module);
const t2 = performance.now();
const cpu0 = process.cpuUsage();
beian.warmUp();
const cpu1 = process.cpuUsage(cpu0);
const t3 = performance.now();
const app = readFileSync(appFile, "utf8");
beian.checkJson(app, new Date());
const t4 = performance.now();
const n = 2000;
for (let i = 0; i < n; i++) beian.checkJson(app, new Date());
const t5 = performance.now();
console.log(JSON.stringify({
  page_first_check_ms: page,
  page_first_check_median_ms: median(page),
  page_main_thread_cpu_ms: threadMs,
  page_parts: parts,
  page_parts_median_ms: Object.fromEntries(Object.keys(parts[0]).map((k) => [k, median(parts.map((x) => x[k]))])),
  page_main_thread_cpu_median_ms: median(threadMs),
  node: { compile_ms: t1 - t0, instantiate_ms: t2 - t1, pack_parse_ms: t3 - t2, pack_parse_cpu_ms: (cpu1.user + cpu1.system) / 1000, first_check_ms: t4 - t3, check_us: ((t5 - t4) / n) * 1000 },
}));
