// The worker of schema-types.ts: loads openapi-typescript as soon as it starts,
// then turns the one document it is sent into TypeScript source.
import module from "node:module";
import { fileURLToPath } from "node:url";
import { parentPort } from "node:worker_threads";

// Node 22.1 and later compile TypeScript's 9 MB from V8's cache after the first run, as scripts/run-ts.mjs
// does for the main thread (Node 20 has no such cache).
module.enableCompileCache?.(fileURLToPath(new URL("../../node_modules/.cache/hwcloud-typed/node-compile-cache/", import.meta.url)));

const loading = import("openapi-typescript");

parentPort.once("message", async ({ document, options }) => {
  try {
    const { default: openapiTS, astToString } = await loading;
    parentPort.postMessage({ code: astToString(await openapiTS(document, options)) });
  } catch (error) {
    parentPort.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
