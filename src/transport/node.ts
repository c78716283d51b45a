/**
 * The Node transport: node:http and node:https with keep-alive agents, the
 * same machinery as the fastest plain Node call, for a client's first
 * requests; a busy client then moves to undici's dispatcher (undici.ts),
 * which takes about half the CPU time a call, once loading it has paid:
 * a script making a few calls never loads it. Idle sockets are unref'd by
 * both, so a script exits as soon as its last call ends.
 */
import http from "node:http";
import https from "node:https";
import type { Duplex } from "node:stream";
import { isLoopback } from "../endpoints.ts";
import { ConnectionError } from "../errors.ts";
import { enforcingTimeout, type HttpRequest, type HttpResponse, responseTooLarge, type Send } from "../layers.ts";
import { boundedExchange, whenLoaded } from "./bounded-exchange.ts";
import { toConnectionError } from "./network-error.ts";
import { announcesTooLarge, answerBody, hasNoBody, joinHeaders, trustRoots } from "./node-answer.ts";
import { createProxySend, proxyConfigured } from "./proxy.ts";
import { createDispatchSend, loadAgent } from "./undici.ts";

export interface NodeTransportOptions {
  /** Extra trust roots (PEM), besides the runtime's own and NODE_EXTRA_CA_CERTS. */
  ca?: string | readonly string[];
  /** Most sockets per origin (default unlimited). */
  maxSockets?: number;
  /** A proxy URL, or false for none; HTTPS_PROXY / HTTP_PROXY / NO_PROXY when absent. */
  proxy?: string | false;
  /**
   * Requests sent on node:http before undici's dispatcher is loaded for the
   * rest (default 64): 25-40 ms of loading, repaid by about 40 µs less CPU a
   * request within 1,000 requests. 0 loads it before the first request;
   * Infinity keeps node:http.
   */
  undiciAfter?: number;
}

const UNDICI_AFTER = 64;

/**
 * How long an idle keep-alive socket is kept, as undici keeps its own: shorter
 * than most servers keep theirs (Node's 5 s, proxies' 60 s), so a request is
 * rarely written into a socket the server is closing. It also makes node:http
 * honour a server's `Keep-Alive: timeout=N` (less a second), which an agent
 * with no timeout ignores: a request on a socket reset unread fails for good
 * when its operation is not idempotent.
 */
const IDLE_SOCKET_MS = 4000;

/**
 * Chooses on the first request, so proxy variables set after import count:
 * through the proxy when one is configured, else node:http directly.
 */
export function createNodeSend(options: NodeTransportOptions = {}): Send {
  let send: Send | undefined;
  let direct: Send | undefined;
  // Both ways enforce `request.timeout`.
  return enforcingTimeout((request) => {
    send ??= proxyConfigured({ proxy: options.proxy }) ? createProxySend({ proxy: options.proxy, ca: options.ca }) : (direct = createDirectSend(options));
    // Plain http is allowed to loopback because it stays on this machine: a proxy on another host would carry
    // the credentials across the network in clear, and reach its own loopback, not this one's.
    if (send !== direct && request.url.protocol === "http:" && isLoopback(request.url.hostname)) return (direct ??= createDirectSend(options))(request);
    return send(request);
  });
}

/** The transport `#transport` offers for client options; the same options mean the same thing everywhere it resolves. */
export const createDefaultSend = createNodeSend;

function createDirectSend(options: NodeTransportOptions): Send {
  let httpAgent: http.Agent | undefined;
  let httpsAgent: https.Agent | undefined;
  const ca = trustRoots(options.ca);
  const keepAlive = { keepAlive: true, timeout: IDLE_SOCKET_MS, maxSockets: options.maxSockets };
  const agentFor = (url: URL): http.Agent =>
    url.protocol === "https:"
      ? (httpsAgent ??= new https.Agent({ ...keepAlive, ...(ca ? { ca } : {}) }))
      : (httpAgent ??= new http.Agent(keepAlive));
  const viaHttp: Send = (request) => exchange(request, agentFor(request.url));
  // A failed load keeps node:http.
  const loadDispatch = () => loadAgent({ connections: options.maxSockets, ...(ca ? { connect: { ca } } : {}) }).then(createDispatchSend, () => viaHttp);
  const after = options.undiciAfter ?? UNDICI_AFTER;
  if (after === 0) return whenLoaded(loadDispatch());
  let sent = 0;
  let switched: Send | undefined;
  return (request) => {
    if (switched) return switched(request);
    // Loaded beside the calls in flight, which finish on node:http.
    if (++sent === after) void loadDispatch().then((send) => (switched = send));
    return viaHttp(request);
  };
}

/** One request and its whole answer, bounded by its signal and timeout (bounded-exchange.ts). */
function exchange(request: HttpRequest, agent: http.Agent): Promise<HttpResponse> {
  return boundedExchange(request, (ending) => {
    const { url } = request;
    const fail = (error: unknown) => ending.fail(toConnectionError(error, request) ?? error);
    const outgoing = (url.protocol === "https:" ? https : http).request(url, { method: request.method, headers: wireHeaders(request), agent });
    outgoing.on("error", fail);
    // node:http drops the socket of a 101 no request asked for and says nothing, leaving the call to its timeout.
    outgoing.on("upgrade", (_incoming: http.IncomingMessage, socket: Duplex) => {
      socket.destroy();
      ending.fail(new ConnectionError(`connection to ${url.host} failed: the server switched protocols (101), which was not asked for`, { operation: request.operation }));
    });
    outgoing.on("response", (incoming) => {
      const status = incoming.statusCode ?? 0;
      const answer = (body: Uint8Array | null) =>
        ending.answer({ status, statusText: incoming.statusMessage ?? "", headers: joinHeaders(incoming.headers), body });
      if (hasNoBody(status, request.method)) {
        // Drained, so the socket goes back to the pool.
        incoming.resume();
        return answer(null);
      }
      const tooLarge = () => ending.stop(responseTooLarge(request, status));
      if (announcesTooLarge(request, incoming.headers["content-length"])) return tooLarge();
      const chunks: Buffer[] = [];
      let size = 0;
      incoming.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > request.maxResponseBytes) return tooLarge();
        chunks.push(chunk);
      });
      incoming.on("error", fail);
      incoming.on("aborted", () => fail(cutShort()));
      incoming.on("end", () => (incoming.complete ? answer(answerBody(chunks, size)) : fail(cutShort())));
    });
    outgoing.end(request.body);
    return () => outgoing.destroy();
  });
}

/**
 * The request's headers as a flat `[name, value, ...]` list, Host first (the
 * URL's, unless the request names its own) and Content-Length last. Node
 * writes a list as given, checking each name and value as it writes it,
 * where an object goes through setHeader name by name: about 20 µs less a
 * call. A list gets no Host from Node, hence the one here.
 */
function wireHeaders(request: HttpRequest): string[] {
  const { headers, body } = request;
  const list = headers.host === undefined ? ["host", request.url.host] : [];
  for (const name in headers) list.push(name, headers[name]!);
  if (body !== undefined) list.push("content-length", String(body.length));
  return list;
}

/** An answer that ended before its announced length: a connection reset, as the network-error table reads it. */
function cutShort(): Error {
  return Object.assign(new Error("the answer was cut short"), { code: "ECONNRESET" });
}
