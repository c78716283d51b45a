import { ValidationError } from "./errors.ts";

/** What a fetch `Headers` value may hold: no CR, LF or NUL, and Latin-1 only. */
export const INVALID_HEADER_CHARACTER = /[\r\n\0\u0100-\uffff]/;

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
      { field, rule: "pattern", message: "must not contain CR, LF, NUL or characters above U+00FF" },
    ]);
  }
}

/** Checks every value of a header set, naming each bad one as `field.<header name>`. */
export function assertHeaderValues(
  operation: string,
  field: string,
  headers: Record<string, string | undefined> | Headers | undefined,
): void {
  if (!headers) return;
  // Iterable means Headers: naming the global would load Node's fetch stack, ~15 ms at start-up.
  const entries = Symbol.iterator in headers ? (headers as Headers) : Object.entries(headers);
  for (const [name, value] of entries) {
    if (value !== undefined) assertHeaderValue(operation, `${field}.${name}`, value);
  }
}
