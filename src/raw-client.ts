import createOpenApiClient, {
  type ClientOptions,
  defaultBodySerializer,
  defaultPathSerializer,
  type FetchResponse,
  type MaybeOptionalInit,
  mergeHeaders,
  removeTrailingSlash,
} from "openapi-fetch";
import type { HttpMethod, PathsWithMethod, RequiredKeysOf } from "openapi-typescript-helpers";
import { type OperationId, operations } from "../generated/operations.ts";
import type { paths } from "../generated/schema.ts";
import { createHuaweiCloudError, type HuaweiCloudError, ValidationError } from "./errors.ts";
import { assertHeaderValues } from "./header-value.ts";
import type { CallContext } from "./http.ts";
import type { RetryOptions } from "./retry.ts";
import { type BridgeRequest, bridgeRequest, CONTEXT_KEY } from "./to-fetch.ts";
import { asWebResponse } from "./transport/bytes-response.ts";
import { validateInput } from "./validate.ts";

/** Per-call settings every call accepts, named or raw. */
export interface CallInit {
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** Per-attempt timeout in milliseconds. */
  timeout?: number;
  /** Retry settings for this call only. */
  retry?: Partial<RetryOptions>;
}

type Media = `${string}/${string}`;
type InitParam<Init> = RequiredKeysOf<Init> extends never ? [(Init & CallInit)?] : [Init & CallInit];

/** openapi-fetch's result, with `error` turned into the typed HuaweiCloudError. */
export type RawResult<R> = R extends { error?: never } ? R : Omit<R, "error"> & { data?: never; error: HuaweiCloudError };

type RawMethod<Paths extends Record<string, any>, M extends HttpMethod> = <
  P extends PathsWithMethod<Paths, M>,
  Init extends MaybeOptionalInit<Paths[P], M>,
>(
  url: P,
  ...init: InitParam<Init>
) => Promise<RawResult<FetchResponse<Paths[P][M], Init, Media>>>;

/** openapi-fetch's `{ data, error, response }` client, behind the same auth, retry and validation. */
export interface RawClient {
  GET: RawMethod<paths, "get">;
  PUT: RawMethod<paths, "put">;
  POST: RawMethod<paths, "post">;
  DELETE: RawMethod<paths, "delete">;
  PATCH: RawMethod<paths, "patch">;
}

export interface RawClientOptions {
  baseUrl: string;
  fetch: (request: BridgeRequest | Request) => Promise<Response>;
  headers: Record<string, string>;
  projectId?: string;
  validate: boolean;
}

const operationByRoute = new Map<string, OperationId>(
  Object.entries(operations).map(([id, operation]) => [`${operation.method} ${operation.path}`, id as OperationId]),
);

interface LooseInit extends CallInit {
  params?: { path?: Record<string, unknown>; [key: string]: unknown };
  body?: unknown;
  [key: string]: unknown;
}

export function createRawClient(options: RawClientOptions): RawClient {
  const base = createOpenApiClient<paths>({
    baseUrl: options.baseUrl,
    fetch: options.fetch as ClientOptions["fetch"],
    Request: bridgeRequest as unknown as ClientOptions["Request"],
    headers: options.headers,
  });
  const baseUrl = removeTrailingSlash(options.baseUrl);

  /** The checks every call makes before sending, and the context its layers share. */
  const prepare = (operation: OperationId | undefined, where: string, url: string, call: CallParts) => {
    assertHeaderValues(where, "headers", call.headers);
    const path = fillProjectId(url, call.path, options.projectId);
    assertSafePathValues(where, path);
    if (operation && options.validate) validateInput(operation, { path, body: call.body });
    const context: CallContext = {
      operation,
      idempotent: operation ? operations[operation].idempotent : false,
      timeout: call.timeout,
      retry: call.retry,
      attempts: 0,
    };
    return { path, context };
  };

  const rawCall = async (method: string, url: string, init: LooseInit = {}) => {
    const operation = operationByRoute.get(`${method} ${url}`);
    const { timeout, retry, params, ...rest } = init;
    const parts = { path: params?.path, body: rest.body, headers: rest.headers, timeout, retry };
    const { path, context } = prepare(operation, operation ?? `${method} ${url}`, url, parts);
    const result = await base.request(method as never, url as never, {
      ...rest,
      params: { ...params, path },
      [CONTEXT_KEY]: context,
    } as never);
    // Raw callers get a real web Response, in the state openapi-fetch left it.
    const response = asWebResponse(result.response);
    if (response.ok) return { ...result, response };
    return { response, error: typedError(response, result.error, operation, context) };
  };

  /**
   * A named call sends the request openapi-fetch would build for it (a JSON
   * body, path values through its path serializer, headers merged as it
   * merges them), without its general machinery, and reads the answer as it
   * would with parseAs "json".
   */
  const namedCall: NamedCall = async (operation, pathArgs, body, init) => {
    const { method, path: url } = operations[operation];
    const { headers, signal } = init;
    const { path, context } = prepare(operation, operation, url, { path: pathArgs, body, headers, timeout: init.timeout, retry: init.retry });
    // The serializer reads only the content type; without one set, it needs no merged headers.
    const typed = hasContentType(options.headers) || hasContentType(headers);
    const serialized = body === undefined ? undefined : serializeBody(body, typed ? mergeHeaders(options.headers, headers) : undefined);
    const jsonType = serialized === undefined || serialized instanceof FormData ? {} : { "Content-Type": "application/json" };
    const request = bridgeRequest(defaultPathSerializer(`${baseUrl}${url}`, path), {
      method,
      headers: mergeHeaders(jsonType, options.headers, headers),
      body: serialized as BodyInit | undefined,
      signal: signal ?? null,
      redirect: "follow",
      [CONTEXT_KEY]: context,
    });
    const response = await options.fetch(request);
    const result = await readAsJson(response, method);
    if (response.ok) return result;
    return { response, error: typedError(response, result.error, operation, context) };
  };

  return {
    GET: (url, init) => rawCall("GET", url, init as unknown as LooseInit),
    PUT: (url, init) => rawCall("PUT", url, init as unknown as LooseInit),
    POST: (url, init) => rawCall("POST", url, init as unknown as LooseInit),
    DELETE: (url, init) => rawCall("DELETE", url, init as unknown as LooseInit),
    PATCH: (url, init) => rawCall("PATCH", url, init as unknown as LooseInit),
    [NAMED_CALL]: namedCall,
  } as RawClient;
}

/** openapi-fetch's default body serializer, as it calls it: its types leave out the headers it reads. */
const serializeBody = defaultBodySerializer as (body: unknown, headers: Headers | undefined) => string | FormData;

function hasContentType(headers: Record<string, unknown> | Headers | undefined): boolean {
  if (headers instanceof Headers) return headers.has("content-type");
  for (const name in headers) if (name.toLowerCase() === "content-type") return true;
  return false;
}

/** A raw client's entry for the named calls, which use only the data or the error of an answer. */
export const NAMED_CALL = Symbol("named call");

export type NamedCall = (
  operation: OperationId,
  path: Record<string, unknown>,
  body: unknown,
  init: CallInit,
) => Promise<{ data?: unknown; error?: unknown }>;

/** What the checks before sending read of a call. */
interface CallParts {
  path?: Record<string, unknown>;
  body?: unknown;
  headers?: Record<string, string> | Headers;
  timeout?: number;
  retry?: Partial<RetryOptions>;
}

function typedError(response: Response, body: unknown, operation: OperationId | undefined, context: CallContext): HuaweiCloudError {
  return createHuaweiCloudError({
    status: response.status,
    operation,
    attempts: context.attempts,
    requestId: response.headers.get("x-request-id") ?? undefined,
    headers: Object.fromEntries(response.headers),
    body,
  });
}

/** openapi-fetch's reading of an answer with parseAs "json" (its coreFetch, version 0.17). */
async function readAsJson(response: Response, method: string): Promise<{ data?: unknown; error?: unknown; response: Response }> {
  const contentLength = response.headers.get("Content-Length");
  const empty = contentLength === "0" && !response.headers.get("Transfer-Encoding")?.includes("chunked");
  if (response.status === 204 || method === "HEAD" || empty) {
    return response.ok ? { data: undefined, response } : { error: undefined, response };
  }
  if (response.ok) {
    if (contentLength) return { data: await response.json(), response };
    const text = await response.text();
    return { data: text ? JSON.parse(text) : undefined, response };
  }
  let error: unknown = await response.text();
  try {
    error = JSON.parse(error as string);
  } catch {
    // Not JSON: the error body stays text, as openapi-fetch leaves it.
  }
  return { error, response };
}

/** `{project_id}` falls back to the client's projectId when the caller leaves it out. */
function fillProjectId(url: string, path: Record<string, unknown> | undefined, projectId: string | undefined) {
  if (projectId === undefined || !url.includes("{project_id}") || path?.project_id !== undefined) return path ?? {};
  return { ...path, project_id: projectId };
}

/**
 * Path values are percent-encoded, so `/` cannot add a segment; `.` and `..`
 * survive encoding and would be resolved away by URL parsing, so refuse them.
 */
function assertSafePathValues(where: string, path: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(path)) {
    if (value === "." || value === "..") {
      throw new ValidationError(where, [{ field: `path.${name}`, rule: "path-segment", message: 'must not be "." or ".."' }]);
    }
  }
}
