/**
 * Options are resolved once: `resolveClientOptions` checks everything a
 * client is given and freezes the result, naming the bad field in a
 * ValidationError; `callPolicy` merges one call's overrides into it.
 */
import { describe, expect, it } from "vitest";
import { operations } from "../generated/operations.ts";
import { createClient, ValidationError } from "../src/index.ts";
import { type ClientOptions, callPolicy, DEFAULT_MAX_RESPONSE_BYTES, resolveClientOptions } from "../src/options.ts";
import { DEFAULT_RETRY, DEFAULT_TIMEOUT_MS } from "../src/retry/policy.ts";
import { readsGlobalHeaders } from "./helpers/global-headers.ts";
import { thrownBy } from "./helpers/thrown.ts";

const TOKEN = { token: "t" };
const resolve = (options: Partial<ClientOptions>) => resolveClientOptions({ credentials: TOKEN, ...options }, { "user-agent": "default-agent" });

const validationErrorOf = (run: () => unknown): ValidationError => thrownBy(run, ValidationError);

describe("resolveClientOptions", () => {
  it("fills the defaults: validation on, 10 MiB answers, the default retry policy and a 30 s attempt timeout", () => {
    const config = resolve({});
    expect(config.validate).toBe(true);
    expect(config.maxResponseBytes).toBe(DEFAULT_MAX_RESPONSE_BYTES);
    expect(DEFAULT_MAX_RESPONSE_BYTES).toBe(10 * 1024 * 1024);
    expect(config.retry).toMatchObject({ ...DEFAULT_RETRY, attemptTimeoutMs: DEFAULT_TIMEOUT_MS });
    expect(DEFAULT_TIMEOUT_MS).toBe(30_000);
    expect(config.projectId).toBeUndefined();
    expect(config.endpoints.vpc).toBe("https://vpc.cn-north-4.myhuaweicloud.com");
  });

  it("freezes the configuration and everything in it", () => {
    const config = resolve({ headers: { "X-Team": "a" }, retry: { maxAttempts: 2 } });
    for (const part of [config, config.endpoints, config.headers, config.retry, config.credentials]) {
      expect(Object.isFrozen(part)).toBe(true);
    }
  });

  it("keeps no link to the caller's objects: changing them later changes nothing", () => {
    const options: ClientOptions = { credentials: { ak: "AK", sk: "SK" }, headers: { "X-Team": "a" }, retry: { maxAttempts: 2 } };
    const config = resolveClientOptions(options, {});
    (options.credentials as { sk: string }).sk = "changed";
    options.headers!["X-Team"] = "changed";
    options.retry!.maxAttempts = 9;
    expect(config.credentials).toEqual({ ak: "AK", sk: "SK" });
    expect(config.headers["x-team"]).toBe("a");
    expect(config.retry.maxAttempts).toBe(2);
  });

  it("lower-cases header names, the default headers first so the client's own may replace them", () => {
    expect(resolve({}).headers).toEqual({ "user-agent": "default-agent" });
    expect(resolveClientOptions({ credentials: TOKEN, headers: { "X-Team": "net" } }, { "User-Agent": "app/1" }).headers).toEqual({
      "user-agent": "app/1",
      "x-team": "net",
    });
    expect(resolveClientOptions({ credentials: TOKEN, headers: { "User-Agent": "mine/2" } }, { "User-Agent": "app/1" }).headers).toEqual({
      "user-agent": "mine/2",
    });
  });

  it("checks header records without reading the global Headers", async () => {
    expect(await readsGlobalHeaders(() => resolve({ headers: { "X-Team": "net" } }))).toBe(false);
  });

  it("uses the client's timeout as the attempt timeout, the one spelling of that setting", () => {
    expect(resolve({ timeout: 1_500 }).retry.attemptTimeoutMs).toBe(1_500);
  });

  it("merges the client's retry settings over the defaults", () => {
    const retry = resolve({ retry: { maxAttempts: 5, retryOnStatus: [503] } }).retry;
    expect(retry).toMatchObject({ maxAttempts: 5, retryOnStatus: [503], baseDelayMs: DEFAULT_RETRY.baseDelayMs, maxDelayMs: DEFAULT_RETRY.maxDelayMs });
  });

  it("keeps a token function as it is, to be called per attempt", () => {
    const token = () => "fresh";
    expect(resolve({ credentials: { token } }).credentials).toEqual({ token });
  });

  it.each<[string, Partial<ClientOptions>, string, string]>([
    ["null credentials", { credentials: null as never }, "credentials", "oneOf"],
    ["both a token and keys", { credentials: { token: "t", ak: "a", sk: "s" } as never }, "credentials", "oneOf"],
    ["a token with a security token, which is only sent with keys", { credentials: { token: "t", securityToken: "s" } as never }, "credentials", "oneOf"],
    ["an empty token", { credentials: { token: "" } }, "credentials.token", "required"],
    ["a token with CR/LF", { credentials: { token: "t\r\nX-Evil: 1" } }, "credentials.token", "pattern"],
    ["a missing ak", { credentials: { sk: "s" } as never }, "credentials.ak", "type"],
    ["an ak with a LF", { credentials: { ak: "a\nb", sk: "s" } }, "credentials.ak", "pattern"],
    ["an empty sk", { credentials: { ak: "a", sk: "" } }, "credentials.sk", "required"],
    ["a security token with CR", { credentials: { ak: "a", sk: "s", securityToken: "x\r" } }, "credentials.securityToken", "pattern"],
    ["a project id that is not an id", { projectId: "../p" }, "projectId", "pattern"],
    ["an empty project id", { projectId: "" }, "projectId", "pattern"],
    ["a header value with CR/LF", { headers: { "X-Team": "a\r\nX-Evil: 1" } }, "headers.X-Team", "pattern"],
    ["a header the transport owns", { headers: { "Keep-Alive": "timeout=5" } }, "headers.Keep-Alive", "not"],
    ["a header name with a space", { headers: { "X Team": "a" } }, "headers.X Team", "pattern"],
    ["a zero timeout", { timeout: 0 }, "timeout", "exclusiveMinimum"],
    ["a negative timeout", { timeout: -5 }, "timeout", "exclusiveMinimum"],
    ["a timeout that is not a number", { timeout: "5" as never }, "timeout", "exclusiveMinimum"],
    ["a NaN timeout", { timeout: Number.NaN }, "timeout", "exclusiveMinimum"],
    ["a zero maxResponseBytes", { maxResponseBytes: 0 }, "maxResponseBytes", "exclusiveMinimum"],
    ["zero attempts", { retry: { maxAttempts: 0 } }, "retry.maxAttempts", "minimum"],
    ["a fractional attempt count", { retry: { maxAttempts: 1.5 } }, "retry.maxAttempts", "minimum"],
    ["a negative base delay", { retry: { baseDelayMs: -1 } }, "retry.baseDelayMs", "minimum"],
    ["a negative deadline", { retry: { deadlineMs: -1 } }, "retry.deadlineMs", "minimum"],
    ["a region that is not a region", { region: "evil.example/x" }, "region", "pattern"],
    ["an endpoint of an unknown service", { endpoints: { nosuch: "https://x.example.com" } as never }, "endpoints.nosuch", "additionalProperties"],
  ])("refuses %s, naming %s", (_, options, field, rule) => {
    const error = validationErrorOf(() => resolve(options));
    expect(error).toMatchObject({ operation: "createClient", field, rule, attempts: 0 });
    expect(error.message).toContain(field);
  });

  it("never quotes a refused secret", () => {
    for (const credentials of [{ token: "SECRET-token\r\n" }, { ak: "a", sk: "s", securityToken: "SECRET-sts\n" }]) {
      expect(validationErrorOf(() => resolve({ credentials })).message).not.toContain("SECRET");
    }
  });

  it("refuses default headers with CR/LF too, and names a bad userAgent as the option it is", () => {
    expect(validationErrorOf(() => resolveClientOptions({ credentials: TOKEN }, { "User-Agent": "app\r\n" }))).toMatchObject({
      field: "headers.user-agent",
      rule: "pattern",
    });
    expect(validationErrorOf(() => createClient({ credentials: TOKEN, userAgent: "app\r\nX-Evil: 1" }))).toMatchObject({ field: "userAgent" });
  });

  it("falls back to the credential chain when credentials are left out, and wraps a provider function to cache it", () => {
    expect(typeof resolveClientOptions({}, {}).credentials).toBe("function");
    const provider = async () => ({ ak: "a", sk: "s" });
    const wrapped = resolveClientOptions({ credentials: provider }, {}).credentials;
    expect(typeof wrapped).toBe("function");
    expect(wrapped).not.toBe(provider);
  });

  it("is what createClient runs: a bad option fails createClient itself, before any call", () => {
    expect(() => createClient({ credentials: { token: "t" }, timeout: -1 })).toThrow(ValidationError);
    expect(() => createClient({ credentials: { token: "t" }, retry: { maxAttempts: 0 } })).toThrow(/retry\.maxAttempts/);
  });
});

describe("callPolicy", () => {
  const config = resolve({ timeout: 2_000, retry: { maxAttempts: 4, baseDelayMs: 10 } });

  it("without overrides is the client's policy, idempotent as the operation is", () => {
    expect(callPolicy(config, operations.UpdateVpcPeering, undefined)).toEqual({ ...config.retry, idempotent: true });
    expect(callPolicy(config, operations.UpdateDataSource, {})).toEqual({ ...config.retry, idempotent: false });
  });

  it("takes a call's timeout as its attempt timeout and its retry settings over the client's", () => {
    const policy = callPolicy(config, operations.UpdateVpcPeering, { timeout: 100, retry: { maxAttempts: 1 } });
    expect(policy).toMatchObject({ attemptTimeoutMs: 100, maxAttempts: 1, baseDelayMs: 10, idempotent: true });
  });

  it("keeps the client's timeout when the call changes only its retry settings", () => {
    expect(callPolicy(config, operations.UpdateVpcPeering, { retry: { maxAttempts: 2 } }).attemptTimeoutMs).toBe(2_000);
  });

  it("keeps the client's test seams (random, sleep) and changes nothing in the client's configuration", () => {
    const policy = callPolicy(config, operations.UpdateVpcPeering, { timeout: 100 });
    expect(policy.random).toBe(config.retry.random);
    expect(policy.sleep).toBe(config.retry.sleep);
    expect(config.retry.attemptTimeoutMs).toBe(2_000);
  });

  it("never lets a call make an operation idempotent that is not: `idempotent` is no retry setting", () => {
    expect(validationErrorOf(() => callPolicy(config, operations.UpdateDataSource, { retry: { idempotent: true } as never }))).toMatchObject({
      field: "init.retry.idempotent",
      rule: "additionalProperties",
    });
  });

  it.each<[string, object, string]>([
    ["the old attempt-timeout spelling", { attemptTimeoutMs: 5 }, "retry.attemptTimeoutMs"],
    ["a test seam", { random: () => 0 }, "retry.random"],
    ["statuses that are not a list", { retryOnStatus: 503 }, "retry.retryOnStatus"],
    ["a hook that is not a function", { onRetry: "log" }, "retry.onRetry"],
    ["a zero deadline", { deadlineMs: 0 }, "retry.deadlineMs"],
  ])("refuses %s in the client's retry settings, naming it", (_, retry, field) => {
    expect(validationErrorOf(() => resolve({ retry: retry as never }))).toMatchObject({ field });
  });

  it.each<[string, object, string]>([
    ["a zero timeout", { timeout: 0 }, "init.timeout"],
    ["zero attempts", { retry: { maxAttempts: 0 } }, "init.retry.maxAttempts"],
    ["a negative maximum delay", { retry: { maxDelayMs: -1 } }, "init.retry.maxDelayMs"],
  ])("refuses %s, naming the operation and %s", (_, init, field) => {
    const error = validationErrorOf(() => callPolicy(config, operations.UpdateVpcPeering, init));
    expect(error).toMatchObject({ operation: "UpdateVpcPeering", field });
  });
});
