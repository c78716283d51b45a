/**
 * What the two Node transports (node:http directly, undici through a proxy)
 * share: how an answer's headers and body become an HttpResponse, and which
 * certificates they trust.
 */
import { readFileSync } from "node:fs";
import { rootCertificates } from "node:tls";

/** Answers that carry no body, whatever bytes came. */
export function hasNoBody(status: number, method: string): boolean {
  return status === 204 || status === 205 || status === 304 || method === "HEAD";
}

/** Node and undici list repeated headers (set-cookie) as arrays; one string per name here. */
export function joinHeaders(incoming: Readonly<Record<string, string | string[] | undefined>>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name in incoming) {
    const value = incoming[name];
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
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
