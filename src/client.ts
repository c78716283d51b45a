import { defaultSend } from "#transport";
import { userAgentHeader } from "#user-agent";
import type { Service } from "../generated/operations.ts";
import { withSigning } from "./auth/signing.ts";
import { withToken } from "./auth/token.ts";
import { type Bindings, createBindings } from "./bindings.ts";
import { type Endpoints, resolveEndpoints, services } from "./endpoints.ts";
import { ValidationError } from "./errors.ts";
import { assertHeaderValues } from "./header-value.ts";
import type { Send } from "./http.ts";
import { createRawClient, type RawClient } from "./raw-client.ts";
import { type RetryOptions, withRetry } from "./retry.ts";
import { createRetryBudget } from "./retry-budget.ts";
import { toFetch } from "./to-fetch.ts";
import { fromFetch } from "./transport/fetch.ts";

/** An IAM token, or a function returning a fresh one (called per request). */
export interface TokenCredentials {
  token: string | (() => string | Promise<string>);
}

/** An access key pair; temporary credentials add a security token. */
export interface AkSkCredentials {
  ak: string;
  sk: string;
  securityToken?: string;
}

export type Credentials = TokenCredentials | AkSkCredentials;

export interface ClientOptions {
  credentials: Credentials;
  /** Region of the default endpoints, e.g. "cn-north-4" (the default). */
  region?: string;
  /** Base URL per service, overriding the region's, e.g. for a private cloud or the mock cloud. */
  endpoints?: Partial<Endpoints>;
  /** Fills every `{project_id}` the caller leaves out, and is sent as X-Project-Id when signing. */
  projectId?: string;
  /** A WHATWG fetch to send with instead of the default transport. */
  fetch?: typeof fetch;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  userAgent?: string;
  /** Check inputs against the spec before sending (default true). */
  validate?: boolean;
  /** Retry policy for every call of this client. */
  retry?: Partial<RetryOptions>;
  /** Per-attempt timeout in milliseconds (default 30 s). */
  timeout?: number;
  /** Allow plain http:// to non-loopback hosts. Credentials would travel in clear. */
  allowInsecureHttp?: boolean;
}

export type HwcloudClient<HasProjectId extends boolean = false> = Bindings<HasProjectId> & {
  /** openapi-fetch clients per service, for the `{ data, error, response }` style. */
  raw: Record<Service, RawClient>;
};

export const DEFAULT_USER_AGENT = "hwcloud-typed";

export function createClient<const O extends ClientOptions>(
  options: O,
): HwcloudClient<O extends { projectId: string } ? true : false> {
  const endpoints = resolveEndpoints(options);
  const headers = { ...userAgentHeader(options.userAgent ?? DEFAULT_USER_AGENT), ...options.headers };
  assertHeaderValues("createClient", "headers", headers);
  if (options.projectId !== undefined && !/^[A-Za-z0-9_-]{1,64}$/.test(options.projectId)) {
    throw new ValidationError("createClient", [
      { field: "projectId", rule: "pattern", message: "must be 1-64 letters, digits, '_' or '-'" },
    ]);
  }
  const transport = options.fetch ? fromFetch(options.fetch) : defaultSend;
  const send = withRetry(authenticate(transport, options), {
    ...options.retry,
    ...(options.timeout === undefined ? {} : { attemptTimeoutMs: options.timeout }),
    budget: createRetryBudget(),
  });
  const fetchForOpenApi = toFetch(send);
  const raw = Object.fromEntries(
    services.map((service) => [
      service,
      createRawClient({
        baseUrl: endpoints[service],
        fetch: fetchForOpenApi,
        headers,
        projectId: options.projectId,
        validate: options.validate ?? true,
      }),
    ]),
  ) as Record<Service, RawClient>;
  return { ...createBindings(raw), raw } as HwcloudClient<O extends { projectId: string } ? true : false>;
}

function authenticate(transport: Send, options: ClientOptions): Send {
  const credentials = options.credentials as Partial<TokenCredentials & AkSkCredentials> | undefined;
  const hasToken = credentials?.token !== undefined;
  const hasKeys = credentials?.ak !== undefined || credentials?.sk !== undefined;
  if (hasToken === hasKeys) {
    throw new ValidationError("createClient", [
      { field: "credentials", rule: "oneOf", message: "must be either { token } or { ak, sk, securityToken? }" },
    ]);
  }
  if (hasToken) return withToken(transport, credentials!.token!);
  if (!credentials?.ak || !credentials.sk) {
    throw new ValidationError("createClient", [
      { field: credentials?.ak ? "credentials.sk" : "credentials.ak", rule: "required", message: "is required" },
    ]);
  }
  return withSigning(transport, credentials as AkSkCredentials, { projectId: options.projectId });
}
