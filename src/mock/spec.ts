/**
 * What the mock cloud reads of the spec, from the generator's output: the
 * operation table, and per operation its sample values and dereferenced
 * schemas (generated/samples.json).
 */
import samples from "../../generated/samples.json" with { type: "json" };
import type { OperationId } from "../../generated/operations.ts";

/** A JSON Schema node of the spec, as far as the mock reads it. */
export interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  examples?: unknown[];
  [keyword: string]: unknown;
}

interface OperationSamples {
  params: Record<string, unknown>;
  body?: unknown;
  requestExamples: Array<{ name: string; value: unknown }>;
  success: { status: number; body?: unknown };
  errors: Record<string, unknown>;
  schemas: { params: Record<string, Schema>; request?: Schema; success?: Schema };
}

const byOperation = samples.operations as unknown as Record<OperationId, OperationSamples>;

export function samplesOf(id: OperationId): OperationSamples {
  return byOperation[id];
}

/** The schema of the operation's success body; empty when the answer has no body. */
export function successSchema(id: OperationId): Schema {
  return byOperation[id].schemas.success ?? {};
}

/** The schema of the operation's JSON request body; empty when it has none. */
export function requestSchema(id: OperationId): Schema {
  return byOperation[id].schemas.request ?? {};
}

/** The sample of the operation's success body: the page's response example, else one drawn from the schema. */
export function successSample(id: OperationId): unknown {
  return byOperation[id].success.body;
}

/** The named request body examples of the operation. */
export function requestExamples(id: OperationId): Array<{ name: string; value: unknown }> {
  return byOperation[id].requestExamples;
}

/** The sample value of a required parameter. */
export function parameterSample(id: OperationId, name: string): unknown {
  return byOperation[id].params[name];
}
