/**
 * The misbehaving servers of the runtime fault test (faults.ts), started here
 * in Node on 127.0.0.1, and what a call to each must end in: the same typed
 * error on every runtime, but for what a runtime cannot tell (see `expected`).
 * Each answers a browser's preflight and lets any origin read its answers.
 */
import { gzipSync } from "node:zlib";
import { closedPort, drip, type Handler, type LoopbackServer, startServer } from "../helpers/loopback-server.ts";
import { selfSignedCertificate } from "../transport/tls-certificate.ts";
import type { FaultOutcome, FaultScenario } from "./faults.ts";

export type Runtime = "node" | "deno" | "bun" | "chromium";

/** What an outcome must hold; `maxMs` bounds how long the call took. */
type Expected = Partial<Omit<FaultOutcome, "name" | "ms">> & { maxMs?: number; minMs?: number };

interface Fault {
  name: string;
  handler?: Handler;
  /** A handler with state of its own, made anew for each run. */
  fresh?: () => Handler;
  tls?: boolean;
  /** Call a port nothing listens on, on this loopback address (default 127.0.0.1). */
  refused?: string;
  /** Only on these runtimes. */
  only?: Runtime[];
  call?: Omit<FaultScenario, "name" | "origin">;
  expected: Expected;
  /** Where a runtime gives another answer it cannot help: the difference, documented in README's Browsers. */
  differs?: Partial<Record<Runtime, Expected>>;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Handler => (_, response) => {
  response.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
};

const peering = { peering: { id: "a1b2c3", name: "faults", status: "ACTIVE" } };
const TIMEOUT = 600;
const timedOut: Expected = { error: "TimeoutError", requestSent: true, retryable: true, attempts: 1, maxMs: TIMEOUT + 1500 };
const tooLarge: Expected = { error: "ResponseTooLargeError", status: 200 };
// A browser says "Failed to fetch" for every failure before an answer: refused, untrusted, no TLS.
const browserBlind: Expected = { error: "ConnectionError", requestSent: true, retryable: true };

const FAULTS: Fault[] = [
  { name: "head stalls", handler: () => {}, call: { timeout: TIMEOUT }, expected: timedOut },
  {
    name: "body stalls",
    handler: (_, response) => void response.writeHead(200, { "content-type": "application/json", "content-length": "100" }).write('{"peering":'),
    call: { timeout: TIMEOUT },
    expected: timedOut,
  },
  { name: "body trickles", handler: drip(1_000_000, 50, " "), call: { timeout: TIMEOUT }, expected: timedOut },
  {
    name: "oversize body with Content-Length",
    handler: json(200, { ...peering, pad: "x".repeat(5000) }),
    call: { maxResponseBytes: 1000 },
    expected: tooLarge,
  },
  {
    name: "oversize body, chunked",
    handler: (_, response) => response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ...peering, pad: "x".repeat(5000) })),
    call: { maxResponseBytes: 1000 },
    expected: tooLarge,
  },
  {
    name: "oversize body, gzip",
    handler: (_, response) =>
      response.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" }).end(gzipSync(JSON.stringify({ ...peering, pad: "x".repeat(50_000) }))),
    call: { maxResponseBytes: 1000 },
    expected: tooLarge,
    // Node's transport asks for no encoding, so it refuses the gzip answer without decoding it.
    differs: { node: { error: "InvalidResponseError", status: 200 } },
  },
  {
    name: "corrupt gzip body",
    handler: (_, response) => response.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" }).end("not gzip at all"),
    call: { maxAttempts: 3 },
    expected: { error: "InvalidResponseError", status: 200, attempts: 1 },
    differs: { chromium: { error: "ConnectionError", requestSent: true, retryable: true, attempts: 3 } },
  },
  {
    name: "reset mid-body",
    handler: (request, response) => {
      response.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
      response.write('{"peering":', () => setTimeout(() => request.socket.resetAndDestroy(), 20));
    },
    expected: { error: "ConnectionError", requestSent: true, retryable: true },
  },
  {
    name: "HTML 502",
    handler: (_, response) => response.writeHead(502, { "content-type": "text/html" }).end("<html><body><h1>502 Bad Gateway</h1></body></html>"),
    expected: { error: "ServerError", status: 502 },
  },
  {
    name: "429 with Retry-After, then 200",
    fresh: () => {
      let calls = 0;
      return (request, response) =>
        calls++ === 0 ? json(429, { error_code: "APIGW.0308", error_msg: "throttled" }, { "retry-after": "1" })(request, response) : json(200, peering)(request, response);
    },
    call: { maxAttempts: 2 },
    expected: { minMs: 900 },
  },
  {
    name: "error echoing the credentials",
    handler: (request, response) =>
      json(401, { error_code: "APIGW.0301", error_msg: `bad ${request.headers["x-security-token"]} ${request.headers.authorization}` })(request, response),
    expected: { error: "AuthenticationError", status: 401, leaked: false },
  },
  { name: "connection refused", refused: "127.0.0.1", call: { maxAttempts: 1 }, expected: { error: "ConnectionError", requestSent: false, retryable: true }, differs: { chromium: browserBlind } },
  {
    name: "untrusted certificate",
    handler: json(200, peering),
    tls: true,
    call: { maxAttempts: 3 },
    expected: { error: "ConnectionError", requestSent: false, retryable: false, attempts: 1 },
    differs: { chromium: { ...browserBlind, attempts: 3 } },
  },
  // run.ts lets Deno reach 127.0.0.1 only: it refuses another address before connecting.
  {
    name: "host the runtime forbids",
    refused: "127.0.0.2",
    only: ["deno"],
    call: { maxAttempts: 3 },
    expected: { error: "ConnectionError", requestSent: false, retryable: false, attempts: 1 },
  },
  { name: "caller aborts", handler: () => {}, call: { abortAfterMs: 300 }, expected: { error: "AbortError", maxMs: 1800 } },
];

/** Lets a page on any origin call and read: preflights answered, every header allowed (Authorization must be named). */
function withCors(handler: Handler): Handler {
  return (request, response) => {
    response.setHeader("access-control-allow-origin", "*");
    response.setHeader("access-control-expose-headers", "*");
    if (request.method === "OPTIONS") {
      response.writeHead(204, {
        "access-control-allow-methods": request.headers["access-control-request-method"] ?? "",
        "access-control-allow-headers": request.headers["access-control-request-headers"] ?? "",
      });
      return void response.end();
    }
    handler(request, response);
  };
}

export interface FaultServers {
  scenarios: FaultScenario[];
  /** Problems with `outcomes`, one line each; empty when all is as expected. */
  check: (outcomes: FaultOutcome[]) => string[];
  close: () => Promise<void>;
}

/** The servers for one run on `runtime`, fresh so that no state carries over from another runtime's run. */
export async function startFaultServers(runtime: Runtime): Promise<FaultServers> {
  const faults = FAULTS.filter(({ only }) => only === undefined || only.includes(runtime));
  const servers: LoopbackServer[] = [];
  const scenarios: FaultScenario[] = [];
  for (const fault of faults) {
    let origin: string;
    if (fault.refused) origin = `http://${fault.refused}:${await closedPort()}`;
    else {
      const server = await startServer(withCors(fault.fresh?.() ?? fault.handler!), fault.tls ? { tls: selfSignedCertificate() } : {});
      servers.push(server);
      origin = fault.tls ? server.origin.replace("http:", "https:") : server.origin;
    }
    scenarios.push({ name: fault.name, origin, ...fault.call });
  }
  return {
    scenarios,
    check: (outcomes) =>
      faults.flatMap((fault) => {
        const outcome = outcomes.find(({ name }) => name === fault.name);
        if (!outcome) return [`${fault.name}: no outcome`];
        const { maxMs, minMs, ...fields } = { leaked: false, ...(fault.differs?.[runtime] ?? fault.expected) };
        const wrong = Object.entries(fields).filter(([key, value]) => outcome[key as keyof FaultOutcome] !== value);
        if (maxMs !== undefined && outcome.ms > maxMs) wrong.push(["ms", `at most ${maxMs}`]);
        if (minMs !== undefined && outcome.ms < minMs) wrong.push(["ms", `at least ${minMs}`]);
        if (fields.error === undefined && outcome.error !== undefined) wrong.push(["error", "none"]);
        return wrong.length === 0 ? [] : [`${fault.name}: expected ${wrong.map(([key, value]) => `${key} ${JSON.stringify(value)}`).join(", ")}; got ${JSON.stringify(outcome)}`];
      }),
    close: async () => {
      await Promise.all(servers.map((server) => server.close()));
    },
  };
}
