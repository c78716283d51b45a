/**
 * createCall: the one request path of named and raw calls. It builds the
 * request, sends it once through the retrying layers with the call's policy,
 * and reads the final answer; nothing is sent for input it refuses.
 */
import { describe, expect, it } from "vitest";
import { withAuth } from "../src/auth/layer.ts";
import { createCall } from "../src/call.ts";
import { ConnectionError, NotFoundError, ValidationError } from "../src/errors.ts";
import type { HttpRequest, HttpResponse } from "../src/layers.ts";
import { verifySignature } from "../src/mock/verify.ts";
import { resolveClientOptions } from "../src/options.ts";
import { splitArgs } from "../src/request.ts";
import { type RetryingSend, withRetry } from "../src/retry/loop.ts";
import type { RetryPolicy } from "../src/retry/policy.ts";
import { createNodeSend } from "../src/transport/node.ts";
import { useLoopbackCloud } from "./helpers/use-loopback.ts";
import { readyOperations as operations, testOperations } from "./helpers/operations.ts";

const config = resolveClientOptions(
  { credentials: { token: "t" }, endpoints: { vpc: "http://127.0.0.1:9" }, projectId: "proj", timeout: 5_000 },
  { "user-agent": "ua" },
);

/** A retrying layer that records what it is asked to send and answers as told. */
function stubSend(reply: (request: HttpRequest) => HttpResponse | Error, attempts = 1) {
  const sent: Array<{ request: HttpRequest; policy: RetryPolicy }> = [];
  const send: RetryingSend = async (request, policy) => {
    sent.push({ request, policy });
    const outcome = reply(request);
    if (outcome instanceof Error) throw outcome;
    return { response: outcome, attempts };
  };
  return { send, sent };
}

const ok = (body: string): HttpResponse => ({ status: 200, statusText: "OK", headers: { "content-type": "application/json" }, body: new TextEncoder().encode(body) });
const peeringArgs = { peering_id: "p", body: { peering: { name: "n" } } };

describe("createCall", () => {
  it("sends the built request once and gives the answer's data with the response", async () => {
    const { send, sent } = stubSend(() => ok('{"peering":{"id":"p"}}'));
    const call = createCall(config, send);
    const result = await call(operations.UpdateVpcPeering, splitArgs(operations.UpdateVpcPeering, peeringArgs), undefined);

    expect(result.data).toEqual({ peering: { id: "p" } });
    expect(result.error).toBeUndefined();
    expect(result.response.status).toBe(200);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.request).toMatchObject({ method: "PUT", operation: "UpdateVpcPeering" });
    expect(sent[0]!.request.url.href).toBe("http://127.0.0.1:9/v2.0/vpc/peerings/p");
    expect(new TextDecoder().decode(sent[0]!.request.body)).toBe('{"peering":{"name":"n"}}');
  });

  it("sends with the call's policy: the operation's idempotency and the call's overrides", async () => {
    const { send, sent } = stubSend(() => ok("{}"));
    const call = createCall(config, send);
    await call(operations.UpdateVpcPeering, splitArgs(operations.UpdateVpcPeering, peeringArgs), undefined);
    await call(operations.UpdateDataSource, splitArgs(operations.UpdateDataSource, { cluster_id: "c", ext_data_source_id: "d", body: { reconfigure: {} } }), {
      timeout: 50,
      retry: { maxAttempts: 1 },
    });

    expect(sent[0]!.policy).toMatchObject({ idempotent: true, attemptTimeoutMs: 5_000, maxAttempts: 3 });
    expect(sent[1]!.policy).toMatchObject({ idempotent: false, attemptTimeoutMs: 50, maxAttempts: 1 });
  });

  it("returns a non-2xx answer as its typed error, with the attempts the layers made", async () => {
    const { send } = stubSend(() => ({ status: 404, statusText: "Not Found", headers: { "x-request-id": "r-1" }, body: null }), 3);
    const result = await createCall(config, send)(operations.UpdateVpcPeering, splitArgs(operations.UpdateVpcPeering, peeringArgs), undefined);

    expect(result.data).toBeUndefined();
    expect(result.error).toBeInstanceOf(NotFoundError);
    expect(result.error).toMatchObject({ status: 404, requestId: "r-1", attempts: 3, operation: "UpdateVpcPeering" });
    expect(result.response.status).toBe(404);
  });

  it("reads an answer declared without content as undefined", async () => {
    const { send } = stubSend(() => ({ status: 204, statusText: "No Content", headers: {}, body: null }));
    const { DeleteServer } = testOperations;
    const result = await createCall(config, send)(DeleteServer, splitArgs(DeleteServer, { server_id: "s" }), undefined);
    expect(result).toMatchObject({ data: undefined, response: { status: 204 } });
    expect(result.error).toBeUndefined();
  });

  it("refuses invalid input before sending anything", async () => {
    const { send, sent } = stubSend(() => ok("{}"));
    const pending = createCall(config, send)(operations.UpdateVpcPeering, splitArgs(operations.UpdateVpcPeering, { peering_id: "p", body: { peering: {} } }), undefined);
    await expect(pending).rejects.toBeInstanceOf(ValidationError);
    expect(sent).toHaveLength(0);
  });

  it("lets a failure without an answer through as thrown by the layers", async () => {
    const failure = new ConnectionError("refused", { requestSent: false });
    const { send } = stubSend(() => failure);
    const pending = createCall(config, send)(operations.UpdateVpcPeering, splitArgs(operations.UpdateVpcPeering, peeringArgs), undefined);
    await expect(pending).rejects.toBe(failure);
  });

  it("passes the caller's signal and per-call headers down to the layers", async () => {
    const { send, sent } = stubSend(() => ok("{}"));
    const signal = new AbortController().signal;
    await createCall(config, send)(operations.UpdateVpcPeering, splitArgs(operations.UpdateVpcPeering, peeringArgs), { signal, headers: { "X-Trace": "t-1" } });
    expect(sent[0]!.request.signal).toBe(signal);
    expect(sent[0]!.request.headers).toMatchObject({ "x-trace": "t-1", "user-agent": "ua", "content-type": "application/json" });
  });
});

describe("createCall over the client's real layers", () => {
  const cloud = useLoopbackCloud();
  const AK = "HPUAEXAMPLEAK";
  const SK = "example-secret";

  it.each([
    ["a GET with a query of reserved and non-ASCII characters", testOperations.ListServers, { limit: 10, name: "a b*c~d!é", status: "ACTIVE", tags: ["x", "y z"], "X-Client-Token": "c-1" }, "GET", "/v1/proj/servers?limit=10&name=a%20b*c~d!%C3%A9&status=ACTIVE&tags=x&tags=y%20z"],
    ["a POST with a body", testOperations.CreateServer, { body: { server: { name: "é" } } }, "POST", "/v1/proj/servers"],
    ["a DELETE without a body", testOperations.DeleteServer, { server_id: "s 1" }, "DELETE", "/v1/proj/servers/s%201"],
  ])("%s reaches a loopback server as built, signed so the server verifies it", async (_, operation, args, method, target) => {
    const config = resolveClientOptions({ credentials: { ak: AK, sk: SK }, endpoints: cloud.endpoints, projectId: "proj" }, { "user-agent": "ua" });
    const call = createCall(config, withRetry(withAuth(createNodeSend(), config)));
    cloud.server.setFallback({ status: 200, headers: { "content-type": "application/json" }, body: "{}" });

    await call(operation, splitArgs(operation, args), undefined);

    const [received] = cloud.server.received;
    expect(received).toMatchObject({ method, url: target });
    const verdict = await verifySignature(received!, (ak) => (ak === AK ? SK : undefined), new Date());
    expect(verdict).toEqual({ ok: true, ak: AK });
  });
});
