// The Node entry: the same API as index.js, with the module loaded from disk on import.
import { readFileSync } from "node:fs";
import { initSync } from "./index.js";

initSync(readFileSync(new URL("../pkg/beiancheck_wasm_bg.wasm", import.meta.url)));

export * from "./index.js";
