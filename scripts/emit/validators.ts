import type { AnySchema } from "ajv";
import type { Cache } from "../cache.ts";
import type { OperationEntry, ParamLocation } from "../spec-model.ts";

/**
 * One validator per operation, compiled to plain code now so the client
 * validates with no validator library and no schema compilation at run time.
 * Each checks `{ path, query, header, body }`, so error paths read
 * `/path/peering_id`, `/query/limit` or `/body/peering/name`. Each lives in a
 * module of its own (`validators/<operationId>.ts`), so a bundle carries the
 * validators of the operations it imports and no others. With a `cache`, an
 * operation whose input schema was compiled before is not compiled again, and
 * Ajv is loaded only when one is.
 */
export async function emitValidators(entries: OperationEntry[], header: string, cache?: Cache): Promise<Map<string, string>> {
  const modules = await Promise.all(
    entries.map(async (entry) => {
      const schema = withoutAnnotations(inputSchema(entry));
      const key = cache?.key("validator", JSON.stringify([entry.operationId, schema]));
      const cached = key && (await cache!.get(key));
      const code = cached ?? (await compile(entry.operationId, schema));
      if (key && cached === undefined) await cache!.set(key, code);
      return [`validators/${entry.operationId}.ts`, `// ${header}\n// @ts-nocheck -- compiled by ajv; typed by generated/operations.ts\n${code}\n`] as const;
    }),
  );
  return new Map(modules);
}

async function compile(operationId: string, schema: unknown): Promise<string> {
  const [{ createAjv }, { default: standaloneModule }] = await Promise.all([import("../ajv.ts"), import("ajv/dist/standalone/index.js")]);
  const ajv = createAjv({ code: { source: true, esm: true } });
  ajv.addSchema(schema as AnySchema, operationId);
  const code = standaloneModule.default(ajv, { [operationId]: operationId });
  if (/\brequire\(/.test(code)) {
    throw new Error(`${operationId}: its compiled validator would need a run-time require(); keep its request schemas to keywords that compile standalone`);
  }
  return code;
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
