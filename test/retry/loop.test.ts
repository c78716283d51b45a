/**
 * The retry loop, against stub layers: each test scripts what the layer
 * below answers, attempt by attempt, and reads what the loop did with it.
 * Waits between attempts go through the policy's `sleep`, recorded here
 * rather than slept; timeouts and deadlines are real and short.
 */
import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import { abortableSleep } from "../../src/abort.ts";
import { AbortError, ConnectionError, createHuaweiCloudError, TimeoutError } from "../../src/errors.ts";
import type { HttpRequest, HttpResponse, Send } from "../../src/layers.ts";
import { REQUEST_ID_HEADER, withRetry } from "../../src/retry/loop.ts";
import { DEFAULT_RETRY, type RetryEvent, type AttemptEvent, type RetryPolicy } from "../../src/retry/policy.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** What the stub layer does on one attempt. */
type Step =
  | HttpResponse
  | Error
  /** Never answers, but rejects with the signal's reason when it fires. */
  | "hang"
  /** Never answers and never looks at its signal. */
  | "deaf";

const answer = (status: number, headers: Record<string, string> = {}): HttpResponse => ({ status, statusText: "", headers, body: null });
const ok = answer(200);
const reset = () => new ConnectionError("reset", { operation: "UpdateThing" });
const refused = () => new ConnectionError("refused", { operation: "UpdateThing", requestSent: false });

/** A layer that plays `steps` in order, then answers 200; `seen` holds every request it got. */
function scripted(...steps: Step[]): { send: Send; seen: HttpRequest[] } {
  const seen: HttpRequest[] = [];
  const send: Send = (request) => {
    seen.push(request);
    const step = steps[seen.length - 1] ?? ok;
    if (step === "deaf") return new Promise(() => {});
    if (step === "hang") {
      return new Promise((_, reject) => request.signal?.addEventListener("abort", () => reject(request.signal?.reason), { once: true }));
    }
    return step instanceof Error ? Promise.reject(step) : Promise.resolve(step);
  };
  return { send, seen };
}

function request(init: Partial<HttpRequest> = {}): HttpRequest {
  return {
    method: "PUT",
    url: new URL("http://127.0.0.1:9/v1/thing"),
    headers: { "content-type": "application/json" },
    body: new TextEncoder().encode('{"thing":{"name":"a"}}'),
    operation: "UpdateThing",
    maxResponseBytes: 1024,
    ...init,
  };
}

/** The default policy with recorded (not slept) waits and a jitter of one half. */
function policy(overrides: Partial<RetryPolicy> = {}): RetryPolicy & { delays: number[] } {
  const delays: number[] = [];
  return {
    ...DEFAULT_RETRY,
    attemptTimeoutMs: 30_000,
    idempotent: true,
    random: () => 0.5,
    sleep: async (ms) => void delays.push(ms),
    ...overrides,
    delays,
  };
}

const failureOf = (promise: Promise<unknown>) => promise.then(() => expect.unreachable("the call should fail"), (error: unknown) => error);

describe("withRetry", () => {
  describe("answers", () => {
    it("returns the first answer with the number of attempts it took", async () => {
      const { send, seen } = scripted(answer(503), answer(502), ok);
      expect(await withRetry(send)(request(), policy())).toEqual({ response: ok, attempts: 3 });
      expect(seen).toHaveLength(3);
    });

    it.each([200, 201, 204, 303, 400, 401, 404, 409])("returns a %i at once", async (status) => {
      const { send, seen } = scripted(answer(status));
      expect(await withRetry(send)(request(), policy())).toEqual({ response: answer(status), attempts: 1 });
      expect(seen).toHaveLength(1);
    });

    it("returns the last retryable answer once the attempts run out", async () => {
      const { send, seen } = scripted(answer(500), answer(503), answer(504), ok);
      expect(await withRetry(send)(request(), policy())).toEqual({ response: answer(504), attempts: 3 });
      expect(seen).toHaveLength(3);
    });

    it("makes as many attempts as the policy's maxAttempts", async () => {
      const { send, seen } = scripted(...Array.from({ length: 9 }, () => answer(503)));
      expect((await withRetry(send)(request(), policy({ maxAttempts: 5 }))).attempts).toBe(5);
      expect(seen).toHaveLength(5);
    });
  });

  describe("waits", () => {
    it("waits the jittered exponential backoff between attempts: 250 ms, then 500 ms", async () => {
      const { send } = scripted(answer(500), answer(500));
      const rules = policy();
      await withRetry(send)(request(), rules);
      expect(rules.delays).toEqual([250, 500]);
    });

    it("waits the Retry-After an answer asks for instead", async () => {
      const { send } = scripted(answer(429, { "retry-after": "1" }), answer(503, { "retry-after": "2" }));
      const rules = policy();
      await withRetry(send)(request(), rules);
      expect(rules.delays).toEqual([1000, 2000]);
    });

    it("waits the Retry-After of a credentials lookup's refusal (the metadata service throttling), even for an operation that is not idempotent", async () => {
      const throttled = createHuaweiCloudError({ status: 429, operation: "ECS metadata securitykey", headers: { "retry-after": "3" }, body: "" });
      const { send, seen } = scripted(throttled, ok);
      const rules = policy({ idempotent: false });
      expect(await withRetry(send)(request(), rules)).toEqual({ response: ok, attempts: 2 });
      expect(seen).toHaveLength(2);
      expect(rules.delays).toEqual([3000]);
    });

    it("stops at once when Retry-After asks for more than maxDelayMs", async () => {
      const { send, seen } = scripted(answer(429, { "retry-after": "30" }));
      const rules = policy();
      expect((await withRetry(send)(request(), rules)).response.status).toBe(429);
      expect(seen).toHaveLength(1);
      expect(rules.delays).toEqual([]);
    });
  });

  describe("failures without an answer", () => {
    it("retries a connection failure until an answer comes", async () => {
      const { send, seen } = scripted(reset(), refused());
      expect(await withRetry(send)(request(), policy())).toEqual({ response: ok, attempts: 3 });
      expect(seen).toHaveLength(3);
    });

    it("throws the last failure, with its attempts, once the attempts run out", async () => {
      const last = reset();
      const { send } = scripted(reset(), reset(), last);
      const error = await failureOf(withRetry(send)(request(), policy()));
      expect(error).toBe(last);
      expect(last.attempts).toBe(3);
    });

    it("passes an error that is no network failure on untouched, without retrying", async () => {
      const bug = new TypeError("signing failed");
      const { send, seen } = scripted(bug);
      expect(await failureOf(withRetry(send)(request(), policy()))).toBe(bug);
      expect(seen).toHaveLength(1);
    });
  });

  describe("an operation that is not idempotent", () => {
    const once = policy({ idempotent: false });

    it("is not sent again after an answer other than 429", async () => {
      const { send, seen } = scripted(answer(500), answer(503));
      expect(await withRetry(send)(request(), once)).toEqual({ response: answer(500), attempts: 1 });
      expect(seen).toHaveLength(1);
    });

    it("is not sent again after a failure once it may have left: a reset, a timeout", async () => {
      for (const failure of [reset(), new TimeoutError("slow")]) {
        const { send, seen } = scripted(failure);
        expect(await failureOf(withRetry(send)(request(), once))).toBe(failure);
        expect(seen).toHaveLength(1);
      }
    });

    it("is sent again after a 429 or a failure before it left", async () => {
      const { send, seen } = scripted(answer(429), refused());
      expect(await withRetry(send)(request(), once)).toEqual({ response: ok, attempts: 3 });
      expect(seen).toHaveLength(3);
    });
  });

  describe("the request id", () => {
    it("is one new UUID sent on every attempt of a call, with the same body each time", async () => {
      const { send, seen } = scripted(answer(503), reset());
      const sent = request();
      await withRetry(send)(sent, policy());
      const ids = seen.map((attempt) => attempt.headers[REQUEST_ID_HEADER]);
      expect(ids[0]).toMatch(UUID);
      expect(new Set(ids).size).toBe(1);
      for (const attempt of seen) expect(attempt.body).toEqual(sent.body);
      expect(sent.headers[REQUEST_ID_HEADER]).toBeUndefined();
    });

    it("differs between calls, and is the caller's own when it set one", async () => {
      const { send, seen } = scripted();
      const retrying = withRetry(send);
      await retrying(request(), policy());
      await retrying(request(), policy());
      await retrying(request({ headers: { [REQUEST_ID_HEADER]: "caller-chosen" } }), policy());
      const ids = seen.map((attempt) => attempt.headers[REQUEST_ID_HEADER]);
      expect(ids[0]).not.toBe(ids[1]);
      expect(ids[2]).toBe("caller-chosen");
    });
  });

  describe("the per-attempt timeout", () => {
    it("ends an attempt with a TimeoutError naming it, fires the attempt's signal, and retries", async () => {
      const { send, seen } = scripted("hang", "hang");
      expect(await withRetry(send)(request(), policy({ attemptTimeoutMs: 50 }))).toEqual({ response: ok, attempts: 3 });
      expect(seen[0]?.signal?.reason).toBeInstanceOf(TimeoutError);
      expect(seen[0]?.signal?.reason.message).toBe("UpdateThing attempt 1 timed out after 50 ms");
    });

    it("ends an attempt even when the layer below ignores its signal", async () => {
      const { send } = scripted("deaf", "deaf", "deaf");
      const started = Date.now();
      const error = await failureOf(withRetry(send)(request(), policy({ attemptTimeoutMs: 50 })));
      expect(error).toBeInstanceOf(TimeoutError);
      expect(error).toMatchObject({ attempts: 3, message: "UpdateThing attempt 3 timed out after 50 ms" });
      expect(Date.now() - started).toBeLessThan(1000);
    });

    it("is reported as the TimeoutError even when the layer below rejects with its own abort error", async () => {
      const send: Send = (sent) =>
        new Promise((_, reject) => sent.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")), { once: true }));
      const error = await failureOf(withRetry(send)(request(), policy({ attemptTimeoutMs: 30, maxAttempts: 1 })));
      expect(error).toBeInstanceOf(TimeoutError);
    });
  });

  describe("the deadline", () => {
    it("cuts an attempt short with a TimeoutError naming the deadline", async () => {
      const { send, seen } = scripted("deaf");
      const started = Date.now();
      const error = await failureOf(withRetry(send)(request(), policy({ deadlineMs: 100 })));
      expect(error).toBeInstanceOf(TimeoutError);
      expect(error).toMatchObject({ attempts: 1, message: "UpdateThing exceeded its 100 ms deadline" });
      expect(Date.now() - started).toBeLessThan(1000);
      expect(seen).toHaveLength(1);
    });

    it("spans the attempts and the waits between them", async () => {
      const { send, seen } = scripted("hang", "hang", "hang", "hang", "hang");
      const error = await failureOf(withRetry(send)(request(), policy({ attemptTimeoutMs: 60, deadlineMs: 150, maxAttempts: 10, sleep: abortableSleep, baseDelayMs: 1 })));
      expect(error).toBeInstanceOf(TimeoutError);
      expect((error as TimeoutError).message).toContain("deadline");
      expect(seen.length).toBeGreaterThanOrEqual(2);
      expect(seen.length).toBeLessThanOrEqual(3);
      expect((error as TimeoutError).attempts).toBe(seen.length);
    });

    it("does not wait for a retry that would start after it, and returns the answer at once", async () => {
      const { send, seen } = scripted(answer(503, { "retry-after": "2" }));
      const rules = policy({ deadlineMs: 1000 });
      expect(await withRetry(send)(request(), rules)).toEqual({ response: answer(503, { "retry-after": "2" }), attempts: 1 });
      expect(seen).toHaveLength(1);
      expect(rules.delays).toEqual([]);
    });
  });

  describe("an attempt that ends while a layer below looks credentials up", () => {
    /** Marks the attempt's lookup active, then never answers, as a layer waiting on a deaf provider does. */
    const lookingUp: Send = (sent) => {
      if (sent.lookup) sent.lookup.active = true;
      return new Promise(() => {});
    };

    it("times out with requestSent false, and a call that is not idempotent is tried again", async () => {
      let attempts = 0;
      const send: Send = (sent) => (++attempts === 1 ? lookingUp(sent) : Promise.resolve(ok));
      const retried: RetryEvent[] = [];
      const result = await withRetry(send)(request(), policy({ attemptTimeoutMs: 30, idempotent: false, onRetry: (event) => retried.push(event) }));
      expect(result.attempts).toBe(2);
      expect(retried[0]!.error).toBeInstanceOf(TimeoutError);
      expect(retried[0]!.error).toMatchObject({ requestSent: false });
    });

    it("runs past the deadline with requestSent false, but true once an earlier attempt was sent", async () => {
      const inLookup = await failureOf(withRetry(lookingUp)(request(), policy({ deadlineMs: 50 })));
      expect(inLookup).toMatchObject({ message: "UpdateThing exceeded its 50 ms deadline", requestSent: false });
      let attempts = 0;
      const sentFirst: Send = (sent) => (++attempts === 1 ? Promise.resolve(answer(503)) : lookingUp(sent));
      const afterSending = await failureOf(withRetry(sentFirst)(request(), policy({ deadlineMs: 50, baseDelayMs: 1 })));
      expect(afterSending).toMatchObject({ message: "UpdateThing exceeded its 50 ms deadline", requestSent: true, attempts: 2 });
    });

    it("a plain timeout of an attempt that reached the transport still says the request may have been sent", async () => {
      const { send } = scripted("hang");
      const error = await failureOf(withRetry(send)(request(), policy({ attemptTimeoutMs: 30, maxAttempts: 1 })));
      expect(error).toBeInstanceOf(TimeoutError);
      expect(error).toMatchObject({ requestSent: true });
    });
  });

  describe("the caller's signal", () => {
    it("already fired: an AbortError with no attempt, and nothing sent", async () => {
      const { send, seen } = scripted();
      const error = await failureOf(withRetry(send)(request({ signal: AbortSignal.abort("early") }), policy()));
      expect(error).toBeInstanceOf(AbortError);
      expect(error).toMatchObject({ attempts: 0, cause: "early" });
      expect(seen).toHaveLength(0);
    });

    it("fired during an attempt: an AbortError with the signal's reason, at once", async () => {
      const controller = new AbortController();
      const { send, seen } = scripted("deaf");
      const call = withRetry(send)(request({ signal: controller.signal }), policy());
      await Promise.resolve();
      controller.abort("stop");
      const error = await failureOf(call);
      expect(error).toBeInstanceOf(AbortError);
      expect(error).toMatchObject({ attempts: 1, cause: "stop" });
      expect(seen).toHaveLength(1);
    });

    it("fired during the wait between attempts: an AbortError at once, and nothing more sent", async () => {
      const controller = new AbortController();
      const { send, seen } = scripted(answer(503));
      const rules = policy({ baseDelayMs: 60_000, maxDelayMs: 60_000, sleep: abortableSleep, onRetry: () => setTimeout(() => controller.abort("user cancelled"), 10) });
      const started = Date.now();
      const error = await failureOf(withRetry(send)(request({ signal: controller.signal }), rules));
      expect(Date.now() - started).toBeLessThan(1000);
      expect(error).toBeInstanceOf(AbortError);
      expect(error).toMatchObject({ attempts: 1, cause: "user cancelled" });
      expect(seen).toHaveLength(1);
    });

    it("carries one listener however many calls share it, and none once they have ended", async () => {
      const controller = new AbortController();
      const counted: number[] = [];
      const count = () => void counted.push(getEventListeners(controller.signal, "abort").length);
      const { send } = scripted(answer(503), answer(503), answer(503));
      const retrying = withRetry(send);
      const calls = Array.from({ length: 3 }, () => retrying(request({ signal: controller.signal }), policy({ onAttempt: count, sleep: async () => count() })));
      await Promise.all(calls);
      expect(counted.length).toBeGreaterThan(0);
      expect(counted.every((listeners) => listeners === 1)).toBe(true);
      expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
    });

    it("ends every call that shares it when it fires, each with an AbortError", async () => {
      const controller = new AbortController();
      const { send } = scripted("hang", "deaf", "hang");
      const retrying = withRetry(send);
      const calls = Array.from({ length: 3 }, () => failureOf(retrying(request({ signal: controller.signal }), policy())));
      controller.abort("shutting down");
      for (const error of await Promise.all(calls)) expect(error).toMatchObject({ name: "AbortError", cause: "shutting down" });
      expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
    });
  });

  it("reports each attempt and each wait to the hooks", async () => {
    const attempts: AttemptEvent[] = [];
    const retries: RetryEvent[] = [];
    const failure = reset();
    const { send, seen } = scripted(answer(503), failure);
    await withRetry(send)(request(), policy({ onAttempt: (event) => attempts.push(event), onRetry: (event) => retries.push(event) }));
    const requestId = seen[0]!.headers[REQUEST_ID_HEADER]!;
    expect(attempts).toEqual([1, 2, 3].map((attempt) => ({ operation: "UpdateThing", attempt, requestId })));
    expect(retries).toEqual([
      { operation: "UpdateThing", attempt: 1, delayMs: 250, status: 503, requestId },
      { operation: "UpdateThing", attempt: 2, delayMs: 500, error: failure, requestId },
    ]);
  });

  it("goes on as it would without them when a hook throws, or returns a promise that rejects", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => void unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      const hooks = [
        () => {
          throw new Error("the logger broke");
        },
        async () => {
          throw new Error("the async logger broke");
        },
      ];
      for (const hook of hooks) {
        const failure = reset();
        const { send, seen } = scripted(answer(503), failure);
        expect(await withRetry(send)(request(), policy({ onAttempt: hook, onRetry: hook }))).toEqual({ response: ok, attempts: 3 });
        expect(seen).toHaveLength(3);
        const { send: failing } = scripted(answer(503), answer(503), answer(503));
        expect(await withRetry(failing)(request(), policy({ onRetry: hook }))).toEqual({ response: answer(503), attempts: 3 });
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });
});
