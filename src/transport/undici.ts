import { Agent } from "undici";
import type { IncomingHttpHeaders } from "node:http";
import { ConnectionError, TimeoutError } from "../errors.ts";
import type { HttpRequest, Send } from "../http.ts";
import { bytesResponse } from "./bytes-response.ts";

/**
 * Settings of the keep-alive agent (connections per origin, keepAliveTimeout,
 * headersTimeout, bodyTimeout, connect options, ...), passed to undici as is.
 *
 * Timeouts: undici's own headersTimeout and bodyTimeout stay on, at their
 * defaults unless set here. The retry layer's per-attempt timeout aborts
 * through `request.signal` and is normally far shorter, but this transport can
 * also be used without that layer, and then undici's limits are the only thing
 * that frees a socket held by a silent server. They fire as TimeoutError.
 */
export type UndiciSendOptions = Agent.Options;

/**
 * A Node transport on undici's `request()`: one keep-alive agent, created on
 * the first call so importing this module does no work. The response body is
 * read whole into bytes, so a reset mid-body surfaces here as a
 * ConnectionError rather than later in whoever parses the body; the answer is
 * a bytesResponse over those bytes, not a stream-backed web Response.
 */
export function createUndiciSend(options: UndiciSendOptions = {}): Send {
  let agent: Agent | undefined;
  return async (request) => {
    const { signal, url } = request;
    // undici would still open a connection for an already-aborted call.
    if (signal?.aborted) throw signal.reason;
    agent ??= new Agent(options);
    try {
      const response = await agent.request({
        origin: url.origin,
        path: url.pathname + url.search,
        method: request.method,
        // Headers is iterable as [name, value] pairs, which undici reads directly.
        headers: request.headers,
        body: request.body,
        signal,
      });
      // Read even when unused: undici keeps the socket busy until the body is consumed.
      // undici copies the chunks into a fresh ArrayBuffer, never a shared one.
      const bytes = (await response.body.bytes()) as Uint8Array<ArrayBuffer>;
      const { statusCode } = response;
      return bytesResponse(hasNoBody(statusCode, request.method) ? null : bytes, {
        status: statusCode,
        statusText: response.statusText,
        headers: toHeaders(response.headers),
      });
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      throw toTransportError(error, request);
    }
  };
}

/** The transport `#transport` resolves to under Node. */
export const defaultSend: Send = createUndiciSend();

function hasNoBody(status: number, method: string): boolean {
  return status === 204 || status === 205 || status === 304 || method === "HEAD";
}

/**
 * undici joins repeated response headers into arrays; Headers wants one
 * append per value. Appending directly skips the conversion `new Headers(pairs)` makes.
 */
function toHeaders(incoming: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const name of Object.keys(incoming)) {
    const value = incoming[name];
    if (typeof value === "string") headers.append(name, value);
    else if (value !== undefined) for (const item of value) headers.append(name, item);
  }
  return headers;
}

const TIMEOUT_CODES = new Set(["UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"]);

/** Caller mistakes (a malformed header, say): no connection failed, and retrying cannot help. */
const USAGE_CODES = new Set(["UND_ERR_INVALID_ARG", "UND_ERR_NOT_SUPPORTED"]);

/** Names the host and the failure, never a header: undici's messages carry neither header values nor bodies. */
function toTransportError(error: unknown, request: HttpRequest): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string" && USAGE_CODES.has(code)) return error;
  const ErrorClass = typeof code === "string" && TIMEOUT_CODES.has(code) ? TimeoutError : ConnectionError;
  return new ErrorClass(`connection to ${request.url.host} failed: ${describe(error, code)}`, {
    operation: request.context.operation,
    cause: error,
  });
}

function describe(error: unknown, code: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (typeof code !== "string") return message || "unknown error";
  if (!message) return code;
  return message.includes(code) ? message : `${message} (${code})`;
}
