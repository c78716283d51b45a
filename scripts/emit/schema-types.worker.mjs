// The worker of schema-types.ts: loads openapi-typescript as soon as it starts,
// then turns the one document it is sent into TypeScript source.
import { parentPort } from "node:worker_threads";

const loading = import("openapi-typescript");

parentPort.once("message", async ({ document, options }) => {
  try {
    const { default: openapiTS, astToString } = await loading;
    parentPort.postMessage({ code: astToString(await openapiTS(document, options)) });
  } catch (error) {
    parentPort.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
