import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { abortableSleep } from "../../src/abort.ts";
import { ConnectionError } from "../../src/errors.ts";
import type { HttpRequest, Send } from "../../src/layers.ts";
import { mulberry32 } from "../../src/mock/faults.ts";
import { createRetryBudget } from "../../src/retry/budget.ts";
import { REQUEST_ID_HEADER, withRetry } from "../../src/retry/loop.ts";
import { DEFAULT_RETRY, DEFAULT_TIMEOUT_MS, type RetryPolicy } from "../../src/retry/policy.ts";
import { fromFetch } from "../../src/transport/fetch.ts";
import { createNodeSend } from "../../src/transport/node.ts";
import { okReply, type Reply, type ScriptedServer, startScriptedServer } from "../helpers/loopback-server.ts";

/**
 * Bounded soak on loopback: 1,000 calls, 30% of answers faulted at random
 * with a seeded generator, run 20 at a time through the default policy
 * (only the base delay shortened so the run takes seconds, not minutes),
 * over each transport.
 */
const CALLS = 1000;
const CONCURRENCY = 20;
const FAULT_RATE = 0.3;

const faults: Reply[] = [{ status: 503 }, { status: 500 }, { status: 429, headers: { "retry-after": "0" } }, { reset: true }];

const policy: RetryPolicy = {
  ...DEFAULT_RETRY,
  baseDelayMs: 2,
  attemptTimeoutMs: DEFAULT_TIMEOUT_MS,
  idempotent: true,
  random: Math.random,
  sleep: abortableSleep,
};

interface Figures {
  calls: number;
  succeeded: number;
  requests: number;
  ratio: number;
  p50Ms: number;
  p99Ms: number;
  wallMs: number;
}

async function soak(server: ScriptedServer, transport: Send): Promise<{ figures: Figures; failures: unknown[] }> {
  const send = withRetry(transport, createRetryBudget());
  const durations: number[] = [];
  const failures: unknown[] = [];
  let succeeded = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < CALLS) {
      const index = next++;
      const request: HttpRequest = {
        method: "PUT",
        url: new URL(`${server.origin}/v2.0/vpc/peerings/${index}`),
        headers: { "content-type": "application/json" },
        body: new TextEncoder().encode(JSON.stringify({ peering: { name: `p-${index}` } })),
        operation: "UpdateVpcPeering",
        maxResponseBytes: 1024 * 1024,
      };
      const t0 = performance.now();
      try {
        const { response } = await send(request, policy);
        if (response.status === 200) succeeded++;
        else failures.push(response.status);
      } catch (error) {
        failures.push(error);
      }
      durations.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const wallMs = performance.now() - started;
  durations.sort((a, b) => a - b);
  const requests = server.received.length;
  return {
    failures,
    figures: {
      calls: CALLS,
      succeeded,
      requests,
      ratio: requests / CALLS,
      p50Ms: round(durations[Math.floor(CALLS * 0.5)]!),
      p99Ms: round(durations[Math.floor(CALLS * 0.99)]!),
      wallMs: round(wallMs),
    },
  };
}

const round = (ms: number) => Math.round(ms * 100) / 100;

describe.each([
  ["Node", () => createNodeSend()],
  ["fetch", () => fromFetch(globalThis.fetch)],
])("retry soak over the %s transport (loopback, 1,000 calls, 30% faults)", (name, createSend) => {
  let server: ScriptedServer;
  beforeAll(async () => {
    server = await startScriptedServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it("transient faults (each clears before a call's attempts run out): every call succeeds at ≤ 1.5 requests a call", async () => {
    server.received.length = 0;
    const random = mulberry32(20240611);
    const faultsByCall = new Map<string, number>();
    let faulted = 0;
    server.setFallback((request) => {
      const id = request.headers[REQUEST_ID_HEADER]!;
      const seen = faultsByCall.get(id) ?? 0;
      // A fault that outlasted every attempt would not be transient: the last allowed attempt is answered.
      if (seen >= DEFAULT_RETRY.maxAttempts - 1 || random() >= FAULT_RATE) return okReply;
      faultsByCall.set(id, seen + 1);
      faulted++;
      return faults[Math.floor(random() * faults.length)]!;
    });

    const { figures, failures } = await soak(server, createSend());
    console.log(`soak over ${name}, transient faults:`, JSON.stringify({ ...figures, faulted }));

    expect(failures).toEqual([]);
    expect(figures.succeeded).toBe(CALLS);
    expect(figures.requests).toBe(CALLS + faulted);
    expect(faulted / figures.requests).toBeGreaterThan(0.25);
    expect(figures.ratio).toBeLessThanOrEqual(1.5);
  });

  it("independent faults: only calls whose 3 attempts all failed fail, each with a typed result", async () => {
    server.received.length = 0;
    const random = mulberry32(7);
    let faulted = 0;
    server.setFallback(() => {
      if (random() >= FAULT_RATE) return okReply;
      faulted++;
      return faults[Math.floor(random() * faults.length)]!;
    });

    const { figures, failures } = await soak(server, createSend());
    console.log(`soak over ${name}, independent faults:`, JSON.stringify({ ...figures, faulted, failed: failures.length }));

    // 0.3³ = 2.7% of calls are expected to exhaust their attempts.
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.length).toBeLessThan(CALLS * 0.06);
    for (const failure of failures) {
      if (typeof failure === "number") expect([429, 500, 503]).toContain(failure);
      else {
        expect(failure).toBeInstanceOf(ConnectionError);
        expect((failure as ConnectionError).attempts).toBe(3);
      }
    }
    expect(figures.succeeded + failures.length).toBe(CALLS);
    expect(figures.ratio).toBeLessThanOrEqual(1.5);
  });
});
