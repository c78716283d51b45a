import { ValidationError } from "./errors.ts";

/**
 * What a header value may not hold: a control character other than tab
 * (CR, LF and NUL among them), or anything above Latin-1. node:http and
 * undici refuse the other controls too, with a TypeError that is no typed error.
 */
export const INVALID_HEADER_CHARACTER = /[^\t\x20-\x7e\x80-\xff]/;

/** Why a value with an INVALID_HEADER_CHARACTER is refused. */
export const INVALID_HEADER_MESSAGE = "must not contain control characters (CR, LF, NUL, ...) or characters above U+00FF";

/**
 * Rejects a value that cannot travel as a header value, before `Headers`
 * would: its own TypeError quotes the value, which may be a credential.
 * Errors name the field, never the value.
 */
export function assertHeaderValue(
  operation: string,
  field: string,
  value: string,
  options: { required?: boolean } = {},
): void {
  // Plain-JavaScript callers can pass anything; a missing credential must fail here, not sign "undefined".
  if (typeof value !== "string") {
    throw new ValidationError(operation, [{ field, rule: "type", message: "must be a string" }]);
  }
  if (options.required && value === "") {
    throw new ValidationError(operation, [{ field, rule: "required", message: "must not be empty" }]);
  }
  if (INVALID_HEADER_CHARACTER.test(value)) {
    throw new ValidationError(operation, [
      { field, rule: "pattern", message: INVALID_HEADER_MESSAGE },
    ]);
  }
}

/** An HTTP token (RFC 9110): what a header name may be. */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * Headers the transport writes for each connection and body. A caller's own
 * would contradict them, and each transport reacts its own way (node:http
 * sends both, undici and fetch refuse or drop them), so none may be given.
 */
const TRANSPORT_HEADERS = new Set(["connection", "content-length", "expect", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade"]);

/** Rejects a header name that is not an HTTP token, or that names a header the transport owns. */
export function assertHeaderName(operation: string, field: string, name: string): void {
  if (!HEADER_NAME.test(name)) {
    throw new ValidationError(operation, [{ field, rule: "pattern", message: "must be a header name (letters, digits and !#$%&'*+-.^_`|~)" }]);
  }
  if (TRANSPORT_HEADERS.has(name.toLowerCase())) {
    throw new ValidationError(operation, [{ field, rule: "not", message: "is set by the transport and cannot be given" }]);
  }
}

/**
 * Whether a header set is a fetch `Headers` rather than a plain record: told
 * by its iterator, since naming the global `Headers` makes Node load its
 * whole fetch stack (about 15 ms and 4 MB) on the first read.
 */
export function isHeaders(headers: Headers | Readonly<Record<string, string | undefined>>): headers is Headers {
  return Symbol.iterator in headers;
}

/** Checks every name and value of a header set, naming each bad one as `field.<header name>`. */
export function assertHeaders(
  operation: string,
  field: string,
  headers: Record<string, string | undefined> | Headers | undefined,
): void {
  if (!headers) return;
  const entries = isHeaders(headers) ? headers : Object.entries(headers);
  for (const [name, value] of entries) {
    assertHeaderName(operation, `${field}.${name}`, name);
    if (value !== undefined) assertHeaderValue(operation, `${field}.${name}`, value);
  }
}
