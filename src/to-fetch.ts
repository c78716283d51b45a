import type { CallContext, Send } from "./http.ts";

/**
 * The init key that carries a call's CallContext through openapi-fetch, which
 * copies unknown init keys onto the Request it builds.
 */
export const CONTEXT_KEY = "hwcloudContext";

/**
 * Turns the layer stack into the `fetch` that openapi-fetch calls, reading
 * the body once so the layers below can hash and re-send it.
 */
export function toFetch(send: Send): (input: Request) => Promise<Response> {
  return async (input) => {
    const context: CallContext = (input as Request & { [CONTEXT_KEY]?: CallContext })[CONTEXT_KEY] ?? { attempts: 0 };
    const body = input.body === null ? undefined : new Uint8Array(await input.arrayBuffer());
    return send({
      method: input.method,
      url: new URL(input.url),
      headers: input.headers,
      body,
      signal: input.signal,
      context,
    });
  };
}
