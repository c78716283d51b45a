/**
 * What the two Node transports (node:http, and undici's dispatcher for a busy
 * client or a proxy) share: how an answer's headers and body become an
 * HttpResponse, when a body is too long to read, and which certificates they trust.
 */
import { readFileSync } from "node:fs";
import { rootCertificates } from "node:tls";
import type { HttpRequest } from "../layers.ts";

/**
 * Answers that carry no body, whatever bytes came or length they announce
 * (a 304 may announce its 200's): each is whole at its head, and the
 * transports hand it up then, so stray bytes after it cannot fail it.
 */
export function hasNoBody(status: number, method: string): boolean {
  return status === 204 || status === 205 || status === 304 || method === "HEAD";
}

/** A head announcing a body longer than the cap: the transport fails at once, before a byte of the body is read. */
export function announcesTooLarge(request: Pick<HttpRequest, "maxResponseBytes">, contentLength: string | undefined): boolean {
  return Number(contentLength) > request.maxResponseBytes;
}

/** The answer's body from the chunks read, as one. */
export function answerBody(chunks: Buffer[], size: number): Uint8Array {
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
}

/** node:http lists repeated headers (set-cookie) as arrays; one string per name here. */
export function joinHeaders(incoming: Readonly<Record<string, string | string[] | undefined>>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name in incoming) {
    const value = incoming[name];
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return headers;
}

/** undici's raw `[name, value, ...]` buffers as lower-case names, repeated headers joined with ", ". */
export function joinRawHeaders(raw: Buffer[] | string[] | null): Record<string, string> {
  const headers: Record<string, string> = {};
  if (raw === null) return headers;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!.toString().toLowerCase();
    const value = raw[i + 1]!.toString();
    const previous = headers[name];
    headers[name] = previous === undefined ? value : `${previous}, ${value}`;
  }
  return headers;
}

/**
 * The trust roots for a `ca` option: Node replaces its store with a `ca`
 * given to it, so the system's roots and NODE_EXTRA_CA_CERTS are kept beside
 * it, making `ca` an addition. Undefined without a `ca`: Node's own store.
 */
export function trustRoots(ca: string | readonly string[] | undefined): string[] | undefined {
  if (ca === undefined) return undefined;
  return [...rootCertificates, ...extraCertificates(), ...(typeof ca === "string" ? [ca] : ca)];
}

/** NODE_EXTRA_CA_CERTS, which Node adds to its default store but not to a `ca` given in its place. */
function extraCertificates(): string[] {
  const file = process.env.NODE_EXTRA_CA_CERTS;
  if (!file) return [];
  try {
    return [readFileSync(file, "utf8")];
  } catch {
    return [];
  }
}
