import standaloneCode from "ajv/dist/standalone/index.js";
import { createAjv } from "../ajv.ts";
import type { OperationEntry } from "./operations.ts";

/**
 * One validator per operation, compiled to plain code now so the client
 * validates with no validator library and no schema compilation at run time.
 * Each checks `{ path, body }`, so error paths read `/path/peering_id` or
 * `/body/peering/name`.
 */
export function emitValidators(entries: OperationEntry[], header: string): string {
  const ajv = createAjv({ code: { source: true, esm: true }, unicode: false });
  for (const entry of entries) {
    ajv.addSchema(inputSchema(entry), entry.operationId);
  }
  const code = standaloneCode(ajv, Object.fromEntries(entries.map((entry) => [entry.operationId, entry.operationId])));
  if (/\brequire\(/.test(code)) {
    throw new Error("compiled validators need a run-time require(); keep the request schemas to keywords that compile standalone");
  }
  return `// ${header}\n// @ts-nocheck -- compiled by ajv; typed by src/validate.ts\n${code}\n`;
}

export function inputSchema(entry: OperationEntry): Record<string, unknown> {
  const { path, body, bodyRequired } = entry.schemas;
  return {
    type: "object",
    properties: { path, ...(body ? { body } : {}) },
    required: bodyRequired ? ["path", "body"] : ["path"],
    additionalProperties: false,
  };
}
