/**
 * The one loopback HTTP server of the tests and the bench: HTTP/1.1 (or HTTPS
 * with a certificate) on 127.0.0.1 and a free port. At its core a handler
 * answers each request, given the request with its body read whole; scripted
 * replies (`startScriptedServer`) are a small layer on that handler.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createTlsServer } from "node:https";
import type { AddressInfo, Socket } from "node:net";

/** What the server saw of one request, its body read whole. */
export interface LoopbackRequest {
  method: string;
  url: string;
  /** Lower-case names, as Node gives them; a repeated header's values joined with ", ". */
  headers: Record<string, string>;
  body: Buffer;
  socket: Socket;
  /** Settles when this request's socket closes. */
  socketClosed: Promise<void>;
}

export type Handler = (request: LoopbackRequest, response: ServerResponse) => void;

export interface ServerOptions {
  /** Serve HTTPS with this key and certificate. */
  tls?: { key: string; cert: string };
  /** Keep requests in `received` (the default; without it `waitForRequest` never settles); the bench sends too many to keep. */
  record?: boolean;
  keepAliveTimeout?: number;
}

export interface LoopbackServer {
  /** Base URL, e.g. http://127.0.0.1:39211 */
  origin: string;
  /** e.g. 127.0.0.1:39211 */
  host: string;
  port: number;
  /** Every request received, in arrival order; a test may empty it. */
  received: LoopbackRequest[];
  /** TCP connections accepted so far (TLS handshakes included, failed or not). */
  connections: () => number;
  /** Settles with the `count`-th request in `received` once it has arrived. */
  waitForRequest: (count: number) => Promise<LoopbackRequest>;
  /** The Node server itself, for what a handler cannot do (a proxy's CONNECT). */
  http: Server;
  close: () => Promise<void>;
}

/** Starts a server on 127.0.0.1 and a free port, answering every request with `handler`. */
export async function startServer(handler: Handler, options: ServerOptions = {}): Promise<LoopbackServer> {
  const received: LoopbackRequest[] = [];
  const waiting: { count: number; resolve: (request: LoopbackRequest) => void }[] = [];
  // One close listener per socket, shared by every request a keep-alive socket carries.
  const closes = new WeakMap<Socket, Promise<void>>();
  const closeOf = (socket: Socket) => {
    let closed = closes.get(socket);
    if (!closed) {
      closed = socket.destroyed ? Promise.resolve() : new Promise<void>((resolve) => socket.once("close", () => resolve()));
      closes.set(socket, closed);
    }
    return closed;
  };
  const record = (request: LoopbackRequest) => {
    received.push(request);
    for (const waiter of waiting.filter(({ count }) => received.length >= count)) {
      waiting.splice(waiting.indexOf(waiter), 1);
      waiter.resolve(received[waiter.count - 1]!);
    }
  };
  let connections = 0;
  const onRequest = (incoming: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    // A client that gives up mid-upload ends the exchange; the request is never handled.
    incoming.on("error", () => incoming.socket.destroy());
    incoming.on("end", () => {
      const request: LoopbackRequest = {
        method: incoming.method ?? "",
        url: incoming.url ?? "",
        headers: joinedHeaders(incoming.headers),
        body: Buffer.concat(chunks),
        socket: incoming.socket,
        socketClosed: closeOf(incoming.socket),
      };
      if (options.record !== false) record(request);
      handler(request, response);
    });
  };
  const server: Server = options.tls ? createTlsServer(options.tls, onRequest) : createServer(onRequest);
  if (options.keepAliveTimeout !== undefined) server.keepAliveTimeout = options.keepAliveTimeout;
  server.on("connection", () => connections++);
  // A client refusing the certificate ends the handshake; that is the test's point, not a server failure.
  server.on("tlsClientError", () => undefined);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `${options.tls ? "https" : "http"}://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    port,
    received,
    connections: () => connections,
    waitForRequest: (count) =>
      received.length >= count ? Promise.resolve(received[count - 1]!) : new Promise((resolve) => waiting.push({ count, resolve })),
    http: server,
    close: () =>
      new Promise((resolve) => {
        // Stalled and keep-alive connections would otherwise hold close() open.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function joinedHeaders(headers: IncomingMessage["headers"]): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(", ") : (value ?? "")]));
}

/** What a scripted server does with one request. */
export type Reply =
  /** Answer with this status; `headers` may carry a `Retry-After`. */
  | { status: number; headers?: Record<string, string>; body?: string }
  /** Drop the connection without answering, as a crashed proxy would. */
  | { reset: true }
  /** Send nothing until the client gives up or the server closes. */
  | { stall: true };

export const okReply: Reply = { status: 200, headers: { "content-type": "application/json" }, body: '{"ok":true}' };

/** A handler that answers every request with `reply`. */
export function replyWith(reply: Reply): Handler {
  return (request, response) => {
    if ("reset" in reply) return void request.socket.destroy();
    if ("stall" in reply) return;
    response.writeHead(reply.status, reply.headers);
    response.end(reply.body ?? "");
  };
}

export interface ScriptedServer extends LoopbackServer {
  /** Replies used in order, one per request, before the fallback applies. */
  enqueue(...replies: Reply[]): void;
  /** What to do once the queue is empty; `okReply` until set. */
  setFallback(reply: Reply | ((request: LoopbackRequest) => Reply)): void;
}

/** A server answering from a queue of replies, then from a fallback. */
export async function startScriptedServer(options: ServerOptions = {}): Promise<ScriptedServer> {
  const queue: Reply[] = [];
  let fallback = (_: LoopbackRequest): Reply => okReply;
  const server = await startServer((request, response) => replyWith(queue.shift() ?? fallback(request))(request, response), options);
  return {
    ...server,
    enqueue: (...replies) => void queue.push(...replies),
    setFallback: (reply) => {
      fallback = typeof reply === "function" ? reply : () => reply;
    },
  };
}

/** A port nothing listens on: bound once, then released. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Rejects if `promise` has not settled within `ms`, so a hanging socket fails fast. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Answers 200 with a head promising `total` bytes, then sends `chunk` every
 * `everyMs` until the client goes away: a body that drips.
 */
export function drip(total: number, everyMs: number, chunk = "x"): Handler {
  return (request, response) => {
    response.writeHead(200, { "content-type": "application/json", "content-length": String(total) });
    const timer = setInterval(() => response.write(chunk), everyMs);
    request.socket.once("close", () => clearInterval(timer));
  };
}

/**
 * Answers `status` with `total` bytes sent as fast as the client reads them,
 * and reports through `sent` how many bytes left before the client hung up.
 */
export function flood(status: number, total: number, options: { declareLength?: boolean } = {}): Handler & { sent: () => number } {
  let sent = 0;
  const handler: Handler = (request, response) => {
    response.writeHead(status, { "content-type": "application/json", ...(options.declareLength ? { "content-length": String(total) } : {}) });
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const pump = () => {
      while (sent < total && !request.socket.destroyed) {
        const piece = chunk.subarray(0, Math.min(chunk.length, total - sent));
        sent += piece.length;
        if (!response.write(piece)) return void response.once("drain", pump);
      }
      if (sent >= total) response.end();
    };
    pump();
  };
  return Object.assign(handler, { sent: () => sent });
}
