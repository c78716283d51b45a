/**
 * A client-wide retry budget: a token bucket in the manner of AWS SDK v3's
 * standard retry mode. Every retry spends tokens; while a service keeps
 * failing the bucket drains and retries stop, so a client never multiplies
 * the load on a service that is already down. Successes pay tokens back.
 */

export interface RetryBudgetOptions {
  /** Tokens in a full bucket. */
  capacity: number;
  /** Tokens one retry after an error response or a connection failure costs. */
  retryCost: number;
  /** Tokens one retry after a timeout costs: timeouts hint at a deeper outage. */
  timeoutCost: number;
  /** Tokens a call that succeeded at its first attempt gives back. */
  successRefill: number;
}

export interface RetryBudget {
  /** Takes the cost of one retry; false, taking nothing, when the bucket holds too little. */
  acquire(isTimeout: boolean): boolean;
  /** Gives back what the last retry of a call cost, once that retry succeeded. */
  release(isTimeout: boolean): void;
  /** Credits a call that succeeded without any retry. */
  recordSuccess(): void;
  /** Tokens left, for observability. */
  available(): number;
}

export function createRetryBudget({
  capacity = 500,
  retryCost = 5,
  timeoutCost = 10,
  successRefill = 1,
}: Partial<RetryBudgetOptions> = {}): RetryBudget {
  let tokens = capacity;
  const costOf = (isTimeout: boolean) => (isTimeout ? timeoutCost : retryCost);
  const refill = (amount: number) => {
    tokens = Math.min(capacity, tokens + amount);
  };
  return {
    acquire(isTimeout) {
      const cost = costOf(isTimeout);
      if (tokens < cost) return false;
      tokens -= cost;
      return true;
    },
    release: (isTimeout) => refill(costOf(isTimeout)),
    recordSuccess: () => refill(successRefill),
    available: () => tokens,
  };
}
