import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

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
  /** TCP connections accepted so far. */
  connections: () => number;
  /** Settles with the next request the server receives. */
  nextRequest: () => Promise<ReceivedRequest>;
  close: () => Promise<void>;
}

/** An HTTP/1.1 server on 127.0.0.1 and a free port, answering with `handler`. */
export async function startServer(handler: Handler): Promise<LoopbackServer> {
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
  const server = createServer((req, res) => {
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
  });
  server.on("connection", () => connections++);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
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
