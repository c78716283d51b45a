/**
 * Requests through an HTTP proxy, on undici, which is imported only when a
 * proxy is configured: CONNECT tunnels for https, absolute-form requests
 * for http, HTTP_PROXY / HTTPS_PROXY / NO_PROXY (and lower case) read as
 * curl reads them (host and domain-suffix matches, `*`, ports).
 */
import { startTimer } from "../abort.ts";
import { ResponseTooLargeError } from "../errors.ts";
import type { HttpRequest, HttpResponse, Send } from "../layers.ts";
import { toConnectionError } from "./network-error.ts";
import { hasNoBody, joinHeaders, trustRoots } from "./node-answer.ts";

export interface ProxyOptions {
  /** The proxy URL for every request (NO_PROXY still applies), or false for none; the environment's when absent. */
  proxy?: string | false;
  /** Extra trust roots (PEM) for the servers reached through the proxy, and for an https proxy. */
  ca?: string | readonly string[];
  env?: Readonly<Record<string, string | undefined>>;
}

const PROXY_VARIABLES = ["https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY"];

/** Whether requests may go through a proxy: one is given, or the environment names one. */
export function proxyConfigured(options: ProxyOptions): boolean {
  if (options.proxy === false) return false;
  if (options.proxy !== undefined) return true;
  const env = options.env ?? process.env;
  return PROXY_VARIABLES.some((name) => Boolean(env[name]));
}

/** A transport through the proxy; undici is loaded on its first request. */
export function createProxySend(options: ProxyOptions): Send {
  let dispatcher: Promise<import("undici").Dispatcher> | undefined;
  return async (request) => {
    // undici bounds a request by a signal: `request.timeout` becomes one here, made only on this rarer path.
    const timer = request.signal || !request.timeout ? undefined : startTimer(Math.max(request.timeout.endsAt - performance.now(), 1), request.timeout.error);
    try {
      return await proxied(request, timer?.signal ?? request.signal);
    } finally {
      timer?.clear();
    }
  };

  async function proxied(request: HttpRequest, signal: AbortSignal | undefined): Promise<HttpResponse> {
    if (signal?.aborted) throw signal.reason;
    dispatcher ??= proxyDispatcher(options);
    const undici = await import("undici");
    try {
      const answer = await undici.request(request.url, {
        dispatcher: await dispatcher,
        method: request.method as never,
        headers: request.headers,
        body: request.body,
        signal,
      });
      if (Number(answer.headers["content-length"]) > request.maxResponseBytes) {
        answer.body.destroy();
        throw new ResponseTooLargeError({ status: answer.statusCode, maxResponseBytes: request.maxResponseBytes, operation: request.operation });
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of answer.body) {
        size += (chunk as Buffer).length;
        if (size > request.maxResponseBytes) {
          answer.body.destroy();
          throw new ResponseTooLargeError({ status: answer.statusCode, maxResponseBytes: request.maxResponseBytes, operation: request.operation });
        }
        chunks.push(chunk as Buffer);
      }
      return toResponse(answer.statusCode, answer.headers, request.method, Buffer.concat(chunks, size));
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      throw toConnectionError(error, request) ?? error;
    }
  }
}

async function proxyDispatcher(options: ProxyOptions): Promise<import("undici").Dispatcher> {
  const { EnvHttpProxyAgent } = await import("undici");
  const env = options.env ?? process.env;
  const given = options.proxy === false ? undefined : options.proxy;
  const ca = trustRoots(options.ca);
  const tls = ca ? { ca } : undefined;
  return new EnvHttpProxyAgent({
    // Empty counts as unset, as in curl.
    httpProxy: given || env.http_proxy || env.HTTP_PROXY || "",
    httpsProxy: given || env.https_proxy || env.HTTPS_PROXY || "",
    noProxy: env.no_proxy || env.NO_PROXY || "",
    // Plain http goes in absolute form, as curl sends it; https through a CONNECT tunnel.
    proxyTunnel: false,
    ...(tls ? { connect: tls, requestTls: tls, proxyTls: tls } : {}),
  });
}

function toResponse(status: number, incoming: Record<string, string | string[] | undefined>, method: string, body: Uint8Array): HttpResponse {
  return { status, statusText: "", headers: joinHeaders(incoming), body: hasNoBody(status, method) ? null : body };
}
