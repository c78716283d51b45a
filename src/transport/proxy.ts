/**
 * Requests through an HTTP proxy, on undici's dispatcher (undici.ts), loaded
 * only when a proxy is configured: CONNECT tunnels for https, absolute-form requests
 * for http, HTTP_PROXY / HTTPS_PROXY / NO_PROXY (and lower case) read as
 * curl reads them (host and domain-suffix matches, `*`, ports).
 */
import type { Dispatcher, Pool } from "undici";
import { enforcingTimeout, type Send } from "../layers.ts";
import { whenLoaded } from "./bounded-exchange.ts";
import { PROXY_REFUSED_TUNNEL } from "./network-error.ts";
import { trustRoots } from "./node-answer.ts";
import { createDispatchSend } from "./undici.ts";

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

/** A transport through the proxy; undici's proxy agent is loaded on its first request. */
export function createProxySend(options: ProxyOptions): Send {
  let send: Send | undefined;
  return enforcingTimeout((request) => {
    send ??= whenLoaded(proxyDispatcher(options).then(createDispatchSend));
    return send(request);
  });
}

async function proxyDispatcher(options: ProxyOptions): Promise<Dispatcher> {
  // The whole package: CONNECT tunnels need the request API its index adds to every dispatcher.
  const undici = await import("undici");
  const env = options.env ?? process.env;
  const given = options.proxy === false ? undefined : options.proxy;
  const ca = trustRoots(options.ca);
  const tls = ca ? { ca } : undefined;
  return new undici.EnvHttpProxyAgent({
    // Empty counts as unset, as in curl.
    httpProxy: given || env.http_proxy || env.HTTP_PROXY || "",
    httpsProxy: given || env.https_proxy || env.HTTPS_PROXY || "",
    noProxy: env.no_proxy || env.NO_PROXY || "",
    // Plain http goes in absolute form, as curl sends it; https through a CONNECT tunnel.
    proxyTunnel: false,
    clientFactory: (origin: URL, poolOptions: Pool.Options) => failingUnopenedTunnels(new undici.Pool(origin, poolOptions)),
    ...(tls ? { connect: tls, requestTls: tls, proxyTls: tls } : {}),
  });
}

/**
 * A tunnel the proxy did not open, failed with a code network-error.ts reads
 * as "never sent", since no byte of the request left:
 * - the proxy dropping the connection before answering the CONNECT. undici 7
 *   takes that for a socket to try again, and sends the CONNECT again at once,
 *   thousands of times a second, until the attempt times out (undici issue
 *   3897); failed as undici's own fix (pull request 5441) fails it, with
 *   UND_ERR_PRX_CONN;
 * - the proxy answering the CONNECT with anything but 200 (407 wants other
 *   credentials, 502 could not reach the host), which undici reports as an
 *   aborted request, as though it might have been sent.
 */
function failingUnopenedTunnels(pool: Pool): Pool {
  const connect = pool.connect.bind(pool) as (options: Dispatcher.ConnectOptions) => Promise<Dispatcher.ConnectData>;
  const tunnel = (options: Dispatcher.ConnectOptions) =>
    connect(options).then(
      (data) => {
        if (data.statusCode === 200) return data;
        data.socket.on("error", () => {}).destroy();
        throw Object.assign(new Error(`the proxy refused to open a tunnel (${data.statusCode})`), {
          code: PROXY_REFUSED_TUNNEL,
          statusCode: data.statusCode,
        });
      },
      (error: unknown) => {
        if ((error as { code?: unknown }).code !== "UND_ERR_SOCKET") throw error;
        throw Object.assign(new Error("the proxy dropped the connection before opening a tunnel", { cause: error }), { code: "UND_ERR_PRX_CONN" });
      },
    );
  return Object.assign(pool, { connect: tunnel });
}
