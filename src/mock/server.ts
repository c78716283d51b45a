import { randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { services } from "../../generated/operations.ts";
import { parseOrText } from "../answer.ts";
import type { Endpoints } from "../endpoints.ts";
import { createAuthenticator, DEFAULT_MOCK_CREDENTIALS, type MockCredentials } from "./auth.ts";
import { corsHeaders, isPreflight, preflightHeaders } from "./cors.ts";
import { createFaultInjector, DEFAULT_SEED, type Faults } from "./faults.ts";
import { checkFaults, checkMockOptions } from "./options.ts";
import { createPipeline, type RequestFacts } from "./pipeline.ts";
import { gatewayError, type Reply } from "./responses.ts";
import { createRouter } from "./router.ts";
import { createStore, type MockResources } from "./store.ts";

export interface MockCloudOptions {
  /** Port to listen on; a free one when absent. */
  port?: number | undefined;
  /** Interface to listen on; loopback by default. */
  host?: string | undefined;
  /** Tokens and AK/SK pairs accepted; DEFAULT_MOCK_CREDENTIALS when absent. */
  credentials?: MockCredentials | undefined;
  /** Fault rules, or a function choosing a fault per request; none when absent. */
  faults?: Faults | undefined;
  /** Seed of the fault rules' PRNGs (default 1), so a `rate` gives the same faults on every run. */
  seed?: number | undefined;
  /** The mock's clock, for X-Sdk-Date skew checks, `updated_at` and the Date header; the real one when absent. */
  now?: (() => Date) | undefined;
  /** Runs the mock's clock this many milliseconds ahead of `now` (behind when negative), to test clock skew. */
  clockSkewMs?: number | undefined;
  /** How many requests `requests` keeps, the oldest dropped first (default 1,000). */
  maxLoggedRequests?: number | undefined;
  /** How much of each request body `requests` keeps, in bytes (default 64 KiB); a longer one is cut and marked. */
  maxLoggedBodyBytes?: number | undefined;
}

/** One request as the mock received and answered it. Credentials are never recorded. */
export interface RecordedRequest extends RequestFacts {
  method: string;
  /** Path and query as received. */
  path: string;
  /** Lower-cased headers, without Authorization, X-Auth-Token, X-Security-Token and cookies. */
  headers: Record<string, string>;
  /** The parsed JSON body, the raw text when it is not JSON, undefined when empty; cut text when longer than the log keeps. */
  body: unknown;
  /** True when `body` is the start of a longer body. */
  bodyTruncated?: boolean;
  /** Status answered; undefined while pending or when the connection was dropped. */
  status?: number;
  /** X-Request-Id of the answer. */
  requestId: string;
  /** Wall-clock time of arrival, in epoch milliseconds. */
  receivedAt: number;
}

export interface MockCloud {
  /** Base URL, e.g. http://127.0.0.1:40123 */
  url: string;
  /** The base URL of every service, for `createClient({ endpoints })`. */
  endpoints: Endpoints;
  /** The last `maxLoggedRequests` requests received (CORS preflights aside), in arrival order; clear it with `requests.length = 0`. */
  requests: RecordedRequest[];
  /** Path parameters of the seeded resource of each operation. */
  resources: MockResources;
  /** Replaces the fault rules (and restarts their counters and PRNGs); none when called without. */
  setFaults(faults?: Faults): void;
  close(): Promise<void>;
}

/** Huawei's gateway refuses bodies over 12 MB. */
const MAX_BODY_BYTES = 12 * 1024 * 1024;

const SECRET_HEADERS = new Set(["authorization", "x-auth-token", "x-security-token", "cookie", "proxy-authorization"]);

/** Starts a local stand-in for the Huawei Cloud services of the spec. */
export async function startMockCloud(options: MockCloudOptions = {}): Promise<MockCloud> {
  checkMockOptions(options);
  const clock = options.now ?? (() => new Date());
  const skew = options.clockSkewMs ?? 0;
  const now = skew === 0 ? clock : () => new Date(clock().getTime() + skew);
  const seed = options.seed ?? DEFAULT_SEED;
  let injector = createFaultInjector(options.faults, seed);
  const store = createStore();
  const pipeline = createPipeline({
    router: createRouter(),
    authenticate: createAuthenticator(options.credentials ?? DEFAULT_MOCK_CREDENTIALS, now),
    faults: () => injector,
    store,
    now,
  });
  const requests: RecordedRequest[] = [];
  const maxRequests = options.maxLoggedRequests ?? 1000;
  const maxBodyBytes = options.maxLoggedBodyBytes ?? 64 * 1024;
  const closing = new AbortController();

  const server = createServer((incoming, outgoing) => {
    // Preflights are the browser's, not calls to the cloud: answered, not recorded.
    if (isPreflight(incoming.method, incoming.headers)) {
      outgoing.writeHead(204, preflightHeaders(incoming.headers)).end();
      return;
    }
    for (const [name, value] of Object.entries(corsHeaders(incoming.headers))) outgoing.setHeader(name, value);
    const requestId = randomUUID();
    // Aborts a pending delay when the client leaves or the server closes.
    const gone = new AbortController();
    outgoing.on("close", () => gone.abort());
    const signal = AbortSignal.any([gone.signal, closing.signal]);
    // Only reading the body can still fail here: the client went away mid-request.
    serve(incoming, outgoing, requestId, signal).catch(() => outgoing.destroy());
  });

  async function serve(incoming: IncomingMessage, outgoing: ServerResponse, requestId: string, signal: AbortSignal) {
    const { bytes, tooLarge } = await readBody(incoming);
    const entry: RecordedRequest = {
      method: incoming.method ?? "",
      path: incoming.url ?? "",
      headers: recordableHeaders(incoming.headers),
      ...recordableBody(bytes, maxBodyBytes),
      requestId,
      receivedAt: Date.now(),
    };
    requests.push(entry);
    if (requests.length > maxRequests) requests.splice(0, requests.length - maxRequests);
    let reply: Reply | undefined;
    try {
      reply = tooLarge
        ? gatewayError("tooLarge", requestId)
        : await pipeline({ method: entry.method, target: entry.path, headers: incoming.headers, body: bytes }, requestId, signal, entry);
    } catch (error) {
      reply = internalError(error, requestId);
    }
    if (!reply) {
      incoming.socket.destroy();
      return;
    }
    entry.status = reply.status;
    write(outgoing, reply, requestId, now());
  }

  // Requests Node's parser refuses (an unknown method, a malformed line) still get the gateway's JSON.
  server.on("clientError", (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy();
    const reply = error.code === "HPE_INVALID_METHOD" ? gatewayError("badMethod", randomUUID()) : gatewayError("badPath", randomUUID(), "malformed request");
    const text = JSON.stringify(reply.body);
    socket.end(
      `HTTP/1.1 ${reply.status} ${reply.status === 405 ? "Method Not Allowed" : "Bad Request"}\r\nContent-Type: application/json;charset=UTF-8\r\n` +
        `Content-Length: ${Buffer.byteLength(text)}\r\nX-Request-Id: ${(reply.body as { request_id: string }).request_id}\r\nConnection: close\r\n\r\n${text}`,
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { address, port } = server.address() as AddressInfo;
  const url = `http://${address.includes(":") ? `[${address}]` : address}:${port}`;

  return {
    url,
    endpoints: Object.fromEntries(Object.keys(services).map((service) => [service, url])) as Endpoints,
    requests,
    resources: store.resources,
    setFaults(faults) {
      checkFaults(faults);
      injector = createFaultInjector(faults, seed);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Closing twice is harmless, so test teardown can close whatever is still open.
        if (!server.listening) return resolve();
        closing.abort();
        // Keep-alive and delayed connections would otherwise hold close() open.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** A bug in the mock itself, answered rather than hidden behind a dropped connection. */
function internalError(error: unknown, requestId: string): Reply {
  const message = error instanceof Error ? error.message : String(error);
  return { status: 500, body: { error_code: "MOCK.0500", error_msg: `Mock cloud internal error: ${message}`, request_id: requestId } };
}

/** The Date header tells the mock's clock, as a gateway's tells its own: clients read it to correct skew. */
function write(outgoing: ServerResponse, reply: Reply, requestId: string, at: Date): void {
  if (reply.body === undefined) {
    // A success declared without content (204): headers only.
    outgoing.writeHead(reply.status, { Date: at.toUTCString(), ...reply.headers, "X-Request-Id": requestId });
    outgoing.end();
    return;
  }
  const text = JSON.stringify(reply.body);
  outgoing.writeHead(reply.status, {
    Date: at.toUTCString(),
    ...reply.headers,
    "Content-Type": "application/json;charset=UTF-8",
    "Content-Length": Buffer.byteLength(text),
    "X-Request-Id": requestId,
  });
  outgoing.end(text);
}

/** The body bytes, or only the fact that there were too many; the rest is drained unread. */
async function readBody(incoming: IncomingMessage): Promise<{ bytes: Uint8Array; tooLarge: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of incoming) {
    size += (chunk as Buffer).length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk as Buffer);
  }
  return size > MAX_BODY_BYTES ? { bytes: new Uint8Array(0), tooLarge: true } : { bytes: Buffer.concat(chunks), tooLarge: false };
}

function recordableHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || SECRET_HEADERS.has(name)) continue;
    kept[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return kept;
}

function recordableBody(bytes: Uint8Array, maxBytes: number): Pick<RecordedRequest, "body" | "bodyTruncated"> {
  if (bytes.length === 0) return { body: undefined };
  // Decoded as a stream, so a character the cut splits is left out rather than turned into U+FFFD.
  if (bytes.length > maxBytes) return { body: new TextDecoder().decode(bytes.subarray(0, maxBytes), { stream: true }), bodyTruncated: true };
  return { body: parseOrText(Buffer.from(bytes).toString("utf8")) };
}
