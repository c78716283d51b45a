import { ConnectionError, TimeoutError } from "../errors.ts";
import type { HttpRequest } from "../layers.ts";

/**
 * Waits for the credentials a request is to be sent with, marking the
 * attempt's lookup active meanwhile (see HttpRequest.lookup); a failure is
 * the request's, as lookupFailure says.
 */
export async function lookUpFor<T>(request: HttpRequest, lookup: () => T | Promise<T>): Promise<T> {
  const state = request.lookup;
  if (state) state.active = true;
  try {
    return await lookup();
  } catch (error) {
    throw lookupFailure(error);
  } finally {
    // An attempt that ended during the lookup sends nothing after it: it stays marked as unsent.
    if (state && request.signal?.aborted !== true) state.active = false;
  }
}

/**
 * A failure of the credentials lookup that precedes a request (the ECS
 * metadata service unreachable or silent, a token endpoint down), as that
 * request's failure. A ConnectionError says the request was not sent, since
 * it was not: the retry layer may then send again a call that is not
 * idempotent, and its caller need not wonder whether it was acted on.
 * Anything else is passed on as it is.
 */
function lookupFailure(error: unknown): unknown {
  if (!(error instanceof ConnectionError) || !error.requestSent) return error;
  const Kind = error instanceof TimeoutError ? TimeoutError : ConnectionError;
  return new Kind(error.message, {
    operation: error.operation,
    attempts: error.attempts,
    cause: error.cause,
    requestSent: false,
    retryable: error.retryable,
  });
}
