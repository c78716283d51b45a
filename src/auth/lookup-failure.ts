import { ConnectionError, TimeoutError } from "../errors.ts";

/**
 * A failure of the credentials lookup that precedes a request (the ECS
 * metadata service unreachable or silent, a token endpoint down), as that
 * request's failure. A ConnectionError says the request was not sent, since
 * it was not: the retry layer may then send again a call that is not
 * idempotent, and its caller need not wonder whether it was acted on.
 * Anything else is passed on as it is.
 */
export function lookupFailure(error: unknown): unknown {
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
