import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One request as the server received it. */
export interface RecordedRequest {
  method: string;
  url: string;
  /** Header names lower-cased, as Node gives them. */
  headers: Record<string, string>;
  body: Buffer;
}

/** What the server does with one request. */
export type Reply =
  /** Answer with this status; `headers` may carry a `Retry-After`. */
  | { status: number; headers?: Record<string, string>; body?: string }
  /** Drop the connection without answering, as a crashed proxy would. */
  | { reset: true }
  /** Send nothing until the client gives up or the server closes. */
  | { stall: true };

export type ReplyFor = (request: RecordedRequest, index: number) => Reply;

export interface FaultServer {
  /** Base URL, e.g. http://127.0.0.1:40123 */
  url: string;
  /** Every request received, in arrival order. */
  requests: RecordedRequest[];
  /** Replies used in order, one per request, before the fallback applies. */
  enqueue(...replies: Reply[]): void;
  /** What to do once the queue is empty; a success until set. */
  setFallback(reply: Reply | ReplyFor): void;
  /** Resolves once the server has seen at least `count` requests. */
  waitForRequests(count: number): Promise<void>;
  close(): Promise<void>;
}

export const okReply: Reply = { status: 200, headers: { "content-type": "application/json" }, body: '{"ok":true}' };

/** Starts a scriptable HTTP server on 127.0.0.1 with a free port. */
export async function startFaultServer(): Promise<FaultServer> {
  const requests: RecordedRequest[] = [];
  const queue: Reply[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  let fallback: ReplyFor = () => okReply;

  const server = createServer((incoming, outgoing) => {
    readBody(incoming).then((body) => {
      const request: RecordedRequest = {
        method: incoming.method ?? "",
        url: incoming.url ?? "",
        headers: Object.fromEntries(
          Object.entries(incoming.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(", ") : (value ?? "")]),
        ),
        body,
      };
      const index = requests.push(request) - 1;
      for (const waiter of waiters.filter((w) => requests.length >= w.count)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
      answer(queue.shift() ?? fallback(request, index), incoming, outgoing);
    }, () => incoming.socket.destroy());
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    enqueue: (...replies) => void queue.push(...replies),
    setFallback: (reply) => {
      fallback = typeof reply === "function" ? reply : () => reply;
    },
    waitForRequests: (count) =>
      requests.length >= count ? Promise.resolve() : new Promise((resolve) => waiters.push({ count, resolve })),
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Stalled and keep-alive connections would otherwise hold close() open.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function answer(reply: Reply, incoming: IncomingMessage, outgoing: ServerResponse): void {
  if ("reset" in reply) {
    incoming.socket.destroy();
    return;
  }
  if ("stall" in reply) return;
  outgoing.writeHead(reply.status, reply.headers);
  outgoing.end(reply.body ?? "");
}

async function readBody(incoming: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
