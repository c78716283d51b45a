/** The retry policy's pure functions: how long to wait, and which failures deserve another attempt. */
import { describe, expect, it } from "vitest";
import { AbortError, ConnectionError, createHuaweiCloudError, InvalidResponseError, ResponseTooLargeError, TimeoutError, ValidationError } from "../../src/errors.ts";
import { backoffDelay, DEFAULT_RETRY, DEFAULT_TIMEOUT_MS, parseRetryAfter, shouldRetryError, shouldRetryStatus } from "../../src/retry/policy.ts";

describe("the defaults", () => {
  it("are 3 attempts, a 500 ms first backoff capped at 20 s, 30 s an attempt, no deadline, and the transient statuses", () => {
    expect(DEFAULT_RETRY).toEqual({ maxAttempts: 3, baseDelayMs: 500, maxDelayMs: 20_000, retryOnStatus: [408, 429, 500, 502, 503, 504] });
    expect(DEFAULT_TIMEOUT_MS).toBe(30_000);
    expect(Object.isFrozen(DEFAULT_RETRY)).toBe(true);
  });
});

describe("backoffDelay", () => {
  const policy = { baseDelayMs: 500, maxDelayMs: 20_000 };

  it("stays within [0, base * 2^(retry-1)) for every retry", () => {
    for (let retry = 1; retry <= 6; retry++) {
      const ceiling = 500 * 2 ** (retry - 1);
      for (const r of [0, 0.1, 0.5, 0.9, 0.999999]) {
        const delay = backoffDelay(retry, policy, () => r);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThan(ceiling);
      }
    }
  });

  it("is full jitter: the random fraction of the ceiling", () => {
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

describe("shouldRetryStatus", () => {
  const idempotent = { retryOnStatus: DEFAULT_RETRY.retryOnStatus, idempotent: true };
  const notIdempotent = { ...idempotent, idempotent: false };

  it.each([408, 429, 500, 502, 503, 504])("retries %i for an idempotent operation", (status) => {
    expect(shouldRetryStatus(status, idempotent)).toBe(true);
  });

  it.each([200, 201, 204, 301, 302, 303, 307, 308, 400, 401, 403, 404, 405, 409, 412, 422, 501, 505])("never retries %i", (status) => {
    expect(shouldRetryStatus(status, idempotent)).toBe(false);
  });

  it("retries an operation that is not idempotent only after 429, which the gateway answers before the service acts", () => {
    expect(shouldRetryStatus(429, notIdempotent)).toBe(true);
    for (const status of [408, 500, 502, 503, 504]) expect(shouldRetryStatus(status, notIdempotent), String(status)).toBe(false);
  });

  it("follows a custom status list", () => {
    const custom = { ...idempotent, retryOnStatus: [418] };
    expect(shouldRetryStatus(418, custom)).toBe(true);
    expect(shouldRetryStatus(503, custom)).toBe(false);
  });
});

describe("shouldRetryError", () => {
  const idempotent = { idempotent: true, retryOnStatus: DEFAULT_RETRY.retryOnStatus };
  const notIdempotent = { idempotent: false, retryOnStatus: DEFAULT_RETRY.retryOnStatus };
  const refused = new ConnectionError("refused", { requestSent: false });
  const reset = new ConnectionError("reset");
  const timedOut = new TimeoutError("slow");
  const untrusted = new ConnectionError("certificate", { requestSent: false, retryable: false });

  it("retries a connection failure or a timeout of an idempotent operation", () => {
    expect(shouldRetryError(refused, idempotent)).toBe(true);
    expect(shouldRetryError(reset, idempotent)).toBe(true);
    expect(shouldRetryError(timedOut, idempotent)).toBe(true);
  });

  it("retries an operation that is not idempotent only when its request provably never left", () => {
    expect(shouldRetryError(refused, notIdempotent)).toBe(true);
    expect(shouldRetryError(reset, notIdempotent)).toBe(false);
    expect(shouldRetryError(timedOut, notIdempotent)).toBe(false);
  });

  it("never retries a failure another attempt cannot mend, such as an untrusted certificate", () => {
    expect(shouldRetryError(untrusted, idempotent)).toBe(false);
    expect(shouldRetryError(untrusted, notIdempotent)).toBe(false);
  });

  it("retries a refusal of the credentials lookup before the request on a status worth it, whether or not the operation is idempotent", () => {
    const refusal = (status: number) => createHuaweiCloudError({ status, operation: "ECS metadata securitykey", headers: {}, body: "" });
    for (const policy of [idempotent, notIdempotent]) {
      expect(shouldRetryError(refusal(503), policy)).toBe(true);
      expect(shouldRetryError(refusal(429), policy)).toBe(true);
      expect(shouldRetryError(refusal(401), policy)).toBe(false);
      expect(shouldRetryError(refusal(503), { ...policy, retryOnStatus: [] })).toBe(false);
    }
  });

  it.each([
    ["AbortError", new AbortError("stop", { cause: new ConnectionError("inner") })],
    ["ValidationError", new ValidationError("Op", [{ field: "body.x", rule: "maximum", message: "too big" }])],
    ["InvalidResponseError", new InvalidResponseError("is not JSON", { status: 200, excerpt: "<html>" })],
    ["ResponseTooLargeError", new ResponseTooLargeError({ status: 500, maxResponseBytes: 1024 })],
    ["an untyped network error (the transport types those)", Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" })],
    ["a TypeError from a bug", new TypeError("cannot read properties of undefined")],
    ["a string", "boom"],
    ["undefined", undefined],
  ])("never retries anything else: %s", (_, error) => {
    expect(shouldRetryError(error, idempotent)).toBe(false);
  });
});
