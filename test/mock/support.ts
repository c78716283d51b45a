/**
 * Shared by the mock cloud's tests: the public client pointed at a mock, one
 * generic way to call any operation, and the spec's samples read straight
 * from the bundled document (not through the mock's own reader).
 */
import spec from "../../generated/openapi.json" with { type: "json" };
import { createClient, type ClientOptions, operations, type OperationId } from "../../src/index.ts";
import { afterEach, expect } from "vitest";
import { MOCK_AK, MOCK_SK, MOCK_TOKEN, type MockCloud, type MockCloudOptions, startMockCloud } from "../../src/mock/index.ts";

export const operationIds = Object.keys(operations) as OperationId[];

type Json = any;

/** Follows `#/...` refs inside the bundled spec. */
export function resolveRef(node: Json): Json {
  let current = node;
  while (current && typeof current.$ref === "string") {
    current = current.$ref
      .slice(2)
      .split("/")
      .map((s: string) => s.replaceAll("~1", "/").replaceAll("~0", "~"))
      .reduce((at: Json, key: string) => at?.[key], spec);
  }
  return current;
}

export function operationObject(id: OperationId): Json {
  const { path, method } = operations[id];
  return (spec as Json).paths[path][method.toLowerCase()];
}

/** Every request body example of the operation, by name. */
export function requestExamples(id: OperationId): Array<[string, Json]> {
  const examples = operationObject(id).requestBody.content["application/json"].examples ?? {};
  return Object.entries<Json>(examples).map(([name, example]) => [name, resolveRef(example).value]);
}

/** The first request example: a body the operation accepts. */
export function validBody(id: OperationId): Json {
  return structuredClone(requestExamples(id)[0]![1]);
}

/** The first 200 example: the page's response sample the mock is seeded from. */
export function okExample(id: OperationId): Json {
  const content = resolveRef(operationObject(id).responses["200"]).content["application/json"];
  return resolveRef(Object.values<Json>(content.examples)[0]).value;
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
  return service[id.charAt(0).toLowerCase() + id.slice(1)]!(args);
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

/** The error body's shape per service, as the spec and the brief describe them. */
export const errorShape: Record<string, "flat" | "wrapped" | "cinder"> = {
  vpc: "flat",
  dws: "flat",
  vpcep: "wrapped",
  evs: "cinder",
};

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

/** The error a call was rejected with, asserted to be of the given class. */
export async function rejectionOf<E extends Error>(promise: Promise<unknown>, ErrorClass: abstract new (...args: never[]) => E): Promise<E> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ErrorClass);
  return error as E;
}
