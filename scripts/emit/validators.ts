import type { AnySchema } from "ajv";
import standaloneModule from "ajv/dist/standalone/index.js";
import { createAjv } from "../ajv.ts";
import type { OperationEntry } from "./operations.ts";

/**
 * One validator per operation, compiled to plain code now so the client
 * validates with no validator library and no schema compilation at run time.
 * Each checks `{ path, body }`, so error paths read `/path/peering_id` or
 * `/body/peering/name`.
 */
export function emitValidators(entries: OperationEntry[], header: string): string {
  // unicode: false counts UTF-16 units, as String#length does: the same as code points for every
  // character these APIs accept, and it keeps the compiled code free of Ajv's run-time helpers.
  // That option is the only thing Ajv warns about here, so its logger is off.
  const ajv = createAjv({ code: { source: true, esm: true }, unicode: false, logger: false });
  for (const entry of entries) {
    ajv.addSchema(withoutAnnotations(inputSchema(entry)) as AnySchema, entry.operationId);
  }
  const code = standaloneModule.default(ajv, Object.fromEntries(entries.map((entry) => [entry.operationId, entry.operationId])));
  if (/\brequire\(/.test(code)) {
    throw new Error("compiled validators need a run-time require(); keep the request schemas to keywords that compile standalone");
  }
  return `// ${header}\n// @ts-nocheck -- compiled by ajv; typed by src/validate.ts\n${code}\n`;
}

const ANNOTATIONS = new Set(["description", "title", "example", "examples", "default", "deprecated", "readOnly", "writeOnly"]);

/** Drops keywords that never change a verdict, so they do not ship inside the compiled code. */
function withoutAnnotations(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutAnnotations);
  if (typeof schema !== "object" || schema === null) return schema;
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key]) => !ANNOTATIONS.has(key) && !(key.startsWith("x-") && key !== "x-max-bytes"))
      .map(([key, value]) => [key, key === "properties" ? mapValues(value, withoutAnnotations) : withoutAnnotations(value)]),
  );
}

function mapValues(record: unknown, map: (value: unknown) => unknown): unknown {
  return Object.fromEntries(Object.entries(record as Record<string, unknown>).map(([key, value]) => [key, map(value)]));
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
