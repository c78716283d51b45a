/**
 * Timers and signals that bound a call. Listeners are only ever added to
 * signals the call made itself, never to the caller's own: a caller's signal
 * shared by a thousand calls would otherwise carry a thousand listeners.
 */

/** Largest delay setTimeout honours; a longer one would fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface Timer {
  signal: AbortSignal;
  clear(): void;
}

/** A signal that fires after `ms` with `reason()`; none when `ms` is not a positive number. */
export function startTimer(ms: number | undefined, reason: () => Error): Timer | undefined {
  if (ms === undefined || !(ms > 0)) return undefined;
  const controller = new AbortController();
  const id = setTimeout(() => controller.abort(reason()), Math.min(ms, MAX_TIMER_MS));
  return { signal: controller.signal, clear: () => clearTimeout(id) };
}

/**
 * A signal that fires when any of `signals` does. AbortSignal.any follows its
 * sources without adding listeners to them, so it is also how a call takes
 * its own copy of the caller's signal.
 */
export function anySignal(...signals: Array<AbortSignal | undefined>): AbortSignal | undefined {
  const present = signals.filter((signal): signal is AbortSignal => signal !== undefined);
  return present.length === 0 ? undefined : AbortSignal.any(present);
}

/** Waits `ms`; rejects with the signal's reason as soon as it fires. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(id);
      reject(signal?.reason);
    };
    const id = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, Math.min(ms, MAX_TIMER_MS));
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * `promise`, unless `signal` fires first: then the signal's reason. Bounds
 * code that may ignore its signal (a user's fetch or token function).
 */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}
