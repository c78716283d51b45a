import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  AbortError,
  ConnectionError,
  HuaweiCloudError,
  RateLimitError,
  ServerError,
  TimeoutError,
  ValidationError,
  errorFromResponse,
} from "../src/errors.ts";
import type { CallContext, HttpRequest, Send } from "../src/http.ts";
import {
  REQUEST_ID_HEADER,
  backoffDelay,
  defaultRetryOptions,
  isNetworkError,
  parseRetryAfter,
  shouldRetry,
  withRetry,
  type AttemptEvent,
  type RetryEvent,
  type WithRetryOptions,
} from "../src/retry.ts";
import { fromFetch } from "../src/transport/fetch.ts";
import { startFaultServer, type FaultServer, type Reply } from "./helpers/fault-server.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("backoffDelay", () => {
  const policy = { baseDelayMs: 500, maxDelayMs: 20_000 };

  it("stays within [0, base * 2^(retry-1)) for every retry", () => {
    for (let retry = 1; retry <= 6; retry++) {
      const ceiling = Math.min(policy.maxDelayMs, 500 * 2 ** (retry - 1));
      for (const r of [0, 0.1, 0.5, 0.9, 0.999999]) {
        const delay = backoffDelay(retry, policy, () => r);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThan(ceiling);
      }
    }
  });

  it("applies full jitter: the delay is the random fraction of the ceiling", () => {
    expect(backoffDelay(1, policy, () => 0)).toBe(0);
    expect(backoffDelay(1, policy, () => 0.5)).toBe(250);
    expect(backoffDelay(2, policy, () => 0.5)).toBe(500);
    expect(backoffDelay(3, policy, () => 0.25)).toBe(500);
  });

  it("never exceeds maxDelayMs, however many retries", () => {
    for (const retry of [7, 10, 50, 2000]) {
      const delay = backoffDelay(retry, policy, () => 0.999999);
      expect(delay).toBeLessThan(20_000);
      expect(delay).toBeGreaterThan(19_000);
    }
  });

  it("uses Math.random when no source is given", () => {
    const delays = new Set(Array.from({ length: 20 }, () => backoffDelay(5, policy)));
    expect(delays.size).toBeGreaterThan(1);
    for (const delay of delays) expect(delay).toBeLessThan(8000);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("Wed, 21 Oct 2015 07:28:00 GMT");

  it("reads delta-seconds", () => {
    expect(parseRetryAfter("1", now)).toBe(1000);
    expect(parseRetryAfter("0", now)).toBe(0);
    expect(parseRetryAfter(" 120 ", now)).toBe(120_000);
    expect(parseRetryAfter("1.5", now)).toBe(1500);
  });

  it("reads the three HTTP date forms, relative to now", () => {
    expect(parseRetryAfter("Wed, 21 Oct 2015 07:28:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Wednesday, 21-Oct-15 07:28:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Wed Oct 21 07:28:30 2015", now)).toBe(30_000);
  });

  it("takes a date in the past as no wait", () => {
    expect(parseRetryAfter("Wed, 21 Oct 2015 07:00:00 GMT", now)).toBe(0);
  });

  it("is undefined when absent or unreadable", () => {
    for (const header of [null, undefined, "", "  ", "soon", "-1", "1e3", "12abc", "Someday, 99 Foo 2015"]) {
      expect(parseRetryAfter(header, now), String(header)).toBeUndefined();
    }
  });
});

describe("shouldRetry", () => {
  const policy = { retryOnStatus: defaultRetryOptions.retryOnStatus, retryNonIdempotent: false };
  const idempotent = { idempotent: true };

  it.each([408, 429, 500, 502, 503, 504])("retries status %i of an idempotent call", (status) => {
    expect(shouldRetry({ status }, policy, idempotent)).toBe(true);
  });

  it.each([200, 201, 204, 301, 400, 401, 403, 404, 405, 409, 412, 422, 501, 505])("never retries status %i", (status) => {
    expect(shouldRetry({ status }, policy, idempotent)).toBe(false);
  });

  const networkErrors: [string, unknown][] = [
    ["ConnectionError", new ConnectionError("refused")],
    ["attempt TimeoutError", new TimeoutError("slow")],
    ["raw ECONNRESET", Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" })],
    ["fetch failed caused by ECONNREFUSED", new TypeError("fetch failed", { cause: Object.assign(new Error("x"), { code: "ECONNREFUSED" }) })],
    ["DNS failure", new TypeError("fetch failed", { cause: Object.assign(new Error("getaddrinfo"), { code: "ENOTFOUND" }) })],
    ["socket hang up", new Error("socket hang up")],
    ["undici socket error", new TypeError("fetch failed", { cause: Object.assign(new Error("other side closed"), { code: "UND_ERR_SOCKET" }) })],
  ];
  it.each(networkErrors)("retries a network failure: %s", (_, error) => {
    expect(isNetworkError(error)).toBe(true);
    expect(shouldRetry({ error }, policy, idempotent)).toBe(true);
  });

  const otherErrors: [string, unknown][] = [
    ["AbortError", new AbortError("stop", { cause: new ConnectionError("inner") })],
    ["ValidationError", new ValidationError("Op", [{ field: "body.x", rule: "maximum", message: "too big" }])],
    ["TypeError from a layer", new TypeError("cannot read properties of undefined")],
    ["a string", "boom"],
    ["undefined", undefined],
  ];
  it.each(otherErrors)("never retries anything else: %s", (_, error) => {
    expect(shouldRetry({ error }, policy, idempotent)).toBe(false);
  });

  it("never retries a call not known to be idempotent", () => {
    for (const context of [{}, { idempotent: false }]) {
      expect(shouldRetry({ status: 503 }, policy, context)).toBe(false);
      expect(shouldRetry({ error: new ConnectionError("reset") }, policy, context)).toBe(false);
    }
  });

  it("retries a non-idempotent call only when the caller waives the rule", () => {
    const waived = { ...policy, retryNonIdempotent: true };
    expect(shouldRetry({ status: 503 }, waived, {})).toBe(true);
    expect(shouldRetry({ status: 404 }, waived, {})).toBe(false);
  });

  it("follows a custom status list", () => {
    const custom = { ...policy, retryOnStatus: [418] };
    expect(shouldRetry({ status: 418 }, custom, idempotent)).toBe(true);
    expect(shouldRetry({ status: 503 }, custom, idempotent)).toBe(false);
  });
});

function makeRequest(url: string | URL, init: Partial<Omit<HttpRequest, "context">> & { context?: Partial<CallContext> } = {}): HttpRequest {
  return {
    method: init.method ?? "PUT",
    url: new URL(url),
    headers: init.headers ?? new Headers({ "content-type": "application/json" }),
    body: init.body,
    signal: init.signal,
    context: { attempts: 0, operation: "UpdateThing", idempotent: true, ...init.context },
  };
}

describe("withRetry timing (fake timers, stub transport)", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function scripted(...answers: (() => Promise<Response>)[]): { send: Send; seen: HttpRequest[] } {
    const seen: HttpRequest[] = [];
    return {
      seen,
      send: (request) => {
        seen.push(request);
        return (answers[seen.length - 1] ?? (() => Promise.resolve(new Response("ok"))))();
      },
    };
  }
  const status = (code: number, headers: Record<string, string> = {}) => () => Promise.resolve(new Response("x", { status: code, headers }));
  it("waits exactly the Retry-After delay before the next attempt", async () => {
    const { send, seen } = scripted(status(503, { "retry-after": "1" }));
    const result = withRetry(send)(makeRequest("http://127.0.0.1:9/x"));
    await vi.advanceTimersByTimeAsync(999);
    expect(seen).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(seen).toHaveLength(2);
    expect((await result).status).toBe(200);
  });

  it("waits the jittered exponential backoff: 50 ms, then 100 ms, with random 0.5 and base 100", async () => {
    const { send, seen } = scripted(status(500), status(500));
    const result = withRetry(send, { baseDelayMs: 100, random: () => 0.5 })(makeRequest("http://127.0.0.1:9/x"));
    await vi.advanceTimersByTimeAsync(49);
    expect(seen).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(seen).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(99);
    expect(seen).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(seen).toHaveLength(3);
    expect((await result).status).toBe(200);
  });

  it("gives each attempt the default 30 s before aborting it with a TimeoutError", async () => {
    const seen: HttpRequest[] = [];
    const hanging: Send = (request) => {
      seen.push(request);
      return new Promise((_, reject) => {
        request.signal!.addEventListener("abort", () => reject(request.signal!.reason), { once: true });
      });
    };
    const request = makeRequest("http://127.0.0.1:9/x");
    const outcome = withRetry(hanging, { random: () => 0.5 })(request).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(29_999);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.signal!.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(seen[0]!.signal!.reason).toBeInstanceOf(TimeoutError);
    // then the first backoff: 0.5 of 500 ms
    await vi.advanceTimersByTimeAsync(249);
    expect(seen).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(seen).toHaveLength(2);
    // attempt 2 times out at 60.25 s, the second backoff is 500 ms, attempt 3 times out at 90.75 s
    await vi.advanceTimersByTimeAsync(60_500);
    expect(await outcome).toBeInstanceOf(TimeoutError);
    expect(request.context.attempts).toBe(3);
  });
});

describe("withRetry against a loopback server", () => {
  let server: FaultServer;
  const transport = fromFetch();
  /** Quick waits so the suite stays fast; the policy is otherwise the default one. */
  const fast: WithRetryOptions = { baseDelayMs: 5, maxDelayMs: 1000, attemptTimeoutMs: 2000 };

  beforeEach(async () => {
    server = await startFaultServer();
  });
  afterEach(async () => {
    await server.close();
  });

  const url = () => `${server.url}/v1/thing`;

  function recordingSleep(): { delays: number[]; sleep: (ms: number) => Promise<void> } {
    const delays: number[] = [];
    return { delays, sleep: async (ms) => void delays.push(ms) };
  }

  const statusFaults: [string, Reply][] = [
    ["500", { status: 500, body: '{"error_code":"VPC.9999","error_msg":"internal"}' }],
    ["502", { status: 502 }],
    ["503", { status: 503 }],
    ["504", { status: 504 }],
    ["429 with Retry-After: 1", { status: 429, headers: { "retry-after": "1" } }],
  ];

  describe.each(statusFaults)("fault %s", (_, fault) => {
    it("is retried until it clears: 2 faults, then success on the 3rd and last attempt", async () => {
      server.enqueue(fault, fault);
      const request = makeRequest(url());
      const response = await withRetry(transport, { ...fast, sleep: recordingSleep().sleep })(request);
      expect(response.status).toBe(200);
      expect(server.requests).toHaveLength(3);
      expect(request.context.attempts).toBe(3);
    });

    it("is returned as the response once all 3 attempts failed, and becomes a typed error with attempts 3", async () => {
      server.setFallback(fault);
      const request = makeRequest(url());
      const response = await withRetry(transport, { ...fast, sleep: recordingSleep().sleep })(request);
      expect(response.status).toBe("status" in fault ? fault.status : 0);
      expect(server.requests).toHaveLength(3);
      const error = await errorFromResponse(response, { operation: request.context.operation, attempts: request.context.attempts });
      expect(error).toBeInstanceOf(response.status === 429 ? RateLimitError : ServerError);
      expect(error.attempts).toBe(3);
    });
  });

  it("waits the Retry-After seconds before each retry", async () => {
    const { delays, sleep } = recordingSleep();
    server.enqueue({ status: 429, headers: { "retry-after": "1" } }, { status: 503, headers: { "retry-after": "2" } });
    const response = await withRetry(transport, { sleep })(makeRequest(url()));
    expect(response.status).toBe(200);
    expect(delays).toEqual([1000, 2000]);
  });

  it("honours a Retry-After HTTP date: retried until it clears, waiting until that date", async () => {
    const { delays, sleep } = recordingSleep();
    const fault = (): Reply => ({ status: 429, headers: { "retry-after": new Date(Date.now() + 3000).toUTCString() } });
    server.enqueue(fault(), fault());
    const request = makeRequest(url());
    const response = await withRetry(transport, { ...fast, maxDelayMs: 20_000, sleep })(request);
    expect(response.status).toBe(200);
    expect(server.requests).toHaveLength(3);
    expect(delays).toHaveLength(2);
    // HTTP dates have whole seconds, so the wait is between 2 and 3 s.
    for (const delay of delays) {
      expect(delay).toBeGreaterThan(1900);
      expect(delay).toBeLessThanOrEqual(3000);
    }
  });

  it("returns a 429 whose HTTP-date Retry-After persists after the last attempt", async () => {
    server.setFallback(() => ({ status: 429, headers: { "retry-after": new Date(Date.now() + 2000).toUTCString() } }));
    const request = makeRequest(url());
    const response = await withRetry(transport, { ...fast, maxDelayMs: 20_000, sleep: recordingSleep().sleep })(request);
    expect(response.status).toBe(429);
    expect(server.requests).toHaveLength(3);
    expect(request.context.attempts).toBe(3);
  });

  describe("connection reset", () => {
    it("is retried until it clears", async () => {
      server.enqueue({ reset: true }, { reset: true });
      const request = makeRequest(url());
      const response = await withRetry(transport, fast)(request);
      expect(response.status).toBe(200);
      expect(server.requests).toHaveLength(3);
      expect(request.context.attempts).toBe(3);
    });

    it("ends in a ConnectionError with attempts 3 and the last cause once all attempts failed", async () => {
      server.setFallback({ reset: true });
      const error = await withRetry(transport, fast)(makeRequest(url())).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConnectionError);
      expect(error).not.toBeInstanceOf(TimeoutError);
      expect((error as ConnectionError).attempts).toBe(3);
      expect((error as ConnectionError).cause).toBeDefined();
      expect(server.requests).toHaveLength(3);
    });
  });

  describe("a response that stalls past the attempt timeout", () => {
    it("is abandoned and retried until it clears", async () => {
      server.enqueue({ stall: true }, { stall: true });
      const request = makeRequest(url(), { context: { timeout: 150 } });
      const started = performance.now();
      const response = await withRetry(transport, fast)(request);
      expect(response.status).toBe(200);
      expect(server.requests).toHaveLength(3);
      expect(request.context.attempts).toBe(3);
      expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    });

    it("ends in a TimeoutError with attempts 3 once all attempts timed out", async () => {
      server.setFallback({ stall: true });
      const error = await withRetry(transport, { ...fast, attemptTimeoutMs: 100 })(makeRequest(url())).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TimeoutError);
      expect((error as TimeoutError).attempts).toBe(3);
      expect((error as TimeoutError).message).toMatch(/attempt 3 timed out after 100 ms/);
      expect(server.requests).toHaveLength(3);
    });
  });

  it.each([400, 401, 403, 404, 409])("never retries %i: exactly one request", async (status) => {
    server.setFallback({ status, body: '{"error":{"code":"X.0001","message":"no"}}' });
    const request = makeRequest(url());
    const response = await withRetry(transport, fast)(request);
    expect(response.status).toBe(status);
    expect(server.requests).toHaveLength(1);
    expect(request.context.attempts).toBe(1);
    const error = await errorFromResponse(response, { attempts: request.context.attempts });
    expect(error).toBeInstanceOf(HuaweiCloudError);
    expect(error.attempts).toBe(1);
  });

  it("stops at once when Retry-After is longer than maxDelayMs", async () => {
    server.setFallback({ status: 429, headers: { "retry-after": "30" } });
    const request = makeRequest(url());
    const started = performance.now();
    const response = await withRetry(transport)(request);
    expect(response.status).toBe(429);
    expect(server.requests).toHaveLength(1);
    expect(request.context.attempts).toBe(1);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("sends the same X-Client-Request-Id on every attempt and re-sends the whole body each time", async () => {
    server.enqueue({ status: 503 }, { reset: true });
    const body = new Uint8Array(64 * 1024).map((_, i) => (i * 31) % 251);
    const request = makeRequest(url(), { body });
    const response = await withRetry(transport, fast)(request);
    expect(response.status).toBe(200);
    expect(server.requests).toHaveLength(3);
    const ids = server.requests.map((r) => r.headers[REQUEST_ID_HEADER.toLowerCase()]);
    expect(ids[0]).toMatch(UUID);
    expect(new Set(ids).size).toBe(1);
    for (const seen of server.requests) expect(Buffer.compare(seen.body, Buffer.from(body))).toBe(0);
    expect(request.headers.has(REQUEST_ID_HEADER)).toBe(false);
  });

  it("gives every call its own request id, and keeps one the caller set", async () => {
    const send = withRetry(transport, fast);
    await send(makeRequest(url()));
    await send(makeRequest(url()));
    await send(makeRequest(url(), { headers: new Headers({ [REQUEST_ID_HEADER]: "caller-chosen" }) }));
    const ids = server.requests.map((r) => r.headers[REQUEST_ID_HEADER.toLowerCase()]);
    expect(ids[0]).not.toBe(ids[1]);
    expect(ids[2]).toBe("caller-chosen");
  });

  it("rejects at once with AbortError when the caller aborts during the backoff, and sends nothing more", async () => {
    server.setFallback({ status: 503 });
    const controller = new AbortController();
    const reason = new Error("user cancelled");
    let abortedAt = 0;
    const send = withRetry(transport, {
      baseDelayMs: 10_000,
      random: () => 0.99,
      onRetry: () => {
        setTimeout(() => {
          abortedAt = performance.now();
          controller.abort(reason);
        }, 20);
      },
    });
    const request = makeRequest(url(), { signal: controller.signal });
    const error = await send(request).catch((e: unknown) => e);
    expect(performance.now() - abortedAt).toBeLessThan(100);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).cause).toBe(reason);
    expect((error as AbortError).attempts).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.requests).toHaveLength(1);
  });

  it("rejects with AbortError when the caller aborts during an attempt", async () => {
    server.setFallback({ stall: true });
    const controller = new AbortController();
    const result = withRetry(transport, fast)(makeRequest(url(), { signal: controller.signal }));
    await server.waitForRequests(1);
    controller.abort("stop");
    const error = await result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).cause).toBe("stop");
    expect(server.requests).toHaveLength(1);
  });

  it("sends nothing when the signal is already aborted", async () => {
    const error = await withRetry(transport, fast)(makeRequest(url(), { signal: AbortSignal.abort("early") })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).attempts).toBe(0);
    expect(server.requests).toHaveLength(0);
  });

  describe("overall deadline", () => {
    it("cuts a stalled attempt short with a TimeoutError naming the deadline", async () => {
      server.setFallback({ stall: true });
      const started = performance.now();
      const error = await withRetry(transport, { attemptTimeoutMs: 10_000, deadlineMs: 200 })(makeRequest(url())).catch(
        (e: unknown) => e,
      );
      const elapsed = performance.now() - started;
      expect(error).toBeInstanceOf(TimeoutError);
      expect((error as TimeoutError).message).toMatch(/200 ms deadline/);
      expect((error as TimeoutError).attempts).toBe(1);
      expect(elapsed).toBeGreaterThanOrEqual(190);
      expect(elapsed).toBeLessThan(1000);
      expect(server.requests).toHaveLength(1);
    });

    it("spans the attempts: retries stop when the deadline passes", async () => {
      server.setFallback({ stall: true });
      const request = makeRequest(url());
      const error = await withRetry(transport, { ...fast, attemptTimeoutMs: 150, deadlineMs: 400, maxAttempts: 10 })(request).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(TimeoutError);
      expect((error as TimeoutError).message).toMatch(/deadline/);
      expect(server.requests.length).toBeGreaterThanOrEqual(2);
      expect(server.requests.length).toBeLessThanOrEqual(3);
      expect(request.context.attempts).toBe(server.requests.length);
    });

    it("does not wait for a retry that would start after the deadline", async () => {
      server.setFallback({ status: 503, headers: { "retry-after": "2" } });
      const started = performance.now();
      const response = await withRetry(transport, { deadlineMs: 1000 })(makeRequest(url()));
      expect(response.status).toBe(503);
      expect(server.requests).toHaveLength(1);
      expect(performance.now() - started).toBeLessThan(500);
    });
  });

  describe("idempotency", () => {
    it("does not retry a call not marked idempotent", async () => {
      server.setFallback({ status: 503 });
      const request = makeRequest(url(), { method: "POST", context: { idempotent: undefined } });
      const response = await withRetry(transport, fast)(request);
      expect(response.status).toBe(503);
      expect(server.requests).toHaveLength(1);
      expect(request.context.attempts).toBe(1);
    });

    it("does not retry a reset of a non-idempotent call, which may have been applied", async () => {
      server.setFallback({ reset: true });
      const error = await withRetry(transport, fast)(makeRequest(url(), { context: { idempotent: false } })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConnectionError);
      expect((error as ConnectionError).attempts).toBe(1);
      expect(server.requests).toHaveLength(1);
    });

    it("retries it when the caller sets retryNonIdempotent", async () => {
      server.enqueue({ status: 503 });
      const request = makeRequest(url(), { context: { idempotent: false, retry: { retryNonIdempotent: true } } });
      const response = await withRetry(transport, fast)(request);
      expect(response.status).toBe(200);
      expect(server.requests).toHaveLength(2);
    });
  });

  it("lets a call override the client's options", async () => {
    server.setFallback({ status: 500 });
    const request = makeRequest(url(), { context: { retry: { maxAttempts: 5 } } });
    const response = await withRetry(transport, { ...fast, maxAttempts: 2 })(request);
    expect(response.status).toBe(500);
    expect(server.requests).toHaveLength(5);
    expect(request.context.attempts).toBe(5);
  });

  it("reports each attempt and each retry to the hooks, and logs nothing", async () => {
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((method) => vi.spyOn(console, method));
    server.enqueue({ status: 503 }, { reset: true });
    const attempts: AttemptEvent[] = [];
    const retries: RetryEvent[] = [];
    await withRetry(transport, { ...fast, random: () => 0.5, onAttempt: (e) => attempts.push(e), onRetry: (e) => retries.push(e) })(
      makeRequest(url()),
    );
    const requestId = server.requests[0]!.headers[REQUEST_ID_HEADER.toLowerCase()];
    expect(attempts).toEqual([1, 2, 3].map((attempt) => ({ operation: "UpdateThing", attempt, requestId })));
    expect(retries).toHaveLength(2);
    expect(retries[0]).toEqual({ operation: "UpdateThing", attempt: 1, delayMs: 2, status: 503, requestId });
    expect(retries[1]).toMatchObject({ operation: "UpdateThing", attempt: 2, delayMs: 5, requestId });
    expect(retries[1]!.error).toBeInstanceOf(ConnectionError);
    for (const spy of spies) {
      expect(spy).not.toHaveBeenCalled();
      spy.mockRestore();
    }
  });

  it("passes on an error that is no network failure untouched, without retrying", async () => {
    const bug = new TypeError("signing failed");
    let calls = 0;
    const failing: Send = async () => {
      calls++;
      throw bug;
    };
    await expect(withRetry(failing, fast)(makeRequest(url()))).rejects.toBe(bug);
    expect(calls).toBe(1);
  });
});
