/**
 * The layer contract. A call runs through small layers, each a function from
 * a request to a promise of its answer: `withRetry(withAuth(transport))`.
 */

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

/** One layer of the request path, or the transport at its bottom. */
export type Send = (request: HttpRequest) => Promise<HttpResponse>;
