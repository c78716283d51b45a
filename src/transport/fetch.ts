/**
 * Adapts any WHATWG `fetch` (the runtime's, or a user's) to the layer
 * contract: redirects are never followed, since the request carries
 * credentials, and the body is read whole, under the attempt's signal and
 * within `maxResponseBytes`, before the answer goes up.
 */
import { ConnectionError, InvalidResponseError, ResponseTooLargeError, ValidationError } from "../errors.ts";
import { type HttpRequest, type HttpResponse, responseTooLarge, type Send } from "../layers.ts";
import { isDecodingFailure, toConnectionError } from "./network-error.ts";

export function fromFetch(fetchImpl: typeof fetch): Send {
  return async (request) => {
    // fetch sends the URL's host whatever Host says, so a request signed over another would be refused as forged.
    const { host } = request.headers;
    if (host !== undefined && host !== request.url.host) {
      throw new ValidationError(request.operation, [
        { field: "header.Host", rule: "not", message: "cannot be sent through fetch, which sends the URL's host: give the host as the endpoint instead" },
      ]);
    }
    let response: Response;
    try {
      response = await fetchImpl(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body as Uint8Array<ArrayBuffer> | undefined,
        signal: request.signal ?? null,
        redirect: "manual",
      });
    } catch (error) {
      if (request.signal?.aborted) throw request.signal.reason;
      throw toConnectionError(error, request, { anyTypeError: true }) ?? error;
    }
    if (response.type === "opaqueredirect") throw hiddenRedirect(request);
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const body = await readBody(response, request);
    const coding = headers["content-encoding"];
    // A body fetch decoded is no longer in its coding; one it could not is handed up as sent, and read as encoded.
    if (coding !== undefined && decodedByFetch(coding, body)) delete headers["content-encoding"];
    return { status: response.status, statusText: response.statusText, headers, body };
  };
}

/** Codings every runtime's fetch decodes. */
const DECODED = new Set(["gzip", "x-gzip", "deflate", "br", "identity"]);
const ZSTD_FRAME = [0x28, 0xb5, 0x2f, 0xfd];

/**
 * Whether fetch decoded a body sent in `header`'s codings. It decodes all or
 * none: a coding it does not know (compress) leaves the body as it came.
 * Only some runtimes know zstd (Node 20's fetch does not); a body that still
 * starts with a zstd frame was not decoded.
 */
function decodedByFetch(header: string, body: Uint8Array | null): boolean {
  return header.split(",").every((part) => {
    const coding = part.trim().toLowerCase();
    if (coding === "zstd") return !ZSTD_FRAME.every((byte, index) => body?.[index] === byte);
    return coding === "" || DECODED.has(coding);
  });
}

async function readBody(response: Response, request: HttpRequest): Promise<Uint8Array | null> {
  if (response.body === null) return null;
  // An announced length over the cap fails at once; an encoded body's length is not the decoded one's, so only an unencoded one.
  if (!response.headers.has("content-encoding") && Number(response.headers.get("content-length")) > request.maxResponseBytes) {
    void response.body.cancel().catch(() => undefined);
    throw responseTooLarge(request, response.status);
  }
  const reader = response.body.getReader();
  const stop = () => void reader.cancel().catch(() => undefined);
  request.signal?.addEventListener("abort", stop, { once: true });
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > request.maxResponseBytes) {
        stop();
        throw responseTooLarge(request, response.status);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (request.signal?.aborted) throw request.signal.reason;
    if (error instanceof ResponseTooLargeError) throw error;
    if (isDecodingFailure(error, { encoded: response.headers.has("content-encoding") })) throw undecodable(response, request, error);
    throw (
      toConnectionError(error, request, { anyTypeError: true }) ??
      new ConnectionError(`connection to ${request.url.host} failed: the answer was cut short`, { operation: request.operation, cause: error })
    );
  } finally {
    request.signal?.removeEventListener("abort", stop);
  }
  // A cancelled read may end as if the body were whole.
  if (request.signal?.aborted) throw request.signal.reason;
  return concat(chunks, size);
}

/**
 * Browsers answer a redirect under `redirect: "manual"` with an opaque
 * response: no status, no Location. It is still a redirect never followed,
 * and sending the request again would meet the same one.
 */
function hiddenRedirect(request: HttpRequest): ConnectionError {
  return new ConnectionError(
    `${request.url.host} answered with a redirect, which is never followed since the request carries credentials (this runtime hides its status and Location)`,
    { operation: request.operation, retryable: false },
  );
}

/** fetch could not decode the body from its content encoding: the answer is unreadable, and reading it again would not help. */
function undecodable(response: Response, request: HttpRequest, cause: unknown): InvalidResponseError {
  const header = (name: string) => response.headers.get(name) ?? undefined;
  return new InvalidResponseError(`could not be decoded from its ${header("content-encoding") ?? "content"} encoding`, {
    status: response.status,
    operation: request.operation,
    requestId: header("x-request-id"),
    contentType: header("content-type"),
    excerpt: "",
    cause,
  });
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
