import { sample } from "openapi-sampler";
import type { JsonSchema, OperationEntry, ResponseEntry } from "../spec-model.ts";

/** Sample values of one operation, for the mock cloud, the docs' code samples and the tests. */
export interface OperationSamples {
  /** How the client calls it: `client.<service>.<methodName>`, sending `<method> <path>`. */
  service: string;
  methodName: string;
  method: string;
  path: string;
  /** What the docs list it under. */
  tag: string;
  summary: string;
  /** A value for every required parameter: the spec's sample, else one drawn from its schema. */
  params: Record<string, unknown>;
  /** The request body: its first named example, else one drawn from its schema. */
  body?: unknown;
  /** The request body's named examples, as the spec gives them. */
  requestExamples: Array<{ name: string; value: unknown }>;
  /** The first declared 2xx answer, with its first example or a body drawn from its schema (none without content). */
  success: { status: number; body?: unknown };
  /** A body per declared error status, example first, else drawn from its schema. */
  errors: Record<string, unknown>;
  /** Dereferenced schemas the mock reads: each parameter's, the request body's and the success body's. */
  schemas: { params: Record<string, JsonSchema>; request?: JsonSchema; success?: JsonSchema };
}

/**
 * generated/samples.json. Values come from the spec's examples where it has
 * them and from openapi-sampler (Redoc's own sampler) where it has not, so an
 * operation without a single example still gets a callable sample.
 */
export function emitSamples(entries: OperationEntry[], header: string): string {
  const operations = Object.fromEntries(entries.map((entry) => [entry.operationId, operationSamples(entry)]));
  return `${JSON.stringify({ "x-generated": header, operations }, null, 2)}\n`;
}

export function operationSamples(entry: OperationEntry): OperationSamples {
  const params: Record<string, unknown> = {};
  for (const parameter of entry.parameters) {
    if (parameter.required) params[parameter.name] = parameter.examples[0] ?? drawn(parameter.schema, "request");
  }
  const [success] = entry.success as [ResponseEntry];
  const requestExamples = entry.body?.examples ?? [];
  return {
    service: entry.service,
    methodName: entry.methodName,
    method: entry.method,
    path: entry.path,
    tag: entry.tag,
    summary: entry.summary,
    params,
    ...(entry.body ? { body: requestExamples[0]?.value ?? drawn(entry.body.schema, "request") } : {}),
    requestExamples,
    success: { status: success.status, ...(success.schema ? { body: responseBody(success) } : {}) },
    errors: Object.fromEntries(
      entry.errors.filter((response) => response.schema).map((response) => [response.status, responseBody(response)]),
    ),
    schemas: {
      params: Object.fromEntries(entry.parameters.map((parameter) => [parameter.name, parameter.schema])),
      ...(entry.body ? { request: entry.body.schema } : {}),
      ...(success.schema ? { success: success.schema } : {}),
    },
  };
}

function responseBody(response: ResponseEntry): unknown {
  return response.examples[0]?.value ?? drawn(response.schema!, "response");
}

function drawn(schema: JsonSchema, direction: "request" | "response"): unknown {
  return sample(schema as never, {
    skipReadOnly: direction === "request",
    skipWriteOnly: direction === "response",
    enablePatterns: true,
    quiet: true,
  });
}
