import { AbortError, ConnectionError } from "../errors.ts";
import type { Send } from "../http.ts";

/**
 * Adapts any WHATWG `fetch` (the global one, or a user's) to the layer
 * contract. A rejected fetch means no HTTP answer arrived, so it becomes a
 * ConnectionError; an aborted one is passed on as the abort it is.
 */
export function fromFetch(fetchImpl: typeof fetch = globalThis.fetch): Send {
  return async (request) => {
    try {
      return await fetchImpl(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        signal: request.signal,
      });
    } catch (error) {
      if (request.signal?.aborted) throw request.signal.reason;
      if (error instanceof AbortError || error instanceof ConnectionError) throw error;
      throw new ConnectionError(`connection to ${request.url.host} failed: ${describe(error)}`, {
        operation: request.context.operation,
        cause: error,
      });
    }
  };
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
