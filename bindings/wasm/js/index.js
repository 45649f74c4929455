// beiancheck for browsers (and, through node.js, Node): the engine compiled to WebAssembly.
// Translation only: values become the JSON the engine takes, and its JSON comes back, as text
// (the *Json functions) or parsed. The date always comes from the caller: there is no clock
// in the module.
import initWasm, {
  initSync as initWasmSync,
  checkJson as wasmCheckJson,
  checkIdJson as wasmCheckIdJson,
  checkDomainJson as wasmCheckDomainJson,
  materialsJson as wasmMaterialsJson,
  rulesJson as wasmRulesJson,
  warmUp as wasmWarmUp,
} from "../pkg/beiancheck_wasm.js";

/** An input that is not an application at all (malformed JSON, over a limit, a bad date). */
export class BeiancheckError extends Error {
  constructor(detail) {
    const where = detail.line > 0 ? ` at line ${detail.line}, column ${detail.column}` : detail.path ? ` at ${detail.path}` : "";
    super(`${detail.code}${where}: ${detail.message}`);
    this.name = "BeiancheckError";
    /** The C ABI's result for the same refusal where it has one (7009 INVALID_ARGUMENT: an unknown kind). */
    this.result = detail.result;
    this.code = detail.code;
    this.line = detail.line;
    this.column = detail.column;
    this.path = detail.path;
    this.detail = detail;
  }
}

/** Loads the module (browsers: fetched next to this file unless `input` says otherwise). */
export async function init(input) {
  await initWasm(input === undefined ? undefined : { module_or_path: input });
}

/** Loads the module from its bytes or a compiled WebAssembly.Module, synchronously. */
export function initSync(module) {
  initWasmSync({ module });
}

function call(f) {
  try {
    return f();
  } catch (e) {
    // The module throws the engine's input error as JSON text.
    if (typeof e === "string") throw new BeiancheckError(JSON.parse(e));
    throw e;
  }
}

function dateText(today) {
  if (today instanceof Date) {
    if (Number.isNaN(today.getTime())) throw new TypeError("today: an invalid Date");
    return today.toISOString(); // an instant; the engine takes its day in Asia/Shanghai
  }
  if (typeof today === "string") return today;
  throw new TypeError("today: pass a Date or a 'YYYY-MM-DD' string (the engine has no clock of its own)");
}

/** Checks an application (JSON text); the report's JSON text, exactly as the engine wrote it. */
export function checkJson(application, today) {
  const day = dateText(today);
  return call(() => wasmCheckJson(application, day));
}

/** Checks an application (an object or JSON text); the report, parsed. */
export function check(application, today) {
  return JSON.parse(checkJson(typeof application === "string" ? application : JSON.stringify(application), today));
}

/** Can this domain be filed? `opts`: { subjectKind, province }. The domain report's JSON text. */
export function checkDomainJson(name, opts = {}) {
  return wasmCheckDomainJson(name, opts.subjectKind ?? null, opts.province ?? null);
}

/** Can this domain be filed? The domain report, parsed. */
export function checkDomain(name, opts = {}) {
  return JSON.parse(checkDomainJson(name, opts));
}

/** What must be prepared (a query object or JSON text); the materials report's JSON text. */
export function materialsJson(query = {}) {
  const q = typeof query === "string" ? query : JSON.stringify(query);
  return call(() => wasmMaterialsJson(q));
}

/** What must be prepared; the materials report, parsed. */
export function materials(query = {}) {
  return JSON.parse(materialsJson(query));
}

/**
 * One identity number (`kind`: "resident_id", "credit_code", "mobile", …), judged on `today`
 * (a Date or "YYYY-MM-DD": the module has no clock). The answer's JSON text, as C's
 * beian_check_id writes it. An invalid number is an answer (valid: false, reason); an unknown
 * kind throws BeiancheckError with result 7009, code "INVALID_ARGUMENT", path "kind".
 */
export function checkIdJson(kind, value, today) {
  const day = dateText(today);
  return call(() => wasmCheckIdJson(kind, value, day));
}

/** One identity number; the answer, parsed: { kind, valid, reason, position, expected, … }. */
export function checkId(kind, value, today) {
  return JSON.parse(checkIdJson(kind, value, today));
}

/** The rule pack in use: { version, sha256 }. */
export function rules() {
  return JSON.parse(wasmRulesJson());
}

/** Parses the rule pack now instead of on the first check; returns its version. */
export function warmUp() {
  return wasmWarmUp();
}
