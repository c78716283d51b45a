/**
 * Which low-level failures are network failures, and what each says about
 * whether the request left and whether another attempt could help.
 * Anything not listed (a TypeError from a bug, a bad argument) is not a
 * network failure and is passed on as it is.
 */
import { ConnectionError, TimeoutError } from "../errors.ts";
import type { HttpRequest } from "../layers.ts";

/** The connection was never made (or a proxy opened no tunnel for it), so no byte of the request left. */
const NOT_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EAI_FAIL", "ENETUNREACH", "EHOSTUNREACH", "EADDRNOTAVAIL", "UND_ERR_PRX_CONN"]);

/** The exchange broke after it may have begun. */
const MAYBE_SENT = new Set(["ECONNRESET", "ECONNABORTED", "EPIPE", "ETIMEDOUT", "ERR_STREAM_PREMATURE_CLOSE"]);

/** Node's HTTP parser (HPE_*) or undici (UND_ERR_*) gave up on the answer: it came back broken, after the request left. */
const BROKEN_ANSWER = /^(HPE|UND_ERR)_/;

/** The server's certificate is not trusted. Retrying cannot change that. */
const CERTIFICATE = /CERT|^UNABLE_TO_|SELF_SIGNED/;

/** TLS could not be set up at all, e.g. an https URL whose server speaks plain HTTP. Retrying cannot change that either. */
const TLS = /^ERR_TLS_|^ERR_SSL_|^EPROTO$/;

const TIMEOUTS = new Set(["UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"]);

/** A proxy answered the CONNECT with a status other than 200 (proxy.ts): no tunnel, so nothing was sent. */
export const PROXY_REFUSED_TUNNEL = "PROXY_REFUSED_TUNNEL";

/** The ConnectionError a low-level failure stands for, or undefined when it is not a network failure. */
export function toConnectionError(error: unknown, request: HttpRequest, options: { anyTypeError?: boolean } = {}): ConnectionError | undefined {
  if (error instanceof ConnectionError) return error;
  const coded = codedError(error);
  const code = coded?.code;
  const where = `connection to ${request.url.host} failed`;
  // The error that names the failure is the cause, so both transports give the same one (fetch wraps it in a TypeError).
  const base = { operation: request.operation, cause: coded?.error ?? error };
  if (code !== undefined && CERTIFICATE.test(code)) {
    return new ConnectionError(`${where}: the server's certificate is not trusted (${code})`, { ...base, requestSent: false, retryable: false });
  }
  if (code !== undefined && TLS.test(code)) {
    return new ConnectionError(`${where}: TLS could not be set up (${code})`, { ...base, requestSent: false, retryable: false });
  }
  if (code === PROXY_REFUSED_TUNNEL) {
    // 407 wants other proxy credentials, which another attempt would not bring.
    const retryable = (coded!.error as { statusCode?: unknown }).statusCode !== 407;
    return new ConnectionError(`${where}: ${(coded!.error as Error).message}`, { ...base, requestSent: false, retryable });
  }
  if (code !== undefined && NOT_SENT.has(code)) return new ConnectionError(`${where}: ${code}`, { ...base, requestSent: false });
  if (code !== undefined && TIMEOUTS.has(code)) return new TimeoutError(`${where}: ${code}`, base);
  if (code !== undefined && (MAYBE_SENT.has(code) || BROKEN_ANSWER.test(code))) return new ConnectionError(`${where}: ${code}`, base);
  const deno = denoFailure(error, where, base);
  if (deno) return deno;
  // undici's parser refuses some answers with no code at all (a status that is not a number): its name says it.
  if (error instanceof Error && error.name === "HTTPParserError") return new ConnectionError(`${where}: HTTPParserError: ${error.message}`, base);
  // fetch() rejects with a TypeError for every network failure, often without a code (browsers, and
  // Node 24's parser errors): name the cause it wraps, when it has one, rather than "fetch failed".
  if (options.anyTypeError && error instanceof TypeError) {
    const cause = (error as { cause?: unknown }).cause;
    const named = cause instanceof Error ? `${cause.name}: ${cause.message}` : error.message;
    return new ConnectionError(`${where}: ${named}`, { ...base, cause: cause instanceof Error ? cause : error });
  }
  return undefined;
}

/**
 * Deno's fetch gives no codes, only Rust's messages. `client error (Connect)`
 * is a failure to connect (TCP, name lookup or the TLS handshake), before any
 * byte of the request left; its detail replaces the message, which repeats
 * the URL. `NotCapable` is Deno refusing a host its permissions do not allow.
 */
const DENO_CONNECT = /client error \(Connect\): (.*)$/s;
const DENO_CERTIFICATE = /^invalid peer certificate/;
/** rustls's handshake failures, as Deno words them. */
const DENO_TLS = /^(received corrupt message|peer is incompatible|peer misbehaved|received fatal alert|inappropriate (handshake )?message)/;

function denoFailure(error: unknown, where: string, base: { operation: string; cause: unknown }): ConnectionError | undefined {
  if (error instanceof Error && (error.name === "NotCapable" || error.name === "PermissionDenied")) {
    return new ConnectionError(`${where}: the runtime does not allow it (${error.message})`, { ...base, requestSent: false, retryable: false });
  }
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    const detail = DENO_CONNECT.exec(current.message)?.[1];
    if (detail === undefined) continue;
    const cause = { ...base, cause: current, requestSent: false };
    if (DENO_CERTIFICATE.test(detail)) return new ConnectionError(`${where}: the server's certificate is not trusted (${detail})`, { ...cause, retryable: false });
    if (DENO_TLS.test(detail)) return new ConnectionError(`${where}: TLS could not be set up (${detail})`, { ...cause, retryable: false });
    return new ConnectionError(`${where}: ${detail}`, cause);
  }
  return undefined;
}

/** zlib's and brotli's error codes (Node), and Bun's decoders' names: a body that could not be decoded, which no network failure explains. */
const DECODING = /^Z_|^ERR__ERROR_|^ZlibError$|DecompressionError$/;

/** Deno's decoders' bare messages; read only for a body that came content-encoded, where the network's own failure reads "error reading a body". */
const DENO_DECODING = /^(invalid gzip header|corrupt deflate stream|brotli error|unexpected end of file|zstd)/i;

/**
 * Whether a failure while reading a body is the body's encoding being
 * corrupt, not the network. `encoded`: the answer named a content encoding.
 */
export function isDecodingFailure(error: unknown, options: { encoded?: boolean } = {}): boolean {
  const code = codedError(error)?.code;
  if (code !== undefined) return DECODING.test(code);
  return options.encoded === true && error instanceof TypeError && DENO_DECODING.test(error.message);
}

/** The first error with a string `code` in the cause chain: fetch wraps the socket's error as its cause. */
function codedError(error: unknown): { error: unknown; code: string } | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const { code, cause } = current as { code?: unknown; cause?: unknown };
    if (typeof code === "string") return { error: current, code };
    current = cause;
  }
  return undefined;
}
