/**
 * Shared by the mock cloud's tests: the public client pointed at a mock, one
 * generic way to call any operation, and the spec's samples as the generator
 * wrote them (generated/samples.json).
 */
import generatedSamples from "../../generated/samples.json" with { type: "json" };
import { createClient, type ClientOptions, operations, type OperationId } from "../../src/index.ts";
import { afterEach, expect } from "vitest";
import { MOCK_AK, MOCK_SK, MOCK_TOKEN, type MockCloud, type MockCloudOptions, startMockCloud } from "../../src/mock/index.ts";
import { openStackFaultName } from "../../src/mock/responses.ts";
import { pathParamsOf } from "../../src/mock/store.ts";
import type { OperationDescriptor } from "../../src/operation.ts";

export { pathParamsOf };

export const operationIds = Object.keys(operations) as OperationId[];

const samples = generatedSamples.operations;

type Json = any;

/** Every request body example of the operation, by name. */
export function requestExamples(id: OperationId): Array<[string, Json]> {
  return samples[id].requestExamples.map(({ name, value }) => [name, value]);
}

/** Operations that change a stored resource: a PUT or PATCH with a body, answering JSON. */
export const updateIds = operationIds.filter((id) => {
  const { body, method }: OperationDescriptor = operations[id];
  return body !== "none" && (method === "PUT" || method === "PATCH");
});

/** The first request example: a body the operation accepts; undefined for an operation without a body. */
export function validBody(id: OperationId): Json {
  const first = requestExamples(id)[0];
  return first === undefined ? undefined : structuredClone(first[1]);
}

/** The first success example: the page's response sample the mock is seeded from. */
export function okExample(id: OperationId): Json {
  return samples[id].success.body;
}

export type TestClient = ReturnType<typeof createClient>;

/** The public client against the mock, signing with the mock's default AK/SK unless told otherwise. */
export function clientFor(cloud: MockCloud, options: Partial<ClientOptions> = {}): TestClient {
  return createClient({
    credentials: { ak: MOCK_AK, sk: MOCK_SK },
    endpoints: cloud.endpoints,
    retry: { maxAttempts: 1 },
    ...options,
  } as ClientOptions);
}

/** Calls an operation through its named method, e.g. `client.vpc.updateVpcPeering(args)`. */
export function call(client: TestClient, id: OperationId, args: Record<string, unknown>): Promise<Json> {
  const service = client[operations[id].service] as unknown as Record<string, (args: object) => Promise<unknown>>;
  return service[operations[id].name]!(args);
}

/** The operation's path with its parameters filled, as the client would send it. */
export function pathOf(id: OperationId, params: Record<string, string>): string {
  return operations[id].path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name]!));
}

/** A raw PUT with the mock's default token, for bodies the client would not send. */
export function rawPut(cloud: MockCloud, path: string, body: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${cloud.url}${path}`, {
    method: "PUT",
    headers: { "X-Auth-Token": MOCK_TOKEN, "Content-Type": "application/json", ...headers },
    body,
  });
}

/** An error body's nested keys, leaves left out: what "the same shape" compares. */
export function shapeOf(body: Json): Json {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return "leaf";
  return Object.fromEntries(Object.keys(body).sort().map((key) => [key, shapeOf(body[key])]));
}

/**
 * The shape the spec gives the operation's error of this status: the sample of
 * that status, else of the nearest declared status of the same class.
 */
export function specErrorShape(id: OperationId, status: number): Json {
  const errors = samples[id].errors as Record<string, Json>;
  const declared = Object.keys(errors).map(Number).filter((other) => Math.floor(other / 100) === Math.floor(status / 100));
  const closest = declared.sort((a, b) => Math.abs(a - status) - Math.abs(b - status))[0];
  const sample = errors[String(status)] ?? errors[String(closest)];
  // Nothing declared in the class: the flat shape, as the gateway answers.
  const shape = shapeOf(sample ?? { error_code: "", error_msg: "", request_id: "" });
  // OpenStack's shape borrowed from another status: the wrapper names this status's fault.
  const [wrapper, ...others] = Object.keys(shape);
  const openStack = errors[String(status)] === undefined && others.length === 0 && wrapper !== "error" && shape[wrapper!] !== "leaf";
  return openStack ? { [openStackFaultName(status)]: shape[wrapper!] } : shape;
}

/** The code of an error body of any of the three shapes: flat, `error`-wrapped, OpenStack's. */
export function errorCode(body: Json): unknown {
  if (body?.error_code !== undefined) return body.error_code;
  if (body?.error?.code !== undefined) return body.error.code;
  const [inner] = Object.values<Json>(body ?? {});
  return inner?.code;
}

/** The mock's own code for a service error: `VPC.0404`, or the status in OpenStack's shape. */
export function mockCode(id: OperationId, status: number, body: Json): unknown {
  const openStack = body?.error_code === undefined && body?.error === undefined;
  return openStack ? status : `${operations[id].service.toUpperCase()}.${String(status).padStart(4, "0")}`;
}

/** Asserts a service error body: the spec's shape for its status, the mock's code, the given message. */
export function expectServiceError(id: OperationId, status: number, body: Json, message: string | RegExp): void {
  expect(shapeOf(body)).toEqual(specErrorShape(id, status));
  expect(errorCode(body)).toBe(mockCode(id, status, body));
  if (typeof message === "string") expect(errorMessage(body)).toBe(message);
  else expect(errorMessage(body)).toMatch(message);
}

/** The message of an error body of any of the three shapes. */
export function errorMessage(body: Json): string {
  if (typeof body?.error_msg === "string") return body.error_msg;
  if (typeof body?.error?.message === "string") return body.error.message;
  const [inner] = Object.values<Json>(body ?? {});
  return String(inner?.message);
}

/** A `start(options)` for mocks that live for one test: each is closed after it, if the test did not. */
export function useMockCloud(): (options?: MockCloudOptions) => Promise<MockCloud> {
  const started: MockCloud[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((cloud) => cloud.close()));
  });
  return async (options = {}) => {
    const cloud = await startMockCloud(options);
    started.push(cloud);
    return cloud;
  };
}

