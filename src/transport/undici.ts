import { Agent, type Dispatcher, errors } from "undici";
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
 * A Node transport on undici: one keep-alive agent, created on the first call
 * so importing this module does no work. The response body is read whole
 * into bytes, so a reset mid-body surfaces here as a ConnectionError rather
 * than later in whoever parses the body; the answer is a bytesResponse over
 * those bytes, not a stream-backed web Response.
 */
export function createUndiciSend(options: UndiciSendOptions = {}): Send {
  let agent: Agent | undefined;
  return async (request) => {
    const { signal } = request;
    // undici would still open a connection for an already-aborted call.
    if (signal?.aborted) throw signal.reason;
    agent ??= new Agent(options);
    try {
      const answer = await exchange(agent, request);
      return bytesResponse(hasNoBody(answer.status, request.method) ? null : answer.bytes, {
        status: answer.status,
        statusText: answer.statusText,
        headers: toHeaders(answer.headers),
      });
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      throw toTransportError(error, request);
    }
  };
}

interface Answer {
  status: number;
  statusText: string;
  headers: IncomingHttpHeaders;
  bytes: Uint8Array<ArrayBuffer>;
}

/**
 * One exchange through undici's dispatch(), the body gathered as it comes.
 * What request() adds on top, a Readable per body and an AsyncResource per
 * call, cost about a sixth of a loopback call (BENCHMARKS.md); the parts of
 * it kept here are its refusal of CONNECT and its abort handling: the signal
 * aborts the exchange at any stage, and the listener goes once it is over.
 */
function exchange(agent: Agent, request: HttpRequest): Promise<Answer> {
  const { signal, url, method } = request;
  if (method === "CONNECT") return Promise.reject(new errors.InvalidArgumentError("invalid method"));
  return new Promise((resolve, reject) => {
    let controller: Dispatcher.DispatchController | undefined;
    let head: Omit<Answer, "bytes"> | undefined;
    const chunks: Buffer[] = [];
    const onAbort = () => controller?.abort(signal!.reason);
    signal?.addEventListener("abort", onAbort, { once: true });
    const done = () => signal?.removeEventListener("abort", onAbort);
    agent.dispatch(
      // Headers is iterable as [name, value] pairs, which undici reads directly.
      { origin: url.origin, path: url.pathname + url.search, method, headers: request.headers, body: request.body },
      {
        onRequestStart(started) {
          controller = started;
          if (signal?.aborted) started.abort(signal.reason);
        },
        onResponseStart(_, status, headers, statusText = "") {
          // Informational answers (103 Early Hints) come first; the last one is the answer.
          head = { status, statusText, headers };
        },
        onResponseData(_, chunk) {
          chunks.push(chunk);
        },
        onResponseEnd() {
          done();
          resolve({ ...head!, bytes: concat(chunks) });
        },
        onResponseError(_, error) {
          done();
          reject(error);
        },
      },
    );
  });
}

/** The chunks in one fresh, exactly sized ArrayBuffer. */
function concat(chunks: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  let length = 0;
  for (const chunk of chunks) length += chunk.byteLength;
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
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
