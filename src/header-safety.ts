import { ValidationError } from "./errors.ts";

const CR_OR_LF = /[\r\n]/;

/**
 * Header values with CR or LF could smuggle extra headers; reject them with
 * the offending header named (never its value, which may be a secret).
 */
export function assertSafeHeaders(
  where: string,
  field: string,
  headers: Record<string, string | undefined> | Headers | undefined,
): void {
  if (!headers) return;
  const entries = headers instanceof Headers ? headers.entries() : Object.entries(headers);
  for (const [name, value] of entries) {
    if (typeof value === "string" && CR_OR_LF.test(value)) {
      throw new ValidationError(where, [{ field: `${field}.${name}`, rule: "header-value", message: "must not contain CR or LF" }]);
    }
  }
}
