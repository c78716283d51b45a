/** The retry budget: a token bucket alone, then as the retry loop spends it. */
import { describe, expect, it } from "vitest";
import { ConnectionError } from "../../src/errors.ts";
import type { HttpRequest, HttpResponse, Send } from "../../src/layers.ts";
import { createRetryBudget } from "../../src/retry/budget.ts";
import { withRetry } from "../../src/retry/loop.ts";
import { DEFAULT_RETRY, type RetryPolicy } from "../../src/retry/policy.ts";

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

describe("withRetry spending a budget", () => {
  /** A layer that answers (or fails with) `queue` in turn, then `always`; `count` is how many requests it got. */
  function layer(always: number | Error = 200, ...queue: Array<number | Error>) {
    const state = { always, queue, count: 0 };
    const send: Send = async () => {
      state.count++;
      const step = state.queue.length > 0 ? state.queue.shift()! : state.always;
      if (step instanceof Error) throw step;
      return { status: step, statusText: "", headers: {}, body: null } satisfies HttpResponse;
    };
    return { send, state };
  }

  const request = (): HttpRequest => ({ method: "PUT", url: new URL("http://127.0.0.1:9/v1/thing"), headers: {}, operation: "UpdateThing", maxResponseBytes: 1024 });
  const policy: RetryPolicy = { ...DEFAULT_RETRY, attemptTimeoutMs: 100, idempotent: true, random: () => 0, sleep: async () => {} };

  it("stops retrying under sustained failure: far fewer requests than calls × maxAttempts", async () => {
    const below = layer(503);
    const budget = createRetryBudget();
    const send = withRetry(below.send, budget);
    const statuses: number[] = [];
    for (let i = 0; i < 300; i++) statuses.push((await send(request(), policy)).response.status);
    expect(statuses.every((status) => status === 503)).toBe(true);
    // 500 tokens pay for 100 retries at 5 each; every call after that gets one attempt.
    expect(below.state.count).toBe(300 + 500 / 5);
    expect(budget.available()).toBe(0);
  });

  it("is refilled by successes, so retries resume once the service recovers", async () => {
    const below = layer(503);
    const budget = createRetryBudget({ capacity: 50 });
    const send = withRetry(below.send, budget);
    for (let i = 0; i < 10; i++) await send(request(), policy);
    expect(budget.available()).toBe(0);
    expect((await send(request(), policy)).attempts).toBe(1);

    below.state.always = 200;
    for (let i = 0; i < 12; i++) await send(request(), policy);
    expect(budget.available()).toBe(12);

    below.state.queue.push(503, new ConnectionError("reset"));
    const recovered = await send(request(), policy);
    expect(recovered).toMatchObject({ response: { status: 200 }, attempts: 3 });
    // Two retries cost 10; the successful last one gives its 5 back.
    expect(budget.available()).toBe(7);
  });

  it("charges a retry after a timeout double", async () => {
    const hangsOnce: Send = (() => {
      let first = true;
      return (sent: HttpRequest) => {
        if (!first) return Promise.resolve({ status: 503, statusText: "", headers: {}, body: null });
        first = false;
        return new Promise<HttpResponse>((_, reject) => sent.signal?.addEventListener("abort", () => reject(sent.signal?.reason), { once: true }));
      };
    })();
    const budget = createRetryBudget();
    const result = await withRetry(hangsOnce, budget)(request(), policy);
    expect(result).toMatchObject({ response: { status: 503 }, attempts: 3 });
    expect(budget.available()).toBe(500 - 10 - 5);
  });

  it("is not spent by a call whose failure is not retried", async () => {
    const budget = createRetryBudget();
    await withRetry(layer(404).send, budget)(request(), policy);
    await withRetry(layer(503).send, budget)(request(), { ...policy, idempotent: false });
    expect(budget.available()).toBe(500);
  });
});
