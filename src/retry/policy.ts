/**
 * The retry policy: which failed attempts deserve another, and how long to
 * wait first. Pure functions; the loop that applies them is retry/loop.ts.
 */
import { ConnectionError, HuaweiCloudError } from "../errors.ts";

export interface AttemptEvent {
  operation: string;
  /** 1-based number of the attempt about to be sent. */
  attempt: number;
  requestId: string;
}

export interface RetryEvent {
  operation: string;
  /** 1-based number of the attempt that just failed. */
  attempt: number;
  /** How long the client waits before the next attempt. */
  delayMs: number;
  /** Status of the failed attempt, when it got an answer. */
  status?: number;
  /** Error of the failed attempt, when it got no answer. */
  error?: unknown;
  requestId: string;
}

/** Retry settings a client or a single call may set. */
export interface RetryOptions {
  /** Attempts in all, the first one included (default 3). */
  maxAttempts: number;
  /** Ceiling of the first backoff, doubling on every retry (default 500 ms). */
  baseDelayMs: number;
  /** No wait is longer: a backoff is capped here, and a longer Retry-After ends retrying (default 20 s). */
  maxDelayMs: number;
  /** Time the whole call may take, attempts and waits included; unlimited when absent. */
  deadlineMs?: number;
  /** Statuses worth another attempt of an idempotent operation (default 408, 429, 500, 502, 503, 504). */
  retryOnStatus: readonly number[];
  /** Called before each attempt; what it throws, or a promise it returns rejects with, is ignored. */
  onAttempt?: (event: AttemptEvent) => void;
  /** Called before each wait between attempts; what it throws, or a promise it returns rejects with, is ignored. */
  onRetry?: (event: RetryEvent) => void;
}

/** Everything one call's retry loop reads, resolved once per call. */
export interface RetryPolicy extends RetryOptions {
  /** Time one attempt may take, the answer's body included. */
  attemptTimeoutMs: number;
  /** Whether the operation may be sent again after it may have reached the service. */
  idempotent: boolean;
  /** Source of jitter in [0, 1). */
  random: () => number;
  /** Waits `ms`, rejecting with `signal.reason` as soon as `signal` fires. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export const DEFAULT_RETRY: Readonly<RetryOptions> = Object.freeze({
  maxAttempts: 3,
  baseDelayMs: 500,
  maxDelayMs: 20_000,
  retryOnStatus: Object.freeze([408, 429, 500, 502, 503, 504]),
});

export const DEFAULT_TIMEOUT_MS = 30_000;

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

/**
 * Whether an answer deserves another attempt. An operation that is not
 * idempotent is sent again only after 429: the gateway throttled it before
 * any service acted on it.
 */
export function shouldRetryStatus(status: number, policy: Pick<RetryPolicy, "retryOnStatus" | "idempotent">): boolean {
  if (!policy.idempotent) return status === 429;
  return policy.retryOnStatus.includes(status);
}

/**
 * Whether a failure without an answer deserves another attempt: a
 * ConnectionError (a timeout included) that another attempt could mend, and
 * for an operation that is not idempotent only one whose request provably
 * never left. A HuaweiCloudError fails an attempt only as the refusal of the
 * credentials lookup before its request (the ECS metadata service's 503):
 * nothing was sent, so any operation tries again on a status worth it.
 * Anything else (a bug, a bad argument) is not a network failure.
 */
export function shouldRetryError(error: unknown, policy: Pick<RetryPolicy, "idempotent" | "retryOnStatus">): boolean {
  if (error instanceof HuaweiCloudError) return policy.retryOnStatus.includes(error.status);
  if (!(error instanceof ConnectionError) || !error.retryable) return false;
  return policy.idempotent || !error.requestSent;
}
