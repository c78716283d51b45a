import type { IncomingHttpHeaders } from "node:http";

/**
 * CORS for pages that call the mock from another origin (a test page, a dev
 * server): any origin may call it and read its answers. Huawei's own
 * endpoints send none of this, which is why a browser app needs a proxy.
 */

/** The response headers the client reads besides the safelisted ones (Date: a 401's tells the server's clock). */
const EXPOSED_HEADERS = "X-Request-Id, Retry-After, Date";

/** A browser's preflight: OPTIONS with an Origin and the method the page wants to use. */
export function isPreflight(method: string | undefined, headers: IncomingHttpHeaders): boolean {
  return method === "OPTIONS" && headers.origin !== undefined && headers["access-control-request-method"] !== undefined;
}

/** What every answer to a cross-origin request carries; nothing when the request had no Origin. */
export function corsHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  if (headers.origin === undefined) return {};
  return { "Access-Control-Allow-Origin": headers.origin, "Access-Control-Expose-Headers": EXPOSED_HEADERS, Vary: "Origin" };
}

/** The answer to a preflight: the method and every header asked for are allowed, for ten minutes. */
export function preflightHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const allowed: Record<string, string> = {
    ...corsHeaders(headers),
    "Access-Control-Allow-Methods": headers["access-control-request-method"] ?? "",
    "Access-Control-Max-Age": "600",
    Vary: "Origin, Access-Control-Request-Method, Access-Control-Request-Headers",
  };
  const requested = headers["access-control-request-headers"];
  if (requested) allowed["Access-Control-Allow-Headers"] = requested;
  // Chrome asks before a page on a public or private address may reach loopback.
  if (headers["access-control-request-private-network"] === "true") allowed["Access-Control-Allow-Private-Network"] = "true";
  return allowed;
}
