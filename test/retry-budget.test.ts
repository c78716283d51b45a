import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { HttpRequest } from "../src/http.ts";
import { createRetryBudget } from "../src/retry-budget.ts";
import { withRetry } from "../src/retry.ts";
import { fromFetch } from "../src/transport/fetch.ts";
import { startFaultServer, type FaultServer } from "./helpers/fault-server.ts";

describe("createRetryBudget", () => {
  it("starts full, with AWS standard-mode defaults: 500 tokens, 5 a retry, 10 a timeout retry", () => {
    const budget = createRetryBudget();
    expect(budget.available()).toBe(500);
    expect(budget.acquire(false)).toBe(true);
    expect(budget.available()).toBe(495);
    expect(budget.acquire(true)).toBe(true);
    expect(budget.available()).toBe(485);
  });

  it("refuses a retry it cannot pay for, and takes nothing then", () => {
    const budget = createRetryBudget({ capacity: 12 });
    expect(budget.acquire(true)).toBe(true);
    expect(budget.acquire(true)).toBe(false);
    expect(budget.available()).toBe(2);
    expect(budget.acquire(false)).toBe(false);
    expect(budget.available()).toBe(2);
  });

  it("gives back the cost of a retry that succeeded", () => {
    const budget = createRetryBudget();
    budget.acquire(true);
    budget.release(true);
    expect(budget.available()).toBe(500);
    budget.acquire(false);
    budget.release(false);
    expect(budget.available()).toBe(500);
  });

  it("refills by successRefill for a first-attempt success, never past capacity", () => {
    const budget = createRetryBudget({ capacity: 20, retryCost: 5, successRefill: 2 });
    budget.acquire(false);
    budget.recordSuccess();
    expect(budget.available()).toBe(17);
    budget.recordSuccess();
    budget.recordSuccess();
    expect(budget.available()).toBe(20);
    budget.release(false);
    expect(budget.available()).toBe(20);
  });

  it("keeps separate counts for separate clients", () => {
    const a = createRetryBudget({ capacity: 5 });
    const b = createRetryBudget({ capacity: 5 });
    expect(a.acquire(false)).toBe(true);
    expect(a.acquire(false)).toBe(false);
    expect(b.acquire(false)).toBe(true);
  });
});

describe("withRetry with a budget, against a loopback server", () => {
  let server: FaultServer;
  beforeEach(async () => {
    server = await startFaultServer();
  });
  afterEach(async () => {
    await server.close();
  });

  const request = (): HttpRequest => ({
    method: "PUT",
    url: new URL(`${server.url}/v1/thing`),
    headers: new Headers(),
    context: { attempts: 0, operation: "UpdateThing", idempotent: true },
  });

  it("stops retrying under sustained failure: far fewer requests than calls × maxAttempts", async () => {
    server.setFallback({ status: 503 });
    const budget = createRetryBudget();
    const send = withRetry(fromFetch(), { baseDelayMs: 1, budget });
    const calls = 300;
    const statuses: number[] = [];
    for (let i = 0; i < calls; i++) statuses.push((await send(request())).status);

    expect(statuses.every((status) => status === 503)).toBe(true);
    // 500 tokens pay for 100 retries at 5 each; every call after that gets one attempt.
    expect(server.requests).toHaveLength(calls + 500 / 5);
    expect(server.requests.length).toBeLessThan((calls * 3) / 2);
    expect(budget.available()).toBe(0);
  });

  it("is refilled by successes, so retries resume once the service recovers", async () => {
    const budget = createRetryBudget({ capacity: 50 });
    const send = withRetry(fromFetch(), { baseDelayMs: 1, budget });

    server.setFallback({ status: 503 });
    for (let i = 0; i < 10; i++) await send(request());
    expect(budget.available()).toBe(0);
    const drained = request();
    await send(drained);
    expect(drained.context.attempts).toBe(1);

    server.setFallback({ status: 200 });
    for (let i = 0; i < 12; i++) await send(request());
    expect(budget.available()).toBe(12);

    const before = server.requests.length;
    server.enqueue({ status: 503 }, { reset: true });
    const recovered = request();
    expect((await send(recovered)).status).toBe(200);
    expect(recovered.context.attempts).toBe(3);
    expect(server.requests.length - before).toBe(3);
    // Two retries cost 10; the successful last one gives its 5 back.
    expect(budget.available()).toBe(7);
  });

  it("charges a timeout retry double", async () => {
    const budget = createRetryBudget();
    const send = withRetry(fromFetch(), { baseDelayMs: 1, attemptTimeoutMs: 100, budget });
    server.enqueue({ stall: true }, { status: 503 }, { status: 503 });
    const call = request();
    expect((await send(call)).status).toBe(503);
    expect(call.context.attempts).toBe(3);
    expect(budget.available()).toBe(500 - 10 - 5);
  });
});
