import * as defaultHash from "#crypto";
import { ALGORITHM, canonicalRequest, parseSdkDate, signature } from "../auth/signer.ts";

/** A signed request as a server received it, to be verified; Node's `IncomingMessage.headers` and a relative `req.url` fit. */
export interface SignedRequest {
  method: string;
  /** Absolute, or the path and query alone; the Host header, when present, is the signed host. */
  url: URL | string;
  headers: Headers | Record<string, string | string[] | undefined>;
  body?: Uint8Array | string;
}

export type Verification = { ok: true; ak: string } | { ok: false; reason: string };

const AUTHORIZATION = new RegExp(
  `^${ALGORITHM} Access=([^\\s,]+), SignedHeaders=([a-z0-9!#$%&'*+.^_\`|~-]+(?:;[a-z0-9!#$%&'*+.^_\`|~-]+)*), Signature=([0-9a-f]{64})$`,
);

/** The reason given for an X-Sdk-Date outside the allowed skew; the mock words it as Huawei's gateway does. */
export const CLOCK_SKEW_REASON = "X-Sdk-Date is outside the allowed clock skew";

/** Headers a signature must cover for the request to be worth anything. */
const MUST_SIGN = ["host", "x-sdk-date"];

/**
 * The server side of `SDK-HMAC-SHA256`, for the mock cloud and tests: it
 * rebuilds the canonical request from the headers the Authorization header
 * lists, in that order, and compares signatures in constant time. Reasons
 * never quote a key or a secret.
 */
export async function verifySignature(
  request: SignedRequest,
  lookupSecret: (ak: string) => string | undefined,
  now: Date,
  maxSkewMs: number = 15 * 60_000,
): Promise<Verification> {
  const headers = asWebHeaders(request.headers);
  if (!headers) return { ok: false, reason: "malformed headers" };
  const authorization = headers.get("authorization");
  if (authorization === null) return { ok: false, reason: "missing Authorization header" };
  const match = AUTHORIZATION.exec(authorization);
  if (!match) return { ok: false, reason: `Authorization header is not ${ALGORITHM}` };
  const [, ak = "", signedList = "", claimed = ""] = match;
  const signedNames = signedList.split(";");

  for (const name of MUST_SIGN) {
    if (!signedNames.includes(name)) return { ok: false, reason: `${name} is not signed` };
  }
  for (const name of ["x-security-token", "x-sdk-content-sha256"]) {
    if (headers.has(name) && !signedNames.includes(name)) return { ok: false, reason: `${name} is not signed` };
  }
  const url = toUrl(request.url);
  if (!url) return { ok: false, reason: "malformed request target" };
  // A request caught before the transport has no Host header yet; the transport sends the URL's.
  const host = headers.get("host") ?? (url.hostname === PLACEHOLDER_HOST ? null : url.host);
  const signed: [string, string][] = [];
  for (const name of signedNames) {
    const value = name === "host" ? host : headers.get(name);
    if (value === null) return { ok: false, reason: `signed header ${name} is missing` };
    signed.push([name, value]);
  }

  const sdkDate = headers.get("x-sdk-date") ?? "";
  const date = parseSdkDate(sdkDate);
  if (!date) return { ok: false, reason: "X-Sdk-Date is not YYYYMMDDTHHMMSSZ" };
  if (Math.abs(now.getTime() - date.getTime()) > maxSkewMs) {
    return { ok: false, reason: CLOCK_SKEW_REASON };
  }

  const secret = lookupSecret(ak);
  if (secret === undefined) return { ok: false, reason: "unknown access key" };

  const payloadHash = headers.get("x-sdk-content-sha256") ?? (await defaultHash.sha256Hex(request.body ?? ""));
  const expected = await signature(defaultHash, secret, sdkDate, canonicalRequest(request.method, url, signed, payloadHash));
  if (!constantTimeEqual(expected, claimed)) return { ok: false, reason: "signature mismatch" };
  return { ok: true, ak };
}

/** The headers as a web `Headers`; undefined when a name or value is not valid HTTP. */
function asWebHeaders(input: SignedRequest["headers"]): Headers | undefined {
  if (input instanceof Headers) return input;
  try {
    const headers = new Headers();
    for (const [name, value] of Object.entries(input)) {
      if (value === undefined) continue;
      for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
    }
    return headers;
  } catch {
    return undefined;
  }
}

const PLACEHOLDER_HOST = "request-target.invalid";

/** Only the path and query are read, so a bare request target gets a placeholder origin. */
function toUrl(target: URL | string): URL | undefined {
  if (target instanceof URL) return target;
  try {
    // Prefixed rather than resolved: "//a/b" is a path here, not a host.
    return new URL(target.startsWith("/") ? `http://${PLACEHOLDER_HOST}${target}` : target);
  } catch {
    return undefined;
  }
}

/** Compares two strings of equal length without stopping at the first difference. */
function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}
