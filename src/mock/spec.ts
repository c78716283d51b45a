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

/** Sample values of one operation, as the generator writes them (scripts/emit/samples.ts), for the mock, the docs and the tests. */
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
