import { parseOrText } from "../answer.ts";
import { passingTimeout, type Send } from "../layers.ts";
import { clockSkewOf, type SkewedClock } from "./clock-skew.ts";

const decoder = new TextDecoder();

/**
 * The layer above AK/SK signing that recovers from a wrong local clock: when
 * an answer refuses the signature for its date (see clockSkewOf), it adopts
 * the server's time on `clock`, which the signing layer below signs with,
 * and sends the request once more. The offset stays on the clock, so later
 * calls are signed right the first time. Resending is safe for any method:
 * the gateway refused the request before any service saw it.
 */
export function withSkewCorrection(next: Send, clock: SkewedClock): Send {
  // The resend goes under the same `request.timeout`, which ends when the attempt does.
  const layer: Send = async (request) => {
    const response = await next(request);
    if (response.status !== 401) return response;
    const body = parseOrText(response.body === null ? "" : decoder.decode(response.body));
    // Measured against the clock the request was signed on, not the local one: once the offset is known, a 401
    // whose Date header is as far from the local clock as the server always is says nothing about the clock.
    const drift = clockSkewOf({ status: response.status, headers: response.headers, body }, clock.now());
    if (drift === undefined) return response;
    clock.setOffset(clock.offsetMs + drift);
    return next(request);
  };
  return passingTimeout(layer, next);
}
