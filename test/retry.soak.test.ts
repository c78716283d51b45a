import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConnectionError } from "../src/errors.ts";
import type { HttpRequest, Send } from "../src/http.ts";
import { createRetryBudget } from "../src/retry-budget.ts";
import { REQUEST_ID_HEADER, defaultRetryOptions, withRetry } from "../src/retry.ts";
import { fromFetch } from "../src/transport/fetch.ts";
import { okReply, startFaultServer, type FaultServer, type Reply } from "./helpers/fault-server.ts";
import { mulberry32 } from "../src/mock/faults.ts";

/**
 * Bounded soak on loopback: 1,000 calls, 30% of answers faulted at random
 * with a seeded generator, run 20 at a time through the default policy
 * (only the base delay shortened so the run takes seconds, not minutes).
 */
const CALLS = 1000;
const CONCURRENCY = 20;
const FAULT_RATE = 0.3;

const faults: Reply[] = [
  { status: 503 },
  { status: 500 },
  { status: 429, headers: { "retry-after": "0" } },
  { reset: true },
];

interface Figures {
  calls: number;
  succeeded: number;
  requests: number;
  ratio: number;
  p50Ms: number;
  p99Ms: number;
  wallMs: number;
}

async function soak(server: FaultServer, send: Send): Promise<{ figures: Figures; failures: unknown[] }> {
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
        url: new URL(`${server.url}/v2/peerings/${index}`),
        headers: new Headers({ "content-type": "application/json" }),
        body: new TextEncoder().encode(JSON.stringify({ peering: { name: `p-${index}` } })),
        context: { attempts: 0, operation: "UpdateVpcPeering", idempotent: true },
      };
      const t0 = performance.now();
      try {
        const response = await send(request);
        await response.arrayBuffer();
        if (response.ok) succeeded++;
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
  const requests = server.requests.length;
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

describe("retry soak (loopback, 1,000 calls, 30% faults)", () => {
  let server: FaultServer;
  beforeAll(async () => {
    server = await startFaultServer();
  });
  afterAll(async () => {
    await server.close();
  });

  const client = () => withRetry(fromFetch(), { ...defaultRetryOptions, baseDelayMs: 2, budget: createRetryBudget() });

  it("transient faults (each clears before a call's attempts run out): every call succeeds at ≤ 1.5 requests a call", async () => {
    server.requests.length = 0;
    const random = mulberry32(20240611);
    const faultsByCall = new Map<string, number>();
    let faulted = 0;
    server.setFallback((request) => {
      const id = request.headers[REQUEST_ID_HEADER.toLowerCase()]!;
      const seen = faultsByCall.get(id) ?? 0;
      // A fault that outlasted every attempt would not be transient: the last allowed attempt is answered.
      if (seen >= defaultRetryOptions.maxAttempts - 1 || random() >= FAULT_RATE) return okReply;
      faultsByCall.set(id, seen + 1);
      faulted++;
      return faults[Math.floor(random() * faults.length)]!;
    });

    const { figures, failures } = await soak(server, client());
    console.log("soak, transient faults:", JSON.stringify({ ...figures, faulted }));

    expect(failures).toEqual([]);
    expect(figures.succeeded).toBe(CALLS);
    expect(figures.requests).toBe(CALLS + faulted);
    expect(faulted / figures.requests).toBeGreaterThan(0.25);
    expect(figures.ratio).toBeLessThanOrEqual(1.5);
  });

  it("independent faults: only calls whose 3 attempts all failed fail, each with a typed result", async () => {
    server.requests.length = 0;
    const random = mulberry32(7);
    let faulted = 0;
    server.setFallback(() => {
      if (random() >= FAULT_RATE) return okReply;
      faulted++;
      return faults[Math.floor(random() * faults.length)]!;
    });

    const { figures, failures } = await soak(server, client());
    console.log("soak, independent faults:", JSON.stringify({ ...figures, faulted, failed: failures.length }));

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
