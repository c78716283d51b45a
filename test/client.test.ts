/**
 * The public client against a loopback server: what goes on the wire for
 * each operation, with AK/SK signing (verified server-side) and with a token.
 */
import { createQuerySerializer } from "openapi-fetch";
import { describe, expect, it, vi } from "vitest";
import { createClient, type HwcloudClient, InvalidResponseError, operations, type OperationId } from "../src/index.ts";
import { samplesOf } from "../src/mock/spec.ts";
import { verifySignature } from "../src/mock/verify.ts";
import { useLoopbackCloud } from "./helpers/use-loopback.ts";
import { paramsIn, requestExample } from "./helpers/spec.ts";

const AK = "HPUAEXAMPLEAKID0001";
const SK = "example-secret-key-0001";
const TOKEN = "MIIexampleIAMtoken";
const PROJECT_ID = "0123456789abcdef0123456789abcdef";

const cloud = useLoopbackCloud();

const ids = Object.keys(operations) as OperationId[];

/** Path parameters other than project_id, with values that need encoding. */
function pathArgs(id: OperationId): Record<string, string> {
  return Object.fromEntries(paramsIn(id, "path").filter((name) => name !== "project_id").map((name) => [name, `${name}:1 é`]));
}

/** Every query parameter with the spec's example value. */
function queryArgs(id: OperationId): Record<string, unknown> {
  const schemas = samplesOf(id).schemas.params;
  return Object.fromEntries(paramsIn(id, "query").map((name) => [name, schemas[name]!.examples![0]]));
}

/** The request target: the path with its values encoded, then the query as openapi-fetch serializes it. */
function expectedTarget(id: OperationId): string {
  const args = { ...pathArgs(id), project_id: PROJECT_ID };
  const path = operations[id].path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(args[name as keyof typeof args]!));
  const query = createQuerySerializer()(queryArgs(id));
  return query ? `${path}?${query}` : path;
}

/** The body the wire should carry: the page's example, or none. */
function expectedBody(id: OperationId): unknown {
  return operations[id].body === "none" ? undefined : requestExample(id);
}

function call(client: HwcloudClient, id: OperationId) {
  const service = client[operations[id].service] as Record<string, (args: object) => Promise<unknown>>;
  const body = expectedBody(id);
  return service[operations[id].name]!({ ...pathArgs(id), ...queryArgs(id), ...(body === undefined ? {} : { body }) });
}

/** What the server received as the body: parsed JSON, or undefined when there was none. */
function receivedBody(body: Buffer): unknown {
  return body.length === 0 ? undefined : JSON.parse(body.toString("utf8"));
}

describe("the operations", () => {
  it("include one with query parameters and no body", () => {
    expect(ids.some((id) => paramsIn(id, "query").length > 0 && operations[id].body === "none")).toBe(true);
  });
});

describe.each(ids)("%s", (id) => {
  it("with AK/SK: sends the method, the exact path and query and the JSON body, signed so the server can verify it", async () => {
    const client = createClient({ credentials: { ak: AK, sk: SK }, projectId: PROJECT_ID, endpoints: cloud.endpoints });
    await call(client, id);
    expect(cloud.server.received).toHaveLength(1);
    const [received] = cloud.server.received;
    expect(received!.method).toBe(operations[id].method);
    expect(received!.url).toBe(expectedTarget(id));
    expect(receivedBody(received!.body)).toEqual(expectedBody(id));
    expect(received!.headers["content-type"]).toBe(expectedBody(id) === undefined ? undefined : "application/json");
    expect(received!.headers["x-project-id"]).toBe(PROJECT_ID);
    expect(received!.headers["x-auth-token"]).toBeUndefined();
    const verdict = await verifySignature(received!, (ak) => (ak === AK ? SK : undefined), new Date());
    expect(verdict).toEqual({ ok: true, ak: AK });
  });

  it("with AK/SK: a server holding another secret rejects the signature", async () => {
    const client = createClient({ credentials: { ak: AK, sk: SK }, projectId: PROJECT_ID, endpoints: cloud.endpoints });
    await call(client, id);
    const [received] = cloud.server.received;
    const verdict = await verifySignature(received!, () => "another-secret", new Date());
    expect(verdict.ok).toBe(false);
  });

  it("with a token: sends X-Auth-Token and no signature", async () => {
    const client = createClient({ credentials: { token: TOKEN }, projectId: PROJECT_ID, endpoints: cloud.endpoints });
    await call(client, id);
    const [received] = cloud.server.received;
    expect(received!.method).toBe(operations[id].method);
    expect(received!.url).toBe(expectedTarget(id));
    expect(receivedBody(received!.body)).toEqual(expectedBody(id));
    expect(received!.headers["x-auth-token"]).toBe(TOKEN);
    expect(received!.headers.authorization).toBeUndefined();
  });
});

describe("tokens", () => {
  it("calls a token function per request, sync or async, so users can refresh", async () => {
    let issued = 0;
    const client = createClient({
      credentials: { token: async () => `token-${++issued}` },
      projectId: PROJECT_ID,
      endpoints: cloud.endpoints,
    });
    await call(client, "UpdateDataSource");
    await call(client, "UpdateDataSource");
    expect(cloud.server.received.map((request) => request.headers["x-auth-token"])).toEqual(["token-1", "token-2"]);
  });

  it("calls it again for every attempt, with that attempt's AbortSignal", async () => {
    cloud.server.enqueue({ status: 503, body: "busy" });
    const signals: AbortSignal[] = [];
    const client = createClient({
      credentials: { token: (signal) => (signals.push(signal), `token-${signals.length}`) },
      projectId: PROJECT_ID,
      endpoints: cloud.endpoints,
      retry: { baseDelayMs: 1 },
    });
    await call(client, "UpdateVpcPeering");
    expect(signals).toHaveLength(2);
    expect(signals[0]).toBeInstanceOf(AbortSignal);
    expect(signals[0]).not.toBe(signals[1]);
    expect(cloud.server.received.map((request) => request.headers["x-auth-token"])).toEqual(["token-1", "token-2"]);
  });

  it("a token function that never settles is bounded by the attempt timeout, and its signal fires", async () => {
    let given: AbortSignal | undefined;
    const client = createClient({
      credentials: { token: (signal) => ((given = signal), new Promise<string>(() => undefined)) },
      projectId: PROJECT_ID,
      endpoints: cloud.endpoints,
      timeout: 50,
      retry: { maxAttempts: 1 },
    });
    await expect(call(client, "UpdateVpcPeering")).rejects.toMatchObject({ name: "TimeoutError" });
    expect(given?.aborted).toBe(true);
    expect(cloud.server.received).toHaveLength(0);
  });
});

describe("project id", () => {
  it("an explicit project_id wins over the client's", async () => {
    const client = createClient({ credentials: { token: TOKEN }, projectId: PROJECT_ID, endpoints: cloud.endpoints });
    await client.dws.updateDataSource({
      project_id: "other-project",
      cluster_id: "c",
      ext_data_source_id: "d",
      body: { reconfigure: { reboot: false } },
    });
    expect(cloud.server.received[0]!.url).toBe("/v1.0/other-project/clusters/c/ext-data-sources/d");
  });

  it("a call without project_id on a client without projectId asks IAM first, and fails typed before sending when IAM's answer is unusable", async () => {
    vi.stubEnv("HUAWEICLOUD_SDK_PROJECT_ID", "");
    const client = createClient({ credentials: { token: TOKEN }, endpoints: cloud.endpoints });
    const error = await client.dws
      .updateDataSource({ cluster_id: "c", ext_data_source_id: "d", body: { reconfigure: { reboot: false } } })
      .catch((e: unknown) => e);
    vi.unstubAllEnvs();
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(cloud.server.received.map((request) => `${request.method} ${request.url}`)).toEqual(["GET /v3/projects?name=cn-north-4"]);
  });
});

describe("headers", () => {
  it("sends the User-Agent, the client's extra headers and per-call headers", async () => {
    const client = createClient({
      credentials: { token: TOKEN },
      projectId: PROJECT_ID,
      endpoints: cloud.endpoints,
      userAgent: "my-app/1.2",
      headers: { "X-Team": "networking" },
    });
    await client.vpcep.updateEndpointRoutetable(
      { vpc_endpoint_id: "e", body: { routetables: [] } },
      { headers: { "X-Trace": "t-1" } },
    );
    const [received] = cloud.server.received;
    expect(received!.headers["user-agent"]).toBe("my-app/1.2");
    expect(received!.headers["x-team"]).toBe("networking");
    expect(received!.headers["x-trace"]).toBe("t-1");
  });
});

describe("retries and cancellation through the client", () => {
  it("retries a 503 of an idempotent operation with a fresh signature, then returns the body", async () => {
    cloud.server.enqueue({ status: 503, body: "busy" });
    cloud.server.setFallback({ status: 200, headers: { "content-type": "application/json" }, body: '{"peering":{"id":"p-1"}}' });
    const client = createClient({ credentials: { ak: AK, sk: SK }, projectId: PROJECT_ID, endpoints: cloud.endpoints, retry: { baseDelayMs: 1 } });
    const result = await client.vpc.updateVpcPeering({ peering_id: "p-1", body: { peering: { name: "n" } } });
    expect(result).toEqual({ peering: { id: "p-1" } });
    expect(cloud.server.received).toHaveLength(2);
    for (const received of cloud.server.received) {
      const verdict = await verifySignature(received, (ak) => (ak === AK ? SK : undefined), new Date());
      expect(verdict.ok).toBe(true);
    }
    expect(cloud.server.received[0]!.headers["x-client-request-id"]).toBe(cloud.server.received[1]!.headers["x-client-request-id"]);
  });

  it("gives up after the attempts allowed, with the count on the typed error", async () => {
    cloud.server.setFallback({ status: 503, headers: { "content-type": "application/json" }, body: '{"error_code":"EVS.0001","error_msg":"busy"}' });
    const client = createClient({ credentials: { token: TOKEN }, projectId: PROJECT_ID, endpoints: cloud.endpoints, retry: { baseDelayMs: 1 } });
    const error = await client.evs
      .cinderUpdateSnapshot({ snapshot_id: "s", body: { snapshot: { name: "n" } } })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: "ServerError", status: 503, code: "EVS.0001", attempts: 3, operation: "CinderUpdateSnapshot" });
    expect(cloud.server.received).toHaveLength(3);
  });

  it("never resends an operation that is not idempotent after a 503: UpdateDataSource may have started its job", async () => {
    cloud.server.setFallback({ status: 503, headers: { "content-type": "application/json" }, body: '{"error_code":"DWS.0001","error_msg":"busy"}' });
    const client = createClient({ credentials: { token: TOKEN }, projectId: PROJECT_ID, endpoints: cloud.endpoints, retry: { baseDelayMs: 1 } });
    const error = await client.dws
      .updateDataSource({ cluster_id: "c", ext_data_source_id: "d", body: { reconfigure: { reboot: true } } })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: "ServerError", status: 503, attempts: 1, operation: "UpdateDataSource" });
    expect(cloud.server.received).toHaveLength(1);
  });

  it("per-call retry settings override the client's", async () => {
    cloud.server.setFallback({ status: 503, body: "busy" });
    const client = createClient({ credentials: { token: TOKEN }, projectId: PROJECT_ID, endpoints: cloud.endpoints, retry: { baseDelayMs: 1 } });
    await client.vpcep
      .updateEndpointRoutetable({ vpc_endpoint_id: "e", body: { routetables: [] } }, { retry: { maxAttempts: 1 } })
      .catch(() => undefined);
    expect(cloud.server.received).toHaveLength(1);
  });

  it("a caller's abort during the backoff rejects at once with AbortError and sends nothing more", async () => {
    // Retry-After fixes the wait at 10 s, so the abort lands during it.
    cloud.server.setFallback({ status: 503, headers: { "retry-after": "10" }, body: "busy" });
    const client = createClient({ credentials: { token: TOKEN }, projectId: PROJECT_ID, endpoints: cloud.endpoints });
    const controller = new AbortController();
    const started = performance.now();
    const pending = client.vpc
      .updateVpcPeering({ peering_id: "p", body: { peering: { name: "n" } } }, { signal: controller.signal })
      .catch((caught: unknown) => caught);
    await cloud.server.waitForRequest(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    controller.abort(new Error("user cancelled"));
    const error = await pending;
    expect(error).toMatchObject({ name: "AbortError" });
    expect(performance.now() - started).toBeLessThan(5_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(cloud.server.received).toHaveLength(1);
  });

  it("a per-call timeout turns a stalled answer into a TimeoutError", async () => {
    cloud.server.setFallback({ stall: true });
    const client = createClient({ credentials: { token: TOKEN }, projectId: PROJECT_ID, endpoints: cloud.endpoints, retry: { maxAttempts: 2, baseDelayMs: 1 } });
    const error = await client.vpc
      .updateVpcPeering({ peering_id: "p", body: { peering: { name: "n" } } }, { timeout: 100 })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: "TimeoutError", attempts: 2 });
    expect(cloud.server.received).toHaveLength(2);
  });
});
