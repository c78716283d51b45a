import type { Send } from "../layers.ts";
import { ValidationError } from "../errors.ts";
import { fromFetch } from "./fetch.ts";

/**
 * The transport `#transport` resolves to outside Node. The global fetch is
 * looked up on every call, not at import, so a polyfill or a test double
 * installed later is the one used.
 */
export const defaultSend: Send = fromFetch((input, init) => globalThis.fetch(input, init));

/**
 * Outside Node a proxy and trust roots belong to the runtime (the browser,
 * Deno's flags), not to this client: asking for them here is a mistake worth naming.
 */
export function createDefaultSend(options: { proxy?: string | false; ca?: string | readonly string[] }): Send {
  for (const field of ["proxy", "ca"] as const) {
    if (options[field] !== undefined) {
      throw new ValidationError("createClient", [
        { field, rule: "runtime", message: "is a Node option; elsewhere configure the runtime's fetch, or pass your own `fetch`" },
      ]);
    }
  }
  return defaultSend;
}
