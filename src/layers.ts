/**
 * The layer contract. A call runs through small layers, each a function from
 * a request to a promise of its answer: `withRetry(withAuth(transport))`.
 */
import { ResponseTooLargeError } from "./errors.ts";

/**
 * A request as the layers see it. Header names are lower case; the body is
 * already bytes, so a layer can hash it or send it again without reading a
 * stream twice.
 */
export interface HttpRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: Uint8Array;
  signal?: AbortSignal;
  /**
   * The attempt's time limit, given instead of a signal when the caller gave
   * none and the layers below the retry layer are all marked
   * `enforcesTimeout`: the transport then fails the request with
   * `timeout.error()` at `timeout.endsAt`. Node 20 makes an AbortSignal, and
   * a listener on it, cost about 20 µs a call; a plain timer costs nothing
   * measurable.
   */
  timeout?: AttemptTimeout;
  /**
   * Set by the retry layer on an attempt bounded by a signal. A layer that
   * looks credentials up before sending (a provider, a token function) marks
   * `active` while it waits, so an attempt that times out then is known not
   * to have been sent.
   */
  lookup?: CredentialsLookup;
  /** The operationId, for error messages. */
  operation: string;
  /** Longest answer body the transport reads; a longer one fails the attempt. */
  maxResponseBytes: number;
}

/**
 * An answer, read whole by the transport while the attempt's timeout and
 * signal still apply, so nothing above it waits on a socket. `body` is null
 * when the answer has none (204, 304, HEAD).
 */
export interface HttpResponse {
  status: number;
  statusText: string;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: Uint8Array | null;
}

export interface CredentialsLookup {
  active: boolean;
}

export interface AttemptTimeout {
  /** When the attempt ends, on the `performance.now()` clock. */
  endsAt: number;
  /** The error the attempt fails with then. */
  error: () => Error;
}

/**
 * One layer of the request path, or the transport at its bottom.
 * `enforcesTimeout`: the layer bounds a request carrying `timeout` by it
 * with no signal, as every layer under it does.
 */
export type Send = ((request: HttpRequest) => Promise<HttpResponse>) & { readonly enforcesTimeout?: boolean };

/** What a transport fails an attempt with once the answer's body passes `request.maxResponseBytes`. */
export function responseTooLarge(request: Pick<HttpRequest, "maxResponseBytes" | "operation">, status: number): ResponseTooLargeError {
  return new ResponseTooLargeError({ status, maxResponseBytes: request.maxResponseBytes, operation: request.operation });
}

/** Marks a transport that fails a request carrying `timeout` once its time is up. */
export function enforcingTimeout(send: (request: HttpRequest) => Promise<HttpResponse>): Send {
  return Object.assign(send, { enforcesTimeout: true });
}

/** Marks `layer`, which hands its request on to `next` with no wait of its own, as `next` is marked. */
export function passingTimeout(layer: (request: HttpRequest) => Promise<HttpResponse>, next: Send): Send {
  return next.enforcesTimeout === true ? enforcingTimeout(layer) : layer;
}
