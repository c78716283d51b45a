/**
 * Fault injection: rules (or a function) make the mock cloud answer errors,
 * drop connections or stall, so the client's retry behaviour can be watched
 * through the mock's request log.
 */
import { describe, expect, it } from "vitest";
import { ConnectionError, operations, type OperationId, type RetryOptions, ServerError, TimeoutError } from "../../src/index.ts";
import { type FaultRequest, type Faults, type MockCloud, startMockCloud } from "../../src/mock/index.ts";
import { call, clientFor, expectServiceError, operationIds, pathOf, rawPut, validBody, useMockCloud } from "./support.ts";

const start = useMockCloud();

/** Retries quickly, so tests wait for the mock rather than for backoff. */
const FAST_RETRY: Partial<RetryOptions> = { maxAttempts: 3, baseDelayMs: 1 };

function update(mock: MockCloud, id: OperationId, retry: Partial<RetryOptions> = FAST_RETRY, timeout?: number) {
  return call(clientFor(mock, { retry, ...(timeout ? { timeout } : {}) }), id, { ...mock.resources[id], body: validBody(id) });
}

function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected the call to fail");
    },
    (error: unknown) => error,
  );
}

/** Statuses of `count` raw requests to the peering, one after another; 0 for a dropped connection. */
async function statuses(mock: MockCloud, count: number): Promise<number[]> {
  const path = pathOf("UpdateVpcPeering", mock.resources.UpdateVpcPeering);
  const result: number[] = [];
  for (let i = 0; i < count; i++) result.push((await rawPut(mock, path, JSON.stringify(validBody("UpdateVpcPeering")))).status);
  return result;
}

describe("status faults", () => {
  it("503 twice, then served: the client's third attempt succeeds, as the log shows", async () => {
    const mock = await start({ faults: [{ status: 503, times: 2 }] });
    const answer = await update(mock, "UpdateVpcPeering");
    expect(answer.peering.name).toBe(validBody("UpdateVpcPeering").peering.name);
    expect(mock.requests.map((r) => [r.status, r.fault])).toEqual([
      [503, { status: 503 }],
      [503, { status: 503 }],
      [200, undefined],
    ]);
    // All three are attempts of one call: the retry layer sends one client request id.
    expect(new Set(mock.requests.map((r) => r.headers["x-client-request-id"])).size).toBe(1);
  });

  it("with fewer attempts than failures, the client gives up after exactly that many", async () => {
    const mock = await start({ faults: [{ status: 503, times: 2 }] });
    const error = await failure(update(mock, "UpdateVpcPeering", { maxAttempts: 2, baseDelayMs: 1 }));
    expect(error).toBeInstanceOf(ServerError);
    expect((error as ServerError).attempts).toBe(2);
    expect(mock.requests.map((r) => r.status)).toEqual([503, 503]);
  });

  it("a rule with no effect answers 503", async () => {
    const mock = await start({ faults: [{ times: 1 }] });
    expect(await statuses(mock, 2)).toEqual([503, 200]);
  });

  it.each(operationIds)("%s: an injected 503 and 500 come in the service's error shape", async (id) => {
    const mock = await start({ faults: [{ status: 503, times: 1 }, { status: 500, times: 1 }] });
    const bodies: unknown[] = [];
    for (let i = 0; i < 2; i++) {
      const error = await failure(update(mock, id, { maxAttempts: 1 }));
      expect(error).toBeInstanceOf(ServerError);
      bodies.push((error as ServerError).body);
    }
    expectServiceError(id, 503, bodies[0], "Injected fault: HTTP 503.");
    expectServiceError(id, 500, bodies[1], "Injected fault: HTTP 500.");
  });

  it("429 with Retry-After: the gateway's throttling body, and the client waits the second it is told", async () => {
    const mock = await start({ faults: [{ status: 429, retryAfter: 1, times: 1 }] });
    const first = await rawPut(mock, pathOf("UpdateVpcPeering", mock.resources.UpdateVpcPeering), "{}");
    expect(first.status).toBe(429);
    expect(first.headers.get("retry-after")).toBe("1");
    expect(await first.json()).toEqual({
      error_code: "APIGW.0308",
      error_msg: "The throttling threshold has been reached.",
      request_id: first.headers.get("x-request-id"),
    });

    mock.setFaults([{ status: 429, retryAfter: 1, times: 1 }]);
    mock.requests.length = 0;
    const delays: number[] = [];
    await update(mock, "UpdateVpcPeering", { ...FAST_RETRY, onRetry: (event) => delays.push(event.delayMs) });
    expect(delays).toEqual([1000]);
    expect(mock.requests.map((r) => r.status)).toEqual([429, 200]);
    expect(mock.requests[1]!.receivedAt - mock.requests[0]!.receivedAt).toBeGreaterThanOrEqual(950);
  });

  it("a 4xx Cinder's spec does not declare is wrapped in OpenStack's name for that status, not in the nearest one's", async () => {
    const mock = await start({ faults: [{ status: 409, times: 1 }, { status: 413, times: 1 }] });
    const path = pathOf("CinderUpdateSnapshot", mock.resources.CinderUpdateSnapshot);
    const bodies = [];
    for (let i = 0; i < 2; i++) bodies.push(await (await rawPut(mock, path, JSON.stringify(validBody("CinderUpdateSnapshot")))).json());
    // The nearest declared 4xx is 404, whose wrapper is itemNotFound.
    expect(bodies).toEqual([
      { conflictingRequest: { code: 409, message: "Injected fault: HTTP 409." } },
      { overLimit: { code: 413, message: "Injected fault: HTTP 413." } },
    ]);
  });

  it("502 and 504 are the gateway's: backend unavailable, backend timeout", async () => {
    const mock = await start({ faults: [{ status: 502, times: 1 }, { status: 504, times: 1 }] });
    const path = pathOf("CinderUpdateSnapshot", mock.resources.CinderUpdateSnapshot);
    const codes = [];
    for (let i = 0; i < 2; i++) codes.push((await (await rawPut(mock, path, "{}")).json()).error_code);
    expect(codes).toEqual(["APIGW.0202", "APIGW.0203"]);
  });

  it("a rule for one operation leaves the others alone", async () => {
    const mock = await start({ faults: [{ operation: "CinderUpdateSnapshot", status: 500 }] });
    await update(mock, "UpdateVpcPeering", { maxAttempts: 1 });
    await failure(update(mock, "CinderUpdateSnapshot", { maxAttempts: 1 }));
    await update(mock, "UpdateDataSource", { maxAttempts: 1 });
    expect(mock.requests.map((r) => [r.operation, r.status])).toEqual([
      ["UpdateVpcPeering", 200],
      ["CinderUpdateSnapshot", 500],
      ["UpdateDataSource", 200],
    ]);
  });

  it("faults come after authentication: an unauthenticated request is refused, not failed", async () => {
    const mock = await start({ faults: [{ status: 503 }] });
    const response = await rawPut(mock, pathOf("UpdateVpcPeering", mock.resources.UpdateVpcPeering), "{}", { "X-Auth-Token": "wrong" });
    expect(response.status).toBe(401);
  });
});

describe("connection faults", () => {
  it("a reset: the client sees a dropped connection, retries, and succeeds", async () => {
    const mock = await start({ faults: [{ reset: true, times: 1 }] });
    await update(mock, "UpdateEndpointRoutetable");
    expect(mock.requests.map((r) => [r.status, r.fault])).toEqual([
      [undefined, { reset: true }],
      [200, undefined],
    ]);
  });

  it("a reset without retries is a ConnectionError", async () => {
    const mock = await start({ faults: [{ reset: true }] });
    const error = await failure(update(mock, "UpdateDataSource", { maxAttempts: 1 }));
    expect(error).toBeInstanceOf(ConnectionError);
  });

  it("a delay alone slows the answer but serves it", async () => {
    const mock = await start({ faults: [{ delayMs: 200 }] });
    const started = performance.now();
    await update(mock, "UpdateVpcPeering");
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    expect(mock.requests.map((r) => r.status)).toEqual([200]);
  });

  it("a delay longer than the client's timeout is a TimeoutError; the stalled request never answers", async () => {
    const mock = await start({ faults: [{ delayMs: 2_000, times: 1 }] });
    const error = await failure(update(mock, "UpdateVpcPeering", { maxAttempts: 1 }, 100));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(mock.requests[0]).toMatchObject({ fault: { delayMs: 2_000 } });
    expect(mock.requests[0]!.status).toBeUndefined();
  });

  it("a delay then a status: the status arrives late", async () => {
    const mock = await start({ faults: [{ delayMs: 150, status: 503, times: 1 }] });
    const started = performance.now();
    expect(await statuses(mock, 1)).toEqual([503]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });
});

describe("random faults", () => {
  const RATE: Faults = [{ rate: 0.3, status: 503 }];

  it("hit about the given share of requests, in the same places for the same seed", async () => {
    const first = await statuses(await start({ faults: RATE, seed: 42 }), 200);
    const second = await statuses(await start({ faults: RATE, seed: 42 }), 200);
    expect(second).toEqual(first);
    const share = first.filter((status) => status === 503).length / first.length;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.4);
  });

  it("hit other requests under another seed, and a rule's own seed overrides the mock's", async () => {
    const bySeed = await statuses(await start({ faults: RATE, seed: 42 }), 100);
    const otherSeed = await statuses(await start({ faults: RATE, seed: 43 }), 100);
    const ruleSeed = await statuses(await start({ faults: [{ rate: 0.3, status: 503, seed: 7 }], seed: 42 }), 100);
    const ruleSeedAgain = await statuses(await start({ faults: [{ rate: 0.3, status: 503, seed: 7 }], seed: 99 }), 100);
    expect(otherSeed).not.toEqual(bySeed);
    expect(ruleSeedAgain).toEqual(ruleSeed);
  });

  it("with retries, a client gets through a 30% failure rate", async () => {
    const mock = await start({ faults: RATE, seed: 3 });
    for (let i = 0; i < 20; i++) await update(mock, "UpdateVpcPeering", { maxAttempts: 6, baseDelayMs: 1 });
    const failed = mock.requests.filter((r) => r.status === 503).length;
    expect(failed).toBeGreaterThan(0);
    expect(mock.requests.filter((r) => r.status === 200)).toHaveLength(20);
  });
});

describe("fault functions and control", () => {
  it("a function sees each request's operation and index and picks its fault", async () => {
    const seen: FaultRequest[] = [];
    const mock = await start({
      faults: (request) => {
        seen.push(request);
        return request.index % 2 === 0 ? { status: 500 } : undefined;
      },
    });
    expect(await statuses(mock, 4)).toEqual([500, 200, 500, 200]);
    expect(seen.map((r) => [r.operation, r.method, r.index])).toEqual([0, 1, 2, 3].map((i) => ["UpdateVpcPeering", "PUT", i]));
    expect(seen[0]!.path).toBe(pathOf("UpdateVpcPeering", mock.resources.UpdateVpcPeering));
  });

  it("setFaults replaces the rules and restarts their counters; setFaults() removes them", async () => {
    const mock = await start({ faults: [{ status: 503, times: 1 }] });
    expect(await statuses(mock, 2)).toEqual([503, 200]);
    mock.setFaults([{ status: 500, times: 2 }]);
    expect(await statuses(mock, 3)).toEqual([500, 500, 200]);
    mock.setFaults([{ status: 503, times: 1 }]);
    expect(await statuses(mock, 2)).toEqual([503, 200]);
    mock.setFaults([{ status: 503 }]);
    mock.setFaults();
    expect(await statuses(mock, 2)).toEqual([200, 200]);
  });

  it("spent rules give way to the next matching one", async () => {
    const mock = await start({ faults: [{ status: 500, times: 1 }, { status: 503, times: 1 }] });
    expect(await statuses(mock, 3)).toEqual([500, 503, 200]);
  });
});
