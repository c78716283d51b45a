/**
 * Options, resolved once: `resolveClientOptions` turns what `createClient`
 * was given into a frozen configuration, checking each input once, and
 * `callPolicy` merges one call's overrides into it.
 */
import { abortableSleep } from "./abort.ts";
import { lazyProvider } from "./credentials/lazy.ts";
import type { CredentialProvider } from "./credentials/provider.ts";
import { DEFAULT_REGION, type Endpoints, type EndpointOptions, resolveEndpoints } from "./endpoints.ts";
import { ValidationError } from "./errors.ts";
import { assertHeaderValue, assertHeaders } from "./header-value.ts";
import type { OperationDescriptor } from "./operation.ts";
import { DEFAULT_RETRY, DEFAULT_TIMEOUT_MS, type RetryOptions, type RetryPolicy } from "./retry/policy.ts";

/** An IAM token, or a function returning a fresh one, called before every attempt with the attempt's signal. */
export interface TokenCredentials {
  token: string | ((signal: AbortSignal) => string | Promise<string>);
  // The other kind's keys are `never`, so a mix of both, which createClient refuses, does not compile either.
  ak?: never;
  sk?: never;
  securityToken?: never;
}

/** An access key pair; temporary credentials add a security token. */
export interface AkSkCredentials {
  ak: string;
  sk: string;
  securityToken?: string | undefined;
  token?: never;
}

export type Credentials = TokenCredentials | AkSkCredentials;

/** Retry settings as a client or a call gives them: each may be left out, or undefined for its default. */
export type RetrySettings = { [Key in keyof RetryOptions]?: RetryOptions[Key] | undefined };

export interface ClientOptions extends EndpointOptions {
  /**
   * A token, an AK/SK pair, or a provider of AK/SK pairs (any async function
   * returning `{ ak, sk, securityToken?, projectId?, expiresAt? }`, cached and
   * refreshed before it expires). When left out: the environment
   * (HUAWEICLOUD_SDK_AK, ...), then ~/.huaweicloud/credentials.
   */
  credentials?: Credentials | CredentialProvider | undefined;
  /**
   * Fills every `{project_id}` the caller leaves out, and is sent as X-Project-Id
   * when signing. When left out: the credentials' project id, else the one IAM
   * lists for the region (looked up once).
   */
  projectId?: string | undefined;
  /** A WHATWG fetch to send with instead of the default transport (then `proxy` and `ca` are the fetch's business). */
  fetch?: typeof fetch | undefined;
  /**
   * Node only: the HTTP proxy for every request (NO_PROXY still applies), or
   * false for none; HTTPS_PROXY / HTTP_PROXY / NO_PROXY (curl's rules) when absent.
   */
  proxy?: string | false | undefined;
  /** Node only: extra trust roots (PEM), besides the system's and NODE_EXTRA_CA_CERTS. */
  ca?: string | string[] | undefined;
  /** Extra headers on every request. */
  headers?: Record<string, string> | undefined;
  /** The User-Agent header; not sent where the runtime sets its own (browsers). */
  userAgent?: string | undefined;
  /** Check inputs against the spec before sending (default true). */
  validate?: boolean | undefined;
  /** Retry policy for every call of this client. */
  retry?: RetrySettings | undefined;
  /** Time one attempt may take, the answer's body included, in milliseconds (default 30 s). */
  timeout?: number | undefined;
  /** Longest answer body read, in bytes (default 10 MiB); a longer one fails the call. */
  maxResponseBytes?: number | undefined;
}

/** Per-call settings every call accepts, named or raw. */
export interface CallInit {
  signal?: AbortSignal | undefined;
  headers?: Record<string, string> | undefined;
  /** Time one attempt of this call may take, in milliseconds. */
  timeout?: number | undefined;
  /** Retry settings for this call only. */
  retry?: RetrySettings | undefined;
}

export const DEFAULT_USER_AGENT = "hwcloud-typed";
export const DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

/** A client's options after checking, frozen. */
export interface ClientConfig {
  readonly region: string;
  readonly endpoints: Readonly<Endpoints>;
  readonly credentials: Readonly<TokenCredentials> | Readonly<AkSkCredentials> | CredentialProvider;
  readonly projectId: string | undefined;
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly validate: boolean;
  readonly maxResponseBytes: number;
  /** The retry policy of a call that overrides nothing, less what depends on the operation. */
  readonly retry: Readonly<Omit<RetryPolicy, "idempotent">>;
}

/** What a project ID may be: createClient's `projectId`, and the one IAM lists. */
export const PROJECT_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** `defaultHeaders` come first, so `options.headers` may replace them. */
export function resolveClientOptions(options: ClientOptions, defaultHeaders: Record<string, string>): ClientConfig {
  const where = "createClient";
  if (options.projectId !== undefined && !PROJECT_ID.test(options.projectId)) {
    throw new ValidationError(where, [{ field: "projectId", rule: "pattern", message: "must be 1-64 letters, digits, '_' or '-'" }]);
  }
  assertHeaders(where, "headers", options.headers);
  if (options.userAgent !== undefined) assertHeaderValue(where, "userAgent", options.userAgent);
  checkProxy(options.proxy);
  if (options.ca !== undefined && !(typeof options.ca === "string" || (Array.isArray(options.ca) && options.ca.every((pem) => typeof pem === "string")))) {
    throw new ValidationError(where, [{ field: "ca", rule: "type", message: "must be PEM text or a list of PEM texts" }]);
  }
  const headers = lowerCaseNames({ ...defaultHeaders, ...options.headers });
  assertHeaders(where, "headers", headers);
  return Object.freeze({
    region: options.region ?? DEFAULT_REGION,
    endpoints: Object.freeze(resolveEndpoints(options)),
    credentials: checkCredentials(options.credentials),
    projectId: options.projectId,
    headers: Object.freeze(headers),
    validate: options.validate ?? true,
    maxResponseBytes: positive(where, "maxResponseBytes", options.maxResponseBytes) ?? DEFAULT_MAX_RESPONSE_BYTES,
    retry: Object.freeze({
      ...DEFAULT_RETRY,
      ...checkRetry(where, "retry", options.retry),
      attemptTimeoutMs: positive(where, "timeout", options.timeout) ?? DEFAULT_TIMEOUT_MS,
      random: Math.random,
      sleep: abortableSleep,
    }),
  });
}

/** The policy of one call: the client's, with the call's overrides, for this operation. */
export function callPolicy(config: ClientConfig, operation: OperationDescriptor, init: CallInit | undefined): RetryPolicy {
  if (init?.retry === undefined && init?.timeout === undefined) return { ...config.retry, idempotent: operation.idempotent };
  return {
    ...config.retry,
    ...checkRetry(operation.id, "init.retry", init.retry),
    attemptTimeoutMs: positive(operation.id, "init.timeout", init.timeout) ?? config.retry.attemptTimeoutMs,
    idempotent: operation.idempotent,
  };
}

export function lowerCaseNames(headers: Record<string, string | undefined>): Record<string, string> {
  const lower: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined) lower[name.toLowerCase()] = value;
  }
  return lower;
}

function checkCredentials(credentials: Credentials | CredentialProvider | undefined): ClientConfig["credentials"] {
  // Imported on first use: keys given in code need neither the chain's nor the cache's code.
  if (credentials === undefined) return lazyProvider(() => import("./credentials/chain.ts").then((chain) => chain.defaultCredentialChain()));
  if (typeof credentials === "function") return lazyProvider(() => import("./credentials/cached.ts").then((cached) => cached.cachedCredentials(credentials)));
  const given = (credentials ?? {}) as { token?: TokenCredentials["token"]; ak?: string; sk?: string; securityToken?: string };
  const hasToken = given.token !== undefined;
  const hasKeys = given.ak !== undefined || given.sk !== undefined || given.securityToken !== undefined;
  if (hasToken === hasKeys) {
    throw new ValidationError("createClient", [
      { field: "credentials", rule: "oneOf", message: "must be { token }, { ak, sk, securityToken? } or a function providing { ak, sk }" },
    ]);
  }
  if (hasToken) {
    if (typeof given.token !== "function") assertHeaderValue("createClient", "credentials.token", given.token as string, { required: true });
    return Object.freeze({ token: given.token! });
  }
  assertHeaderValue("createClient", "credentials.ak", given.ak as string, { required: true });
  if (typeof given.sk !== "string" || given.sk === "") {
    throw new ValidationError("createClient", [{ field: "credentials.sk", rule: "required", message: "must be a non-empty string" }]);
  }
  if (given.securityToken !== undefined) {
    assertHeaderValue("createClient", "credentials.securityToken", given.securityToken, { required: true });
  }
  return Object.freeze({ ak: given.ak!, sk: given.sk, ...(given.securityToken === undefined ? {} : { securityToken: given.securityToken }) });
}

/** An http(s) proxy URL, or false; never quoted, since it may carry a password. */
function checkProxy(proxy: string | false | undefined): void {
  if (proxy === undefined || proxy === false) return;
  let protocol: string | undefined;
  try {
    protocol = new URL(proxy).protocol;
  } catch {
    protocol = undefined;
  }
  if (protocol !== "http:" && protocol !== "https:") {
    throw new ValidationError("createClient", [{ field: "proxy", rule: "format", message: "must be an http:// or https:// URL, or false" }]);
  }
}

const RETRY_NUMBERS = { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0, deadlineMs: Number.MIN_VALUE } as const;
const RETRY_HOOKS = ["onAttempt", "onRetry"] as const;

/** The retry settings given, each checked; an unknown key is refused rather than silently ignored. */
function checkRetry(where: string, field: string, retry: RetrySettings | undefined): Partial<RetryOptions> {
  if (retry === undefined) return {};
  const checked: Record<string, unknown> = {};
  const fail = (key: string, rule: string, message: string) => {
    throw new ValidationError(where, [{ field: `${field}.${key}`, rule, message }]);
  };
  for (const [key, value] of Object.entries(retry)) {
    if (value === undefined) continue;
    if (key in RETRY_NUMBERS) {
      const least = RETRY_NUMBERS[key as keyof typeof RETRY_NUMBERS];
      const whole = key === "maxAttempts";
      if (typeof value !== "number" || !(value >= least) || (whole && !Number.isInteger(value))) {
        fail(key, "minimum", whole ? "must be a whole number of at least 1" : least > 0 ? "must be a number above 0" : "must be a number of at least 0");
      }
    } else if ((RETRY_HOOKS as readonly string[]).includes(key)) {
      if (typeof value !== "function") fail(key, "type", "must be a function");
    } else if (key === "retryOnStatus") {
      if (!Array.isArray(value) || !value.every((status) => Number.isInteger(status) && status >= 100 && status <= 599)) {
        fail(key, "type", "must be an array of HTTP statuses");
      }
    } else {
      fail(key, "additionalProperties", key === "attemptTimeoutMs" ? "is not a retry setting; use `timeout`" : "is not a retry setting");
    }
    checked[key] = value;
  }
  return checked as Partial<RetryOptions>;
}

function positive(where: string, field: string, value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!(typeof value === "number" && value > 0)) {
    throw new ValidationError(where, [{ field, rule: "exclusiveMinimum", message: "must be a number above 0" }]);
  }
  return value;
}
