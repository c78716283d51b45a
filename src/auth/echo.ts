/**
 * Credentials a server echoes back. Some gateways and proxies quote the
 * refused request in their error answer (its headers, or the token in the
 * message), and that answer becomes a HuaweiCloudError a caller may log. The
 * auth layer knows what it sent, so it cuts those values out of every answer
 * that is not a 2xx before the answer goes up; a 2xx is the caller's data.
 */
import type { HttpResponse } from "../layers.ts";

/** What stands in for an echoed credential. */
export const REDACTED = "[redacted]";

/**
 * Shorter values are not looked for: no IAM token, security token or
 * Authorization value is this short, and cutting a short string out of an
 * error message would garble it.
 */
const SHORTEST_SECRET = 12;

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** `response`, with every occurrence of `secrets` in its headers and body replaced, unless it is a 2xx. */
export function withoutEchoes(response: HttpResponse, secrets: ReadonlyArray<string | undefined>): HttpResponse {
  if (response.status >= 200 && response.status <= 299) return response;
  const found = secrets.filter((secret): secret is string => secret !== undefined && secret.length >= SHORTEST_SECRET);
  if (found.length === 0) return response;
  const scrub = (text: string) => found.reduce((clean, secret) => clean.replaceAll(secret, REDACTED), text);
  let headers = response.headers;
  for (const name in response.headers) {
    const value = response.headers[name]!;
    const clean = scrub(value);
    if (clean !== value) headers = { ...headers, [name]: clean };
  }
  let body = response.body;
  if (body !== null && body.length > 0) {
    const text = decoder.decode(body);
    const clean = scrub(text);
    if (clean !== text) {
      body = encoder.encode(clean);
      if (headers["content-length"] !== undefined) headers = { ...headers, "content-length": String(body.length) };
    }
  }
  return headers === response.headers && body === response.body ? response : { ...response, headers, body };
}
