import type { Bytes } from "./bytes.ts";
import type { RetryOptions } from "./retry.ts";

/**
 * Per-call settings that travel with a request through every layer.
 * One object per call, shared by all of its attempts, so the retry layer can
 * report back how many attempts were made.
 */
export interface CallContext {
  /** operationId of the call, e.g. "UpdateVpcPeering", when known. */
  operation?: string;
  /** Per-attempt timeout in milliseconds, overriding the client's. */
  timeout?: number;
  /** True when repeating the operation is harmless (the spec's x-idempotent); only such calls are retried. */
  idempotent?: boolean;
  /** Retry settings overriding the client's for this call. */
  retry?: Partial<RetryOptions>;
  /** Attempts made so far; written by the retry layer. */
  attempts: number;
}

/**
 * A request as the layers see it: the body is already bytes, so any layer can
 * hash it or re-send it without reading a stream twice.
 */
export interface HttpRequest {
  method: string;
  url: URL;
  headers: Headers;
  body?: Bytes;
  signal?: AbortSignal;
  context: CallContext;
}

/** One layer of the request path: signing, retrying or the transport itself. */
export type Send = (request: HttpRequest) => Promise<Response>;

/** A shallow copy with its own headers, so a layer never edits its caller's request. */
export function copyRequest(request: HttpRequest, changes: Partial<HttpRequest> = {}): HttpRequest {
  return { ...request, headers: new Headers(request.headers), ...changes };
}
