/**
 * The contract between the spec, the public client and the mock cloud: every
 * request example of every operation, sent through the public client, is
 * answered 200 with a body that validates against the operation's 200
 * schema; and every error the mock answers for an operation has a status the
 * spec declares for it and a body that validates against that status's schema.
 * Validation uses the project's Ajv on the spec as Redocly dereferences it.
 */
import type { ValidateFunction } from "ajv";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAjv } from "../../scripts/ajv.ts";
import { bundleSpec, type OpenApiDocument } from "../../scripts/bundle.ts";
import { DEFAULT_SPEC } from "../../scripts/generate.ts";
import { HuaweiCloudError, operations, type OperationId } from "../../src/index.ts";
import { type MockCloud, startMockCloud } from "../../src/mock/index.ts";
import { CONSTRAINTS } from "../helpers/constraints.ts";
import { call, clientFor, operationIds, pathParamsOf, requestExamples, updateIds, validBody } from "./support.ts";
import { rejectionOf } from "../helpers/thrown.ts";

const ajv = createAjv();
const spec: OpenApiDocument = await bundleSpec(DEFAULT_SPEC, { dereference: true });
const validators = new Map<string, ValidateFunction>();

function operationObject(id: OperationId) {
  const { path, method } = operations[id];
  return spec.paths[path][method.toLowerCase()];
}

/** The validator of the JSON body the spec declares for a status of an operation. */
function bodyValidator(id: OperationId, status: number): ValidateFunction {
  const key = `${id} ${status}`;
  const cached = validators.get(key);
  if (cached) return cached;
  const response = operationObject(id).responses[String(status)];
  expect(response, `${id} declares no ${status} response`).toBeDefined();
  const validate = ajv.compile(response.content["application/json"].schema);
  validators.set(key, validate);
  return validate;
}

function expectValid(id: OperationId, status: number, body: unknown): void {
  const validate = bodyValidator(id, status);
  const valid = validate(body);
  expect(valid, `${id} ${status}: ${JSON.stringify(validate.errors)}\n${JSON.stringify(body)}`).toBe(true);
}

let cloud: MockCloud;
beforeAll(async () => {
  cloud = await startMockCloud();
});
afterAll(() => cloud.close());

const examples = operationIds.flatMap((id) => requestExamples(id).map(([name, body]) => ({ id, name, body })));

it("the validators bite: a 200 schema rejects a body of the wrong type or with a value outside an enum", () => {
  for (const id of operationIds) expect(bodyValidator(id, 200)([])).toBe(false);
  expect(bodyValidator("UpdateVpcPeering", 200)({ peering: { status: "HALF_OPEN" } })).toBe(false);
  expect(bodyValidator("UpdateTrafficMirrorSession", 200)({ traffic_mirror_session: { enabled: "true" } })).toBe(false);
});

it("the spec has at least one request example per operation with a body", () => {
  expect(new Set(examples.map((example) => example.id))).toEqual(new Set(operationIds.filter((id) => operations[id].body !== "none")));
});

describe.each(examples)("$id, request example $name", ({ id, body }) => {
  it("through the named method: 200, and the answer validates against the 200 schema", async () => {
    const answer = await call(clientFor(cloud), id, { ...cloud.resources[id], body: structuredClone(body) });
    expectValid(id, 200, answer);
  });

  it("through the raw client: 200 with an X-Request-Id, and the answer validates", async () => {
    const { method, path, service } = operations[id];
    const raw = clientFor(cloud).raw[service] as unknown as Record<
      string,
      (path: string, init: object) => Promise<{ data?: unknown; error?: unknown; response: Response }>
    >;
    const { data, error, response } = await raw[method]!(path, { params: { path: cloud.resources[id] }, body: structuredClone(body) });
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expectValid(id, 200, data);
  });
});

const errorOf = (promise: Promise<unknown>) => rejectionOf(promise, HuaweiCloudError);

/** Each operation with the first query constraint of the table, for those that have one. */
const queryBreakers = operationIds.flatMap((id) => {
  const row = CONSTRAINTS.find(([operation, where]) => operation === id && where === "query");
  return row ? [{ id, name: row[2].slice(1), value: row[3] }] : [];
});

describe.each(operationIds)("%s errors", (id) => {
  it("401 for a bad token validates against the declared 401 schema", async () => {
    const client = clientFor(cloud, { credentials: { token: "not-a-token" } });
    const error = await errorOf(call(client, id, { ...cloud.resources[id], body: validBody(id) }));
    expect(error.status).toBe(401);
    expectValid(id, 401, error.body);
  });

  it.each([500, 503].filter((status) => status in operationObject(id).responses))("an injected %i validates against the declared schema", async (status) => {
    const mock = await startMockCloud({ faults: [{ status }] });
    try {
      const error = await errorOf(call(clientFor(mock), id, { ...mock.resources[id], body: validBody(id) }));
      expect(error.status).toBe(status);
      expectValid(id, status, error.body);
    } finally {
      await mock.close();
    }
  });
});

describe.each(updateIds)("%s, which updates a resource, errors", (id) => {
  it("400 for an invalid body validates against the declared 400 schema", async () => {
    const client = clientFor(cloud, { validate: false });
    const error = await errorOf(call(client, id, { ...cloud.resources[id], body: { ...validBody(id), not_in_the_spec: 1 } }));
    expect(error.status).toBe(400);
    expectValid(id, 400, error.body);
  });

  it("404 for an unknown id validates against the declared 404 schema", async () => {
    const last = pathParamsOf(id).at(-1)!;
    const error = await errorOf(call(clientFor(cloud), id, { ...cloud.resources[id], [last]: "unknown-id", body: validBody(id) }));
    expect(error.status).toBe(404);
    expectValid(id, 404, error.body);
  });
});

it.each(queryBreakers)("$id: 400 for an invalid query parameter ($name) validates against the declared 400 schema", async ({ id, name, value }) => {
  const error = await errorOf(call(clientFor(cloud, { validate: false }), id, { ...cloud.resources[id], [name]: value }));
  expect(error.status).toBe(400);
  expectValid(id, 400, error.body);
});

it("every answer recorded above was one the spec declares for its operation", () => {
  for (const request of cloud.requests) {
    const declared = Object.keys(operationObject(request.operation!).responses);
    expect(declared).toContain(String(request.status));
  }
  expect(cloud.requests.length).toBeGreaterThan(0);
});
