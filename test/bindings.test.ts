/**
 * Named calls take their own path to the layers (they skip openapi-fetch's
 * general machinery), so they are held to the raw call: the same request on
 * the wire, and the same reading of every kind of answer.
 */
import { describe, expect, it } from "vitest";
import { createClient, HuaweiCloudError, operations, type OperationId } from "../src/index.ts";
import type { RecordedRequest, Reply } from "./helpers/fault-server.ts";
import { useLoopbackCloud } from "./helpers/loopback-cloud.ts";

const cloud = useLoopbackCloud();
const PROJECT_ID = "0123456789abcdef0123456789abcdef";

const client = () =>
  createClient({
    credentials: { token: "t" },
    projectId: PROJECT_ID,
    endpoints: cloud.endpoints,
    headers: { "X-Team": "networking" },
  });

/** Values that need encoding, for every path parameter but the project. */
function pathArgs(id: OperationId): Record<string, string> {
  return Object.fromEntries(operations[id].pathParams.filter((name) => name !== "project_id").map((name) => [name, `${name}:1 é/x`]));
}

/** Validation is off in these calls, so one body serves all five operations. */
const BODY = { any: { name: "é", n: 1, list: [1, "two"] } };

/** The named call and the raw call of one operation, with the same arguments and per-call headers. */
function calls(id: OperationId) {
  const { service, method, path } = operations[id];
  const unchecked = createClient({
    credentials: { token: "t" },
    projectId: PROJECT_ID,
    endpoints: cloud.endpoints,
    headers: { "X-Team": "networking" },
    validate: false,
    // One attempt: the 5xx answers below are compared, not retried.
    retry: { maxAttempts: 1 },
  });
  const named = () =>
    (unchecked[service] as unknown as Record<string, (args: object, init: object) => Promise<unknown>>)[
      id.charAt(0).toLowerCase() + id.slice(1)
    ]!({ ...pathArgs(id), body: BODY }, { headers: { "X-Trace": "t-1" } });
  const raw = () =>
    (unchecked.raw[service] as unknown as Record<string, (url: string, init: object) => Promise<{ data?: unknown; error?: unknown }>>)[
      method
    ]!(path, { params: { path: { ...pathArgs(id), project_id: PROJECT_ID } }, body: BODY, headers: { "X-Trace": "t-1" } });
  return { named, raw };
}

/** What identifies a request on the wire, less the per-attempt id. */
function wire({ method, url, headers, body }: RecordedRequest) {
  const { "x-client-request-id": _, ...rest } = headers;
  return { method, url, headers: rest, body: body.toString("utf8") };
}

/** What a named call gives back: its data, or the error it throws as seen by a raw caller. */
async function outcome(call: () => Promise<unknown>) {
  try {
    return { data: await call() };
  } catch (error) {
    if (!(error instanceof HuaweiCloudError)) throw error;
    return { error: { name: error.name, status: error.status, requestId: error.requestId, body: error.body, headers: error.headers } };
  }
}

async function rawOutcome(call: () => Promise<{ data?: unknown; error?: unknown }>) {
  const result = await call();
  if (result.error === undefined) return { data: result.data };
  const error = result.error as HuaweiCloudError;
  return { error: { name: error.name, status: error.status, requestId: error.requestId, body: error.body, headers: error.headers } };
}

describe.each(Object.keys(operations) as OperationId[])("%s, named", (id) => {
  it("sends the request the raw call sends", async () => {
    const { named, raw } = calls(id);
    await named();
    await raw();
    const [fromNamed, fromRaw] = cloud.server.requests;
    expect(wire(fromNamed!)).toEqual(wire(fromRaw!));
    expect(fromNamed!.headers["content-type"]).toBe("application/json");
    expect(fromNamed!.headers["x-trace"]).toBe("t-1");
  });
});

describe("named calls with the caller's content type", () => {
  it.each([
    ["a form type, per call", {}, { "content-type": "application/x-www-form-urlencoded" }],
    ["a form type, on the client", { "Content-Type": "application/x-www-form-urlencoded" }, {}],
    ["another type", {}, { "Content-Type": "application/merge-patch+json" }],
  ])("encode the body as the raw call does: %s", async (_, clientHeaders, callHeaders) => {
    const unchecked = createClient({
      credentials: { token: "t" },
      projectId: PROJECT_ID,
      endpoints: cloud.endpoints,
      headers: clientHeaders,
      validate: false,
    });
    const body = { name: "é", n: "1" } as never;
    await unchecked.vpc.updateVpcPeering({ peering_id: "p", body }, { headers: callHeaders });
    await unchecked.raw.vpc.PUT("/v2.0/vpc/peerings/{peering_id}", { params: { path: { peering_id: "p" } }, body, headers: callHeaders });
    const [fromNamed, fromRaw] = cloud.server.requests;
    expect(wire(fromNamed!)).toEqual(wire(fromRaw!));
  });
});

describe("named calls read every answer as the raw call does", () => {
  const answers: [string, Reply][] = [
    ["JSON with a length", { status: 200, headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength('{"a":[1,"é"]}')) }, body: '{"a":[1,"é"]}' }],
    ["JSON without a length", { status: 200, headers: { "content-type": "application/json" }, body: '{"a":[1,"é"]}' }],
    ["an empty 200", { status: 200, headers: { "content-length": "0" } }],
    ["a 204", { status: 204 }],
    ["a JSON error", { status: 409, headers: { "content-type": "application/json", "x-request-id": "r-1" }, body: '{"error_code":"VPC.0001","error_msg":"busy"}' }],
    ["a text error", { status: 502, headers: { "content-type": "text/plain" }, body: "bad gateway" }],
    ["an empty error", { status: 404, headers: { "content-length": "0" } }],
  ];
  it.each(answers)("%s", async (_, reply) => {
    cloud.server.setFallback(reply);
    const { named, raw } = calls("UpdateVpcPeering");
    expect(await outcome(named)).toEqual(await rawOutcome(raw));
  });
});

describe("named calls with validation on", () => {
  it("send nothing for an invalid body, as the raw call", async () => {
    await expect(client().vpc.updateVpcPeering({ peering_id: "p", body: { peering: { name: "" } } })).rejects.toMatchObject({
      name: "ValidationError",
    });
    expect(cloud.server.requests).toHaveLength(0);
  });
});
