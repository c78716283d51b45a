import * as defaultHash from "#crypto";
import { ValidationError } from "../errors.ts";
import { assertHeaderValue, isHeaders } from "../header-value.ts";

/**
 * Huawei Cloud's AK/SK request signature, `SDK-HMAC-SHA256`, computed
 * byte for byte as the official Node SDK core computes it for requests its
 * own client sends (see test/auth/signer.test.ts for where and why this
 * signer decodes the path first).
 *
 *   CanonicalRequest = Method \n CanonicalURI \n CanonicalQuery \n
 *                      CanonicalHeaders \n SignedHeaders \n HexSHA256(body)
 *   StringToSign     = "SDK-HMAC-SHA256" \n X-Sdk-Date \n HexSHA256(CanonicalRequest)
 *   Signature        = HexHMAC-SHA256(sk, StringToSign)
 */

export const ALGORITHM = "SDK-HMAC-SHA256";

/** The two digests the scheme needs; `#crypto` picks node:crypto or Web Crypto. */
export interface HashFunctions {
  sha256Hex(data: Uint8Array | string): Promise<string>;
  hmacSha256Hex(key: string, data: string): Promise<string>;
}

/** Hash functions that also prepare an HMAC key once for many messages, as both back-ends do. */
export interface PreparingHashFunctions extends HashFunctions {
  prepareHmacSha256Hex(key: string): (data: string) => Promise<string>;
}

/**
 * `hash`, with the HMAC key of the last secret it was given prepared once
 * and reused while the secret stays the same. One per client (its signing
 * layer's), which holds that secret anyway.
 */
export function reusingHmacKey(hash: PreparingHashFunctions): HashFunctions {
  let prepared: { key: string; hmac: (data: string) => Promise<string> } | undefined;
  return {
    sha256Hex: hash.sha256Hex,
    hmacSha256Hex: (key, data) => {
      if (prepared?.key !== key) prepared = { key, hmac: hash.prepareHmacSha256Hex(key) };
      return prepared.hmac(data);
    },
  };
}

export interface AccessKeys {
  /** Access key id; sent in clear in the Authorization header. */
  ak: string;
  /** Secret access key; only ever used as the HMAC key. */
  sk: string;
  /** Security token of temporary credentials, sent as X-Security-Token. */
  securityToken?: string | undefined;
}

export interface SignableRequest {
  method: string;
  url: URL | string;
  headers: Headers | Record<string, string>;
  body?: Uint8Array | string;
  /** Names the call in validation errors. */
  operation?: string;
}

/** Returns the headers to add: X-Sdk-Date, Authorization and, with a security token, X-Security-Token. */
export type Sign = (request: SignableRequest, credentials: AccessKeys, date: Date) => Promise<Record<string, string>>;

/**
 * A signer on the given hash functions, so each back-end can be tested on its
 * own. It checks its inputs (credentials, header values, the date) unless
 * `checked` says the caller already did: the client checks them once, in
 * createClient and when it builds each request, not again on every attempt.
 */
export function createSigner(hash: HashFunctions, inputs: "check" | "checked" = "check"): Sign {
  const check = inputs === "check";
  return async (request, credentials, date) => {
    const operation = request.operation ?? "sign";
    if (check) {
      assertCredentials(operation, credentials);
      if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
        throw new ValidationError(operation, [{ field: "date", rule: "format", message: "must be a valid Date" }]);
      }
    }
    const url = typeof request.url === "string" ? new URL(request.url) : request.url;
    const sdkDate = formatSdkDate(date);
    const entries = headersToSign(headerEntries(check ? operation : undefined, request.headers), url, sdkDate, credentials.securityToken);
    // A caller-set X-Sdk-Content-Sha256 (e.g. UNSIGNED-PAYLOAD) replaces the body hash, as in the SDK.
    const payloadHash = entries.get("x-sdk-content-sha256") ?? (await hash.sha256Hex(request.body ?? ""));
    const names = [...entries.keys()].sort();
    const canonical = canonicalRequest(request.method, url, names.map((name) => [name, entries.get(name)!] as const), payloadHash);
    const signatureHex = await signature(hash, credentials.sk, sdkDate, canonical);
    const added: Record<string, string> = {
      "X-Sdk-Date": sdkDate,
      Authorization: authorizationHeader(credentials.ak, names, signatureHex),
    };
    if (credentials.securityToken !== undefined) added["X-Security-Token"] = credentials.securityToken;
    return added;
  };
}

/** The signer on the runtime's own crypto. */
export const sign: Sign = createSigner(defaultHash);

/**
 * The client's signer, one per client: on the runtime's own crypto, preparing
 * each secret's HMAC key once, trusting the inputs the client has checked.
 */
export function createClientSigner(): Sign {
  return createSigner(reusingHmacKey(defaultHash), "checked");
}

/**
 * UTF-16 code unit order of the first item. The SDK orders its SignedHeaders
 * list this way (its canonical headers use localeCompare; see the tests).
 */
function byName(a: readonly [string, unknown], b: readonly [string, unknown]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}

/**
 * Every header present at signing time is signed, as the SDK does, plus
 * host (from the URL unless set), X-Sdk-Date and X-Security-Token. A
 * multipart content type is left out: the transport rewrites its boundary.
 */
function headersToSign(entries: Map<string, string>, url: URL, sdkDate: string, securityToken?: string): Map<string, string> {
  entries.delete("authorization");
  if (entries.get("content-type")?.includes("multipart/form-data")) entries.delete("content-type");
  if (!entries.has("host")) entries.set("host", url.host);
  entries.set("x-sdk-date", sdkDate);
  if (securityToken !== undefined) entries.set("x-security-token", securityToken);
  return entries;
}

function assertCredentials(operation: string, credentials: AccessKeys): void {
  assertHeaderValue(operation, "credentials.ak", credentials.ak, { required: true });
  if (typeof credentials.sk !== "string" || credentials.sk === "") {
    throw new ValidationError(operation, [
      { field: "credentials.sk", rule: "required", message: "must be a non-empty string" },
    ]);
  }
  if (credentials.securityToken !== undefined) {
    assertHeaderValue(operation, "credentials.securityToken", credentials.securityToken, { required: true });
  }
}

const HTTP_WHITESPACE = new Set([0x09, 0x0a, 0x0d, 0x20]);

/**
 * `value` without HTTP white space at either end. A loop, not a pattern: `[\t ]+$`
 * backtracks over every inner run of spaces, quadratic in its length (2 s for a 50 KB value).
 */
function trimHttpWhitespace(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && HTTP_WHITESPACE.has(value.charCodeAt(start))) start++;
  while (end > start && HTTP_WHITESPACE.has(value.charCodeAt(end - 1))) end--;
  return value.slice(start, end);
}

/**
 * Lower-case names and their values, as a fetch `Headers` holds them: values
 * trimmed, repeated names joined with ", ". A new map, so signing adds to it freely.
 */
/** `operation` names the call when values are to be checked; undefined when they were. */
function headerEntries(operation: string | undefined, headers: Headers | Record<string, string>): Map<string, string> {
  if (isHeaders(headers)) return new Map(headers);
  const entries = new Map<string, string>();
  for (const name in headers) {
    const value = headers[name]!;
    if (operation !== undefined) assertHeaderValue(operation, `header.${name}`, value);
    const lower = name.toLowerCase();
    const trimmed = trimHttpWhitespace(value);
    const previous = entries.get(lower);
    entries.set(lower, previous === undefined ? trimmed : `${previous}, ${trimmed}`);
  }
  return entries;
}

/**
 * The canonical request of already ordered `[lower-case name, value]` pairs;
 * the verifier passes them in the order the Authorization header lists them.
 */
export function canonicalRequest(
  method: string,
  url: URL,
  headers: ReadonlyArray<readonly [string, string]>,
  payloadHash: string,
): string {
  let lines = "";
  let names = "";
  for (const [name, value] of headers) {
    lines += `${name}:${value}\n`;
    names = names === "" ? name : `${names};${name}`;
  }
  return `${fetchMethod(method)}\n${canonicalUri(url.pathname)}\n${canonicalQueryString(url.search)}\n${lines}\n${names}\n${payloadHash}`;
}

export function stringToSign(sdkDate: string, canonicalRequestHash: string): string {
  return `${ALGORITHM}\n${sdkDate}\n${canonicalRequestHash}`;
}

/** Hex HMAC of the string to sign of `canonical`. */
export async function signature(hash: HashFunctions, sk: string, sdkDate: string, canonical: string): Promise<string> {
  return hash.hmacSha256Hex(sk, stringToSign(sdkDate, await hash.sha256Hex(canonical)));
}

export function authorizationHeader(ak: string, signedHeaders: readonly string[], signatureHex: string): string {
  return `${ALGORITHM} Access=${ak}, SignedHeaders=${signedHeaders.join(";")}, Signature=${signatureHex}`;
}

const FETCH_NORMALIZED_METHODS = new Set(["DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT"]);

/** The method as fetch puts it on the wire: these six upper-cased, any other as given. */
function fetchMethod(method: string): string {
  const upper = method.toUpperCase();
  return FETCH_NORMALIZED_METHODS.has(upper) ? upper : method;
}

/**
 * Each path segment percent-encoded (RFC 3986 unreserved characters kept),
 * always ending in "/". A URL's pathname is already escaped, so each segment
 * is first decoded back to the bytes the SDK would see raw; decoding bytes,
 * not text, keeps any escape that is not valid UTF-8 unchanged.
 */
export function canonicalUri(pathname: string): string {
  const path = UNRESERVED_PATH.test(pathname)
    ? pathname
    : pathname
        .split("/")
        .map((segment) => percentEncode(percentDecode(segment)))
        .join("/");
  return path.endsWith("/") ? path : `${path}/`;
}

/** A path of unreserved characters and "/" only encodes to itself: the common case, kept off the byte loop. */
const UNRESERVED_PATH = /^[A-Za-z0-9\-._~/]*$/;

/**
 * `key=value` pairs, sorted by decoded key then by value in UTF-16 code unit
 * order (the SDK sorts before encoding), repeated keys kept, both sides
 * percent-encoded, joined by "&". A key without "=" signs as `key=`.
 */
export function canonicalQueryString(search: string): string {
  if (search === "") return "";
  const groups = new Map<string, string[]>();
  for (const [key, value] of new URLSearchParams(search)) {
    const values = groups.get(key);
    if (values) values.push(value);
    else groups.set(key, [value]);
  }
  return [...groups]
    .sort(byName)
    .flatMap(([key, values]) => values.sort().map((value) => `${urlEncode(key)}=${urlEncode(value)}`))
    .join("&");
}

const encoder = new TextEncoder();
const HEX_UPPER = Array.from({ length: 256 }, (_, byte) => `%${byte.toString(16).toUpperCase().padStart(2, "0")}`);

/** RFC 3986 encoding of the UTF-8 bytes of `text`: everything but `A-Z a-z 0-9 - . _ ~` is escaped. */
export function urlEncode(text: string): string {
  return UNRESERVED_TEXT.test(text) ? text : percentEncode(encoder.encode(text));
}

/** Text of unreserved characters only encodes to itself: most query keys and values, kept off the byte loop. */
const UNRESERVED_TEXT = /^[A-Za-z0-9\-._~]*$/;

function percentEncode(bytes: Uint8Array): string {
  let out = "";
  for (const byte of bytes) out += isUnreserved(byte) ? String.fromCharCode(byte) : HEX_UPPER[byte];
  return out;
}

function isUnreserved(byte: number): boolean {
  return (
    (byte >= 0x61 && byte <= 0x7a) || // a-z
    (byte >= 0x41 && byte <= 0x5a) || // A-Z
    (byte >= 0x30 && byte <= 0x39) || // 0-9
    byte === 0x2d || // -
    byte === 0x2e || // .
    byte === 0x5f || // _
    byte === 0x7e // ~
  );
}

/** `%XX` escapes become their byte; anything else, including a stray "%", its UTF-8 bytes. */
function percentDecode(text: string): Uint8Array {
  if (!text.includes("%")) return encoder.encode(text);
  const bytes: number[] = [];
  for (const part of text.split(/(%[0-9A-Fa-f]{2})/)) {
    if (/^%[0-9A-Fa-f]{2}$/.test(part)) bytes.push(Number.parseInt(part.slice(1), 16));
    else bytes.push(...encoder.encode(part));
  }
  return Uint8Array.from(bytes);
}

/** `YYYYMMDDTHHMMSSZ` in UTC, the X-Sdk-Date format. */
export function formatSdkDate(date: Date): string {
  const year = date.getUTCFullYear();
  // Four-digit years need no padding; any other is left to toISOString's own form.
  if (year < 1000 || year > 9999) return date.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
  const month = TWO_DIGITS[date.getUTCMonth() + 1];
  const day = TWO_DIGITS[date.getUTCDate()];
  const time = `${TWO_DIGITS[date.getUTCHours()]}${TWO_DIGITS[date.getUTCMinutes()]}${TWO_DIGITS[date.getUTCSeconds()]}`;
  return `${year}${month}${day}T${time}Z`;
}

const TWO_DIGITS = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, "0"));

/** The instant an X-Sdk-Date names, or undefined when it is not a real `YYYYMMDDTHHMMSSZ` time. */
export function parseSdkDate(text: string): Date | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second] = match.map(Number) as number[];
  const date = new Date(Date.UTC(year!, month! - 1, day, hour, minute, second));
  // Date.UTC rolls 20240230 over to March; the round trip refuses it.
  return formatSdkDate(date) === text ? date : undefined;
}
