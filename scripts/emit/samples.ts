import { sample } from "openapi-sampler";
import type { OperationSamples } from "../../src/mock/spec.ts";
import type { JsonSchema, OperationEntry, ResponseEntry } from "../spec-model.ts";

export type { OperationSamples };

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
