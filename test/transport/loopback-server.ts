import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createTlsServer } from "node:https";
import type { AddressInfo, Socket } from "node:net";
import type { Certificate } from "./tls-certificate.ts";

/** What the server saw of one request, body already read whole. */
export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: Buffer;
  socket: Socket;
  /** Settles when this request's socket closes. */
  socketClosed: Promise<void>;
}

export type Handler = (request: ReceivedRequest, response: ServerResponse) => void;

export interface LoopbackServer {
  /** Base URL, e.g. http://127.0.0.1:39211 */
  origin: string;
  host: string;
  received: ReceivedRequest[];
  /** TCP connections accepted so far (TLS handshakes included, failed or not). */
  connections: () => number;
  /** Settles with the next request the server receives. */
  nextRequest: () => Promise<ReceivedRequest>;
  close: () => Promise<void>;
}

/** An HTTP/1.1 server on 127.0.0.1 and a free port, answering with `handler`; HTTPS when given a certificate. */
export async function startServer(handler: Handler, options: { tls?: Certificate } = {}): Promise<LoopbackServer> {
  const received: ReceivedRequest[] = [];
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
  const waiting: ((request: ReceivedRequest) => void)[] = [];
  let connections = 0;
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const socket = req.socket;
      const request: ReceivedRequest = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks),
        socket,
        socketClosed: closeOf(socket),
      };
      received.push(request);
      waiting.shift()?.(request);
      handler(request, res);
    });
  };
  const server: Server = options.tls ? createTlsServer(options.tls, onRequest) : createServer(onRequest);
  server.on("connection", () => connections++);
  // A client refusing the certificate ends the handshake; that is the test's point, not a server failure.
  server.on("tlsClientError", () => undefined);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `${options.tls ? "https" : "http"}://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    received,
    connections: () => connections,
    nextRequest: () => new Promise((resolve) => waiting.push(resolve)),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
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

/** The rejection of `promise`; fails the test if it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail, but it succeeded");
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
  const handler = (request: ReceivedRequest, response: ServerResponse) => {
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
