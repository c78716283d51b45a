/**
 * The retry layer: sends a request, and again after a failure the policy
 * deems worth it, until an answer, the attempts run out, the deadline
 * passes or the caller aborts. Wrap it around authentication so every
 * attempt is signed afresh: `withRetry(withAuth(transport))`.
 */
import { anySignal, follow, startTimer, untilAborted } from "../abort.ts";
import { AbortError, ConnectionError, HuaweiCloudError, HwcloudTypedError, TimeoutError } from "../errors.ts";
import type { CredentialsLookup, HttpRequest, HttpResponse, Send } from "../layers.ts";
import type { RetryBudget } from "./budget.ts";
import { backoffDelay, parseRetryAfter, type RetryPolicy, shouldRetryError, shouldRetryStatus } from "./policy.ts";

/** Sent on every attempt of a call with the same value, so server logs can tie retries together. */
export const REQUEST_ID_HEADER = "x-client-request-id";

/** The final answer of a call, and how many attempts it took. */
export interface Attempted {
  response: HttpResponse;
  attempts: number;
}

export type RetryingSend = (request: HttpRequest, policy: RetryPolicy) => Promise<Attempted>;

type Outcome = { response: HttpResponse } | { error: unknown };

/** A budget, when given, should be one per client, shared by all of its calls. */
export function withRetry(next: Send, budget?: RetryBudget): RetryingSend {
  return async (request, policy) => {
    const { operation } = request;
    const requestId = request.headers[REQUEST_ID_HEADER] ?? crypto.randomUUID();
    // Whether an attempt so far may have sent the request, and the credentials lookup of the latest one.
    let sent = false;
    let lookup: CredentialsLookup | undefined;
    const deadline = startTimer(
      policy.deadlineMs,
      () => new TimeoutError(`${operation} exceeded its ${policy.deadlineMs} ms deadline`, { operation, requestSent: sent || lookup?.active !== true }),
    );
    const deadlineAt = policy.deadlineMs === undefined ? Infinity : Date.now() + policy.deadlineMs;
    // The call's own signal: listeners go on it, and the caller's gets one shared by all its calls.
    const caller = request.signal ? follow(request.signal) : undefined;
    const callSignal = caller && deadline ? anySignal(caller.signal, deadline.signal) : (caller?.signal ?? deadline?.signal);
    const stopped = (attempts: number): Error =>
      request.signal?.aborted
        ? new AbortError(`${operation} aborted`, { operation, attempts, cause: request.signal.reason })
        : withAttempts(callSignal?.reason, attempts);
    let lastRetryWasTimeout = false;
    const attemptRequest: HttpRequest = { ...request, headers: { ...request.headers, [REQUEST_ID_HEADER]: requestId } };

    try {
      for (let attempt = 1; ; attempt++) {
        if (callSignal?.aborted) throw stopped(attempt - 1);
        if (policy.onAttempt) observe(policy.onAttempt, { operation, attempt, requestId });
        // Only an attempt bounded by a signal can end while a layer below still waits for credentials.
        lookup = callSignal === undefined && next.enforcesTimeout === true ? undefined : { active: false };
        const outcome = await attemptOnce(next, attemptRequest, policy, attempt, callSignal, lookup);
        sent ||= !("error" in outcome && outcome.error instanceof ConnectionError && !outcome.error.requestSent);
        if ("error" in outcome && callSignal?.aborted) throw stopped(attempt);

        const retryable = "response" in outcome ? shouldRetryStatus(outcome.response.status, policy) : shouldRetryError(outcome.error, policy);
        if (!retryable && "response" in outcome) {
          if (outcome.response.status < 300) {
            if (attempt === 1) budget?.recordSuccess();
            else budget?.release(lastRetryWasTimeout);
          }
          return { response: outcome.response, attempts: attempt };
        }
        const isTimeout = "error" in outcome && outcome.error instanceof TimeoutError;
        const delayMs = retryable ? nextDelay(attempt, outcome, policy, deadlineAt - Date.now()) : undefined;
        const giveUp = delayMs === undefined || attempt >= policy.maxAttempts || (budget !== undefined && !budget.acquire(isTimeout));
        if (giveUp) {
          if ("response" in outcome) return { response: outcome.response, attempts: attempt };
          throw withAttempts(outcome.error, attempt);
        }

        lastRetryWasTimeout = isTimeout;
        if (policy.onRetry) {
          observe(policy.onRetry, {
            operation,
            attempt,
            delayMs,
            ...("response" in outcome ? { status: outcome.response.status } : { error: outcome.error }),
            requestId,
          });
        }
        try {
          await policy.sleep(delayMs, callSignal);
        } catch (error) {
          throw callSignal?.aborted ? stopped(attempt) : error;
        }
      }
    } finally {
      deadline?.clear();
      caller?.release();
    }
  };
}

/**
 * One attempt under its own timeout. The wait is bounded by the attempt's
 * signal even when a layer below ignores it (a user's fetch or token function).
 */
async function attemptOnce(
  next: Send,
  request: HttpRequest,
  policy: RetryPolicy,
  attempt: number,
  callSignal: AbortSignal | undefined,
  lookup: CredentialsLookup | undefined,
): Promise<Outcome> {
  const { operation } = request;
  const timedOut = () =>
    new TimeoutError(`${operation} attempt ${attempt} timed out after ${policy.attemptTimeoutMs} ms`, { operation, attempts: attempt, requestSent: lookup?.active !== true });
  if (lookup === undefined) {
    // Nothing to follow but the attempt's own time, and the layers below bound it themselves: no signal, listener or race.
    const ms = policy.attemptTimeoutMs;
    const timed = ms !== undefined && ms > 0 ? { ...request, timeout: { endsAt: performance.now() + ms, error: timedOut } } : request;
    try {
      return { response: await next(timed) };
    } catch (error) {
      return { error };
    }
  }
  const timer = startTimer(policy.attemptTimeoutMs, timedOut);
  const signal = callSignal && timer ? anySignal(callSignal, timer.signal) : (callSignal ?? timer?.signal);
  try {
    return { response: await untilAborted(next({ ...request, signal, lookup }), signal) };
  } catch (error) {
    // A layer may surface its own abort error; the attempt timeout is what really happened.
    const ranOut = timer?.signal.aborted === true && callSignal?.aborted !== true;
    return { error: ranOut ? timer.signal.reason : error };
  } finally {
    timer?.clear();
  }
}

/** The wait before the next attempt, or undefined when waiting is pointless: past the cap or the deadline. */
function nextDelay(attempt: number, outcome: Outcome, policy: RetryPolicy, remainingMs: number): number | undefined {
  const headers = "response" in outcome ? outcome.response.headers : outcome.error instanceof HuaweiCloudError ? outcome.error.headers : undefined;
  const hint = parseRetryAfter(headers?.["retry-after"]);
  if (hint !== undefined && hint > policy.maxDelayMs) return undefined;
  const delay = hint ?? backoffDelay(attempt, policy, policy.random);
  return delay < remainingMs ? delay : undefined;
}

/**
 * Calls a hook that watches the call. Its failure, thrown or a rejected
 * promise, is ignored: a broken logger must neither end a call whose request
 * may already have been acted on nor surface as an unhandled rejection.
 */
function observe<Event>(hook: (event: Event) => unknown, event: Event): void {
  try {
    const returned = hook(event);
    if (typeof (returned as PromiseLike<unknown> | undefined)?.then === "function") Promise.resolve(returned).catch(() => undefined);
  } catch {
    // Ignored, as above.
  }
}

function withAttempts<T>(error: T, attempts: number): T {
  if (error instanceof HwcloudTypedError) error.attempts = attempts;
  return error;
}
