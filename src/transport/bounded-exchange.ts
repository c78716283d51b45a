/**
 * What both Node transports do around one exchange: it ends once, with its
 * answer, a failure, the caller's signal or the attempt's timer, whichever
 * comes first; then the timer is cleared and the listener removed, and a
 * signal or timer that ended it also drops the exchange's connection.
 */
import { MAX_TIMER_MS } from "../abort.ts";
import type { HttpRequest, HttpResponse, Send } from "../layers.ts";

/** How an exchange in progress ends the call. */
export interface Ending {
  answer(response: HttpResponse): void;
  /** With `error`; the connection is the transport's to close (it failed, or closes itself). */
  fail(error: unknown): void;
  /** With `error`, dropping the connection through the exchange's `drop`. */
  stop(error: Error): void;
  /** Whether the call has already ended (the exchange may still be running). */
  ended(): boolean;
}

/**
 * Runs the exchange `start` begins under `request`'s signal and timeout.
 * `start` returns how to drop its connection; a throw from it fails the call.
 */
export function boundedExchange(request: HttpRequest, start: (ending: Ending) => (reason: Error) => void): Promise<HttpResponse> {
  const { signal, timeout } = request;
  if (signal?.aborted) return Promise.reject(signal.reason);
  if (timeout !== undefined && performance.now() >= timeout.endsAt) return Promise.reject(timeout.error());
  return new Promise((resolve, reject) => {
    let ended = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let drop: ((reason: Error) => void) | undefined;
    const end = (error: unknown, response?: HttpResponse) => {
      if (ended) return;
      ended = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      if (response) resolve(response);
      else reject(error);
    };
    const stop = (error: Error) => {
      end(error);
      drop?.(error);
    };
    const onAbort = () => stop(signal!.reason);
    signal?.addEventListener("abort", onAbort, { once: true });
    if (timeout !== undefined) timer = setTimeout(() => stop(timeout.error()), Math.min(timeout.endsAt - performance.now(), MAX_TIMER_MS));
    try {
      drop = start({
        answer: (response) => end(undefined, response),
        fail: (error) => end(error),
        stop,
        ended: () => ended,
      });
    } catch (error) {
      end(error);
    }
  });
}

/**
 * A transport still being loaded (undici takes 25-100 ms): requests that
 * wait for it are bounded by their signal and timeout too, then handed to it.
 */
export function whenLoaded(loading: Promise<Send>): Send {
  let ready: Send | undefined;
  loading.then(
    (send) => (ready = send),
    () => {},
  );
  return (request) =>
    ready
      ? ready(request)
      : boundedExchange(request, (ending) => {
          // A request whose call ended while it waited is never sent.
          loading.then((send) => (ending.ended() ? undefined : send(request).then(ending.answer, ending.fail)), ending.fail);
          return () => {};
        });
}
