import type { AnySchema } from "ajv";
import standaloneModule from "ajv/dist/standalone/index.js";
import { createAjv } from "../ajv.ts";
import type { OperationEntry, ParamLocation } from "../spec-model.ts";

/**
 * One validator per operation, compiled to plain code now so the client
 * validates with no validator library and no schema compilation at run time.
 * Each checks `{ path, query, header, body }`, so error paths read
 * `/path/peering_id`, `/query/limit` or `/body/peering/name`. Each lives in a
 * module of its own (`validators/<operationId>.ts`), so a bundle carries the
 * validators of the operations it imports and no others.
 */
export function emitValidators(entries: OperationEntry[], header: string): Map<string, string> {
  return new Map(entries.map((entry) => [`validators/${entry.operationId}.ts`, emitValidator(entry, header)]));
}

function emitValidator(entry: OperationEntry, header: string): string {
  // unicode: false counts UTF-16 units, as String#length does: the same as code points for every
  // character these APIs accept, and it keeps the compiled code free of Ajv's run-time helpers.
  // That option is the only thing Ajv warns about here, so its logger is off.
  const ajv = createAjv({ code: { source: true, esm: true }, unicode: false, logger: false });
  ajv.addSchema(withoutAnnotations(inputSchema(entry)) as AnySchema, entry.operationId);
  const code = standaloneModule.default(ajv, { [entry.operationId]: entry.operationId });
  if (/\brequire\(/.test(code)) {
    throw new Error("compiled validators need a run-time require(); keep the request schemas to keywords that compile standalone");
  }
  return `// ${header}\n// @ts-nocheck -- compiled by ajv; typed by generated/operations.ts\n${code}\n`;
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

/** The schema of one call's input: each parameter under its location, the JSON body under `body`. */
export function inputSchema(entry: OperationEntry): Record<string, unknown> {
  const locations: ParamLocation[] = ["path", "query", "header"];
  const properties: Record<string, unknown> = Object.fromEntries(
    locations.map((location) => {
      const parameters = entry.parameters.filter((parameter) => parameter.in === location);
      return [
        location,
        {
          type: "object",
          properties: Object.fromEntries(parameters.map((parameter) => [parameter.name, parameter.schema])),
          required: parameters.filter((parameter) => parameter.required).map((parameter) => parameter.name),
          additionalProperties: false,
        },
      ];
    }),
  );
  if (entry.body) properties.body = entry.body.schema;
  return {
    type: "object",
    properties,
    required: entry.body?.required ? [...locations, "body"] : locations,
    additionalProperties: false,
  };
}
