import { AbortError, ConnectionError, HwcloudTypedError, TimeoutError } from "./errors.ts";
import { copyRequest, type CallContext, type HttpRequest, type Send } from "./http.ts";
import type { RetryBudget } from "./retry-budget.ts";

/** Sent on every attempt of a call with the same value, so server logs can tie retries together. */
export const REQUEST_ID_HEADER = "X-Client-Request-Id";

export interface AttemptEvent {
  operation: string | undefined;
  /** 1-based number of the attempt about to be sent. */
  attempt: number;
  requestId: string;
}

export interface RetryEvent {
  operation: string | undefined;
  /** 1-based number of the attempt that just failed. */
  attempt: number;
  /** How long the layer waits before the next attempt. */
  delayMs: number;
  /** Status of the failed attempt, when it got an answer. */
  status?: number;
  /** Error of the failed attempt, when it got no answer. */
  error?: unknown;
  requestId: string;
}

export interface RetryOptions {
  /** Attempts in all, the first one included. */
  maxAttempts: number;
  /** Ceiling of the first backoff; it doubles on every retry. */
  baseDelayMs: number;
  /** No wait is longer: a backoff is capped here, and a longer Retry-After ends retrying. */
  maxDelayMs: number;
  /** Time one attempt may take until the response headers arrive. */
  attemptTimeoutMs: number;
  /** Time the whole call may take, attempts and waits included; unlimited when absent. */
  deadlineMs?: number;
  /** Statuses worth another attempt; no other answer is retried. */
  retryOnStatus: readonly number[];
  /** Retry even operations not marked idempotent; only for callers who know a repeat is harmless. */
  retryNonIdempotent: boolean;
  /** Called before each attempt. */
  onAttempt?: (event: AttemptEvent) => void;
  /** Called before each wait between attempts. */
  onRetry?: (event: RetryEvent) => void;
  /** Source of jitter in [0, 1); Math.random when absent. */
  random?: () => number;
  /** Waits `ms`, rejecting with `signal.reason` as soon as `signal` aborts; a timer when absent. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export const defaultRetryOptions: Readonly<RetryOptions> = Object.freeze({
  maxAttempts: 3,
  baseDelayMs: 500,
  maxDelayMs: 20_000,
  attemptTimeoutMs: 30_000,
  retryOnStatus: Object.freeze([408, 429, 500, 502, 503, 504]),
  retryNonIdempotent: false,
});

export type WithRetryOptions = Partial<RetryOptions> & { budget?: RetryBudget };

/**
 * Exponential backoff with full jitter: a uniform wait between 0 and
 * `baseDelayMs * 2^(retry-1)`, capped at `maxDelayMs`. Full jitter spreads
 * the retries of many clients that failed at the same moment.
 * `retry` is 1 for the wait before the second attempt.
 */
export function backoffDelay(
  retry: number,
  options: Pick<RetryOptions, "baseDelayMs" | "maxDelayMs">,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (Math.max(1, retry) - 1));
  return Math.floor(random() * ceiling);
}

/**
 * A Retry-After header in milliseconds: delta-seconds, or an HTTP date
 * (a date in the past means "now", 0). Undefined when absent or unreadable.
 */
export function parseRetryAfter(header: string | null | undefined, now: number = Date.now()): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  // Every HTTP date form starts with a day name; this keeps Date.parse from reading numbers as dates.
  if (!/^[A-Za-z]{3}/.test(value)) return undefined;
  // asctime dates carry no zone, yet are GMT by definition; Date.parse would read them as local time.
  const at = Date.parse(/GMT$/i.test(value) ? value : `${value} GMT`);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Error codes of Node and undici that mean no HTTP answer arrived. */
const NETWORK_ERROR_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
]);

/**
 * True for a failure to get any HTTP answer: a ConnectionError (TimeoutError
 * included), or a raw Node/undici error anywhere in the cause chain, for
 * transports that do not wrap their errors.
 */
export function isNetworkError(error: unknown): boolean {
  if (error instanceof AbortError) return false;
  if (error instanceof ConnectionError) return true;
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const { code, message, cause } = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === "string" && NETWORK_ERROR_CODES.has(code)) return true;
    if (typeof message === "string" && /socket hang up/i.test(message)) return true;
    current = cause;
  }
  return false;
}

/**
 * Whether one failed attempt deserves another: only for an operation known to
 * be idempotent (or when the caller waived that), and only after a network
 * failure, an attempt timeout or one of `retryOnStatus`.
 */
export function shouldRetry(
  outcome: { status: number } | { error: unknown },
  options: Pick<RetryOptions, "retryOnStatus" | "retryNonIdempotent">,
  context: Pick<CallContext, "idempotent">,
): boolean {
  if (context.idempotent !== true && !options.retryNonIdempotent) return false;
  return "status" in outcome ? options.retryOnStatus.includes(outcome.status) : isNetworkError(outcome.error);
}

/**
 * The retry layer. Wrap it around signing so that every attempt is signed
 * afresh: `withRetry(withSigning(transport))`. A budget, when given, should be
 * one per client, shared by all of its calls.
 */
export function withRetry(next: Send, clientOptions: WithRetryOptions = {}): Send {
  const { budget, ...clientRetry } = clientOptions;
  const forClient = { ...defaultRetryOptions, ...definedOnly(clientRetry) };
  return (request) => retrying(next, request, resolveOptions(forClient, request.context), budget);
}

type Outcome = { response: Response } | { error: unknown };

async function retrying(
  next: Send,
  request: HttpRequest,
  options: RetryOptions,
  budget: RetryBudget | undefined,
): Promise<Response> {
  const { operation } = request.context;
  const label = operation ?? `${request.method} ${request.url.pathname}`;
  const requestId = request.headers.get(REQUEST_ID_HEADER) ?? crypto.randomUUID();
  const sleep = options.sleep ?? abortableSleep;
  const deadlineAt = options.deadlineMs === undefined ? Infinity : Date.now() + options.deadlineMs;
  const deadline = startTimer(options.deadlineMs, () => new TimeoutError(`${label} exceeded its ${options.deadlineMs} ms deadline`, { operation }));
  const callSignal = anySignal(request.signal, deadline?.signal);
  let lastRetryWasTimeout = false;

  const stopped = (attempts: number): Error => {
    if (request.signal?.aborted) {
      return new AbortError(`${label} aborted`, { operation, attempts, cause: request.signal.reason });
    }
    return withAttempts(callSignal?.reason, attempts);
  };

  try {
    for (let attempt = 1; ; attempt++) {
      if (callSignal?.aborted) throw stopped(attempt - 1);
      request.context.attempts = attempt;
      options.onAttempt?.({ operation, attempt, requestId });

      const outcome = await attemptOnce(next, request, { requestId, attempt, label, timeoutMs: options.attemptTimeoutMs, callSignal });
      if ("error" in outcome && callSignal?.aborted) throw stopped(attempt);

      const retryable = shouldRetry("response" in outcome ? { status: outcome.response.status } : outcome, options, request.context);
      if (!retryable && "response" in outcome) {
        if (outcome.response.ok) {
          if (attempt === 1) budget?.recordSuccess();
          else budget?.release(lastRetryWasTimeout);
        }
        return outcome.response;
      }
      const isTimeout = "error" in outcome && outcome.error instanceof TimeoutError;
      const delayMs = retryable ? nextDelay(attempt, outcome, options, deadlineAt - Date.now()) : undefined;
      const giveUp =
        !retryable || attempt >= options.maxAttempts || delayMs === undefined || (budget !== undefined && !budget.acquire(isTimeout));
      if (giveUp) {
        if ("response" in outcome) return outcome.response;
        throw finalError(outcome.error, attempt, operation);
      }

      lastRetryWasTimeout = isTimeout;
      if ("response" in outcome) await discard(outcome.response);
      options.onRetry?.({
        operation,
        attempt,
        delayMs,
        ...("response" in outcome ? { status: outcome.response.status } : { error: outcome.error }),
        requestId,
      });
      try {
        await sleep(delayMs, callSignal);
      } catch (error) {
        throw callSignal?.aborted ? stopped(attempt) : error;
      }
    }
  } finally {
    deadline?.clear();
  }
}

async function attemptOnce(
  next: Send,
  request: HttpRequest,
  { requestId, attempt, label, timeoutMs, callSignal }: {
    requestId: string;
    attempt: number;
    label: string;
    timeoutMs: number;
    callSignal: AbortSignal | undefined;
  },
): Promise<Outcome> {
  const { operation } = request.context;
  const timer = startTimer(timeoutMs, () => new TimeoutError(`${label} attempt ${attempt} timed out after ${timeoutMs} ms`, { operation, attempts: attempt }));
  const attemptRequest = copyRequest(request, { signal: anySignal(callSignal, timer?.signal) });
  attemptRequest.headers.set(REQUEST_ID_HEADER, requestId);
  try {
    return { response: await next(attemptRequest) };
  } catch (error) {
    // A transport may surface its own abort error; the attempt timeout is what really happened.
    const timedOut = timer?.signal.aborted === true && callSignal?.aborted !== true;
    return { error: timedOut ? timer.signal.reason : error };
  } finally {
    timer?.clear();
  }
}

/** The wait before the next attempt, or undefined when waiting is pointless: past the cap or the deadline. */
function nextDelay(attempt: number, outcome: Outcome, options: RetryOptions, remainingMs: number): number | undefined {
  const hint = "response" in outcome ? parseRetryAfter(outcome.response.headers.get("retry-after")) : undefined;
  if (hint !== undefined && hint > options.maxDelayMs) return undefined;
  const delay = hint ?? backoffDelay(attempt, options, options.random);
  return delay < remainingMs ? delay : undefined;
}

/** The error a call ends in when it got no answer: typed, with the attempts made. */
function finalError(error: unknown, attempts: number, operation: string | undefined): unknown {
  if (isNetworkError(error) && !(error instanceof ConnectionError)) {
    return new ConnectionError(`${operation ?? "request"} failed: no answer after ${attempts} attempt(s)`, { operation, attempts, cause: error });
  }
  return withAttempts(error, attempts);
}

function withAttempts<T>(error: T, attempts: number): T {
  if (error instanceof HwcloudTypedError) error.attempts = attempts;
  return error;
}

/** The client's options, overridden by the call's; most calls override nothing and share the client's. */
function resolveOptions(client: RetryOptions, context: CallContext): RetryOptions {
  if (context.retry === undefined && context.timeout === undefined) return client;
  return {
    ...client,
    ...definedOnly(context.retry ?? {}),
    ...(context.timeout === undefined ? {} : { attemptTimeoutMs: context.timeout }),
  };
}

function definedOnly<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** Frees the connection of an answer that will not be read. */
async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

/** Largest delay setTimeout honours; longer ones would fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** An AbortSignal that fires after `ms` with `reason()`; none when `ms` is absent or not a positive finite number. */
function startTimer(ms: number | undefined, reason: () => Error): { signal: AbortSignal; clear: () => void } | undefined {
  if (ms === undefined || !(ms > 0) || !Number.isFinite(ms)) return undefined;
  const controller = new AbortController();
  const id = setTimeout(() => controller.abort(reason()), Math.min(ms, MAX_TIMER_MS));
  return { signal: controller.signal, clear: () => clearTimeout(id) };
}

function anySignal(...signals: (AbortSignal | undefined)[]): AbortSignal | undefined {
  const present = signals.filter((signal): signal is AbortSignal => signal !== undefined);
  return present.length <= 1 ? present[0] : AbortSignal.any(present);
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(id);
      reject(signal?.reason);
    };
    const id = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
