import { parseErrorBody } from "../errors.ts";
import { isHeaders } from "../header-value.ts";
import { parseSdkDate } from "./signer.ts";

/**
 * Huawei's gateway refuses an X-Sdk-Date more than 15 minutes off its clock
 * with `401 APIGW.0301 Incorrect IAM authentication information: calc aksk
 * signature fail:signature expired, signature time:20211217T064303Z,server
 * time:20211217T065804Z`. These functions read such an answer so a client
 * can sign again on the server's time.
 */

/** A Date header this far from the local clock, on a 401, is taken as a refusal for skew whatever the text says. */
export const DATE_HEADER_SKEW_MS = 5 * 60_000;

export interface RefusedAnswer {
  status: number;
  /** Response headers; only Date is read. */
  headers: Headers | Readonly<Record<string, string | undefined>>;
  /** The parsed JSON body, or the text when it was not JSON. */
  body: unknown;
}

const EXPIRED = /signature expired/i;
const SERVER_TIME = /server time:\s*(\d{8}T\d{6}Z)/i;

/**
 * The server's clock minus the local one, in milliseconds, when `answer`
 * refuses an AK/SK signature for its date: a 401 whose message says the
 * signature expired, or whose Date header is more than 5 minutes from
 * `receivedAt`. Undefined for any other answer, and for a refusal that
 * names no server time, since signing again could not do better.
 * The message's `server time:` is preferred to the Date header: it is the
 * clock that judged the signature, while a proxy may rewrite Date.
 */
export function clockSkewOf(answer: RefusedAnswer, receivedAt: Date): number | undefined {
  if (answer.status !== 401) return undefined;
  const message = parseErrorBody(answer.body).message ?? "";
  const fromMessage = parseSdkDate(SERVER_TIME.exec(message)?.[1] ?? "");
  const fromHeader = dateHeader(answer.headers);
  const local = receivedAt.getTime();
  if (EXPIRED.test(message)) {
    const server = fromMessage ?? fromHeader;
    return server === undefined ? undefined : server.getTime() - local;
  }
  if (fromHeader !== undefined && Math.abs(fromHeader.getTime() - local) > DATE_HEADER_SKEW_MS) {
    return fromHeader.getTime() - local;
  }
  return undefined;
}

function dateHeader(headers: RefusedAnswer["headers"]): Date | undefined {
  const value = isHeaders(headers) ? headers.get("date") : Object.entries(headers).find(([name]) => name.toLowerCase() === "date")?.[1];
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * A clock that runs `offsetMs` ahead of the local one (behind when
 * negative), for signing on the server's time once a refusal revealed it.
 * One per client: the offset is that client's knowledge of its server.
 */
export interface SkewedClock {
  now(): Date;
  readonly offsetMs: number;
  /** Adopts a newly measured offset. */
  setOffset(offsetMs: number): void;
}

export function createSkewedClock(localNow: () => number = Date.now): SkewedClock {
  let offset = 0;
  return {
    now: () => new Date(localNow() + offset),
    get offsetMs() {
      return offset;
    },
    setOffset(offsetMs) {
      offset = offsetMs;
    },
  };
}
