/**
 * The transport contract: what every transport (the Node one, `fromFetch`,
 * and any later one) must do, checked against real HTTP/1.1 and HTTPS
 * servers on 127.0.0.1. `describeTransportContract` checks the layer
 * contract of the transport alone; `describeClientFaults` checks what a
 * caller of `createClient` sees over that transport when a server misbehaves
 * (issue 12, the items named in each title).
 */
import { randomBytes } from "node:crypto";
import { inspect } from "node:util";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  type ClientOptions,
  ConnectionError,
  createClient,
  type Endpoints,
  HuaweiCloudError,
  InvalidResponseError,
  ResponseTooLargeError,
  TimeoutError,
} from "../../src/index.ts";
import { serviceNames } from "../../src/endpoints.ts";
import type { HttpRequest, Send } from "../../src/layers.ts";
import { closedPort, drip, flood, type Handler, within } from "../helpers/loopback-server.ts";
import { useServers } from "../helpers/use-loopback.ts";
import { rejectionOf } from "../helpers/thrown.ts";
import { selfSignedCertificate } from "./tls-certificate.ts";

/** A transport as the contract sees it: how to make its Send, and how to ask createClient for it. */
export interface TransportUnderTest {
  name: string;
  createSend: () => Send;
  clientOptions: Pick<ClientOptions, "fetch">;
}

export const TOKEN = "secret-token-value-8d1f";
const MiB = 1024 * 1024;

/** A request as the layers above a transport hand it over. */
export function requestTo(url: string, init: Partial<Omit<HttpRequest, "url">> = {}): HttpRequest {
  return { method: "GET", headers: {}, operation: "UpdateVpcPeering", maxResponseBytes: 10 * MiB, ...init, url: new URL(url) };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}): Handler => (_, response) => {
  response.writeHead(status, { "content-type": "application/json", ...headers });
  response.end(JSON.stringify(body));
};

const echo: Handler = (request, response) => {
  response.writeHead(200, { "content-type": request.headers["content-type"] ?? "application/octet-stream" });
  response.end(request.body);
};

const silent: Handler = () => {};

/** Writes the head and part of the body, then drops the connection. */
const resetMidBody: Handler = (request, response) => {
  response.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
  response.write('{"peering":', () => setTimeout(() => request.socket.destroy(), 10));
};

const text = (body: Uint8Array | null) => new TextDecoder().decode(body ?? new Uint8Array());

export function describeTransportContract(transport: TransportUnderTest): void {
  const serve = useServers();
  const send = (request: HttpRequest) => transport.createSend()(request);

  describe("sending", () => {
    it("sends the method, path, query and headers", async () => {
      const server = await serve((_, response) => response.end());
      await send(requestTo(`${server.origin}/v1/peerings/p-1?limit=2&marker=x`, { method: "DELETE", headers: { "x-one": "1", "x-many": "a, b" } }));
      const [received] = server.received;
      expect(received?.method).toBe("DELETE");
      expect(received?.url).toBe("/v1/peerings/p-1?limit=2&marker=x");
      expect(received?.headers["x-one"]).toBe("1");
      expect(received?.headers["x-many"]).toBe("a, b");
    });

    it("delivers a large request body whole, byte for byte, with its length", async () => {
      const server = await serve((request, response) => response.end(String(request.body.length)));
      const body = new Uint8Array(randomBytes(3 * MiB + 7));
      const response = await send(requestTo(`${server.origin}/upload`, { method: "PUT", body }));
      expect(text(response.body)).toBe(String(body.length));
      expect(server.received[0]?.body.equals(body)).toBe(true);
      expect(server.received[0]?.headers["content-length"]).toBe(String(body.length));
    });
  });

  describe("answers", () => {
    it("returns the status and status text", async () => {
      const server = await serve((_, response) => {
        response.writeHead(202, "Accepted For Later");
        response.end();
      });
      const response = await send(requestTo(server.origin));
      expect(response.status).toBe(202);
      expect(response.statusText).toBe("Accepted For Later");
    });

    it("returns every header under its lower-case name, repeated ones joined", async () => {
      const server = await serve((_, response) => {
        response.setHeader("X-Request-Id", "req-42");
        response.setHeader("x-repeated", ["first", "second"]);
        response.end();
      });
      const { headers } = await send(requestTo(server.origin));
      expect(headers["x-request-id"]).toBe("req-42");
      expect(headers["x-repeated"]).toBe("first, second");
      expect(Object.keys(headers).every((name) => name === name.toLowerCase())).toBe(true);
    });

    it("returns the body read whole, to the exact bytes", async () => {
      const server = await serve(echo);
      const body = new TextEncoder().encode(JSON.stringify({ peering: { name: "péering-✓", description: "multi-byte 🚀" } }));
      const response = await send(requestTo(server.origin, { method: "PUT", headers: { "content-type": "application/json;charset=UTF-8" }, body }));
      expect(response.headers["content-type"]).toBe("application/json;charset=UTF-8");
      expect(Buffer.from(response.body!).equals(body)).toBe(true);
    });

    it("returns a large body whole", async () => {
      const payload = randomBytes(2 * MiB + 3);
      const server = await serve((_, response) => response.end(payload));
      const response = await send(requestTo(server.origin));
      expect(Buffer.from(response.body!).equals(payload)).toBe(true);
    });

    it("gives a 204 and a HEAD answer no body, whatever length a HEAD announces", async () => {
      const server = await serve((request, response) => {
        response.writeHead(request.method === "HEAD" ? 200 : 204, { "content-length": request.method === "HEAD" ? "1234" : "0" });
        response.end();
      });
      expect((await send(requestTo(server.origin, { method: "DELETE" }))).body).toBeNull();
      const head = await send(requestTo(server.origin, { method: "HEAD" }));
      expect(head.headers["content-length"]).toBe("1234");
      expect(head.body).toBeNull();
    });

    it("gives a 304 no body, though it announces the length of the 200 it stands for (RFC 9110, 8.6)", async () => {
      const server = await serve((request) => request.socket.write('HTTP/1.1 304 Not Modified\r\netag: "v1"\r\ncontent-length: 1234\r\n\r\n'));
      const response = await within(send(requestTo(server.origin, { headers: { "if-none-match": '"v1"' } })), 3000, "the answer");
      expect(response.status).toBe(304);
      expect(response.headers.etag).toBe('"v1"');
      expect(response.body).toBeNull();
    });

    it("gives a 204 its head alone, when the server sends bytes after it, which a 204 cannot carry", async () => {
      const server = await serve((request) => request.socket.write("HTTP/1.1 204 No Content\r\nx-request-id: req-204\r\ncontent-length: 2\r\n\r\n{}"));
      const response = await within(send(requestTo(server.origin, { method: "PUT", body: new Uint8Array([1]) })), 3000, "the answer");
      expect(response.status).toBe(204);
      expect(response.headers["x-request-id"]).toBe("req-204");
      expect(response.body).toBeNull();
    });

    it("skips an informational answer (103 Early Hints) before the final one, whatever length it announces", async () => {
      const body = '{"peering":{"id":"p-1"}}';
      const server = await serve((request) =>
        request.socket.write(
          "HTTP/1.1 103 Early Hints\r\nlink: </a.css>; rel=preload\r\ncontent-length: 4096\r\n\r\n" +
            `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n${body}`,
        ),
      );
      const response = await within(send(requestTo(server.origin, { maxResponseBytes: 1024 })), 3000, "the answer");
      expect(response.status).toBe(200);
      expect(response.headers.link).toBeUndefined();
      expect(text(response.body)).toBe(body);
    });

    it("gives an empty 200 an empty body", async () => {
      const server = await serve((_, response) => response.end());
      const response = await send(requestTo(server.origin));
      expect(response.status).toBe(200);
      expect(response.body?.length ?? 0).toBe(0);
    });

    it("passes error statuses up as answers, body intact", async () => {
      const server = await serve(json({ error_code: "VPC.0202", error_msg: "not found" }, 404));
      const response = await send(requestTo(server.origin));
      expect(response.status).toBe(404);
      expect(JSON.parse(text(response.body))).toEqual({ error_code: "VPC.0202", error_msg: "not found" });
    });

    it.each([301, 302, 303, 307, 308])("returns a %i as it is, never following it to its Location", async (status) => {
      const elsewhere = await serve(json({ stolen: true }));
      const server = await serve((_, response) => {
        response.writeHead(status, { location: `${elsewhere.origin}/steal` });
        response.end();
      });
      const response = await send(requestTo(server.origin, { method: "PUT", headers: { "x-auth-token": TOKEN }, body: new Uint8Array([1]) }));
      expect(response.status).toBe(status);
      expect(response.headers.location).toBe(`${elsewhere.origin}/steal`);
      expect(elsewhere.connections()).toBe(0);
    });
  });

  describe("keep-alive", () => {
    it("reuses one socket for consecutive calls", async () => {
      const server = await serve(echo);
      const reused = transport.createSend();
      for (let i = 0; i < 5; i++) {
        const response = await reused(requestTo(server.origin, { method: "PUT", body: new TextEncoder().encode(`{"i":${i}}`) }));
        expect(text(response.body)).toBe(`{"i":${i}}`);
        // Some pools take the socket back one turn after the answer ends.
        await new Promise((resolve) => setImmediate(resolve));
      }
      expect(server.received).toHaveLength(5);
      expect(server.connections()).toBe(1);
    });
  });

  describe("the signal", () => {
    it("rejects with its reason and opens no connection when it has already fired", async () => {
      const server = await serve(echo);
      const reason = new Error("caller gave up");
      await expect(send(requestTo(server.origin, { signal: AbortSignal.abort(reason) }))).rejects.toBe(reason);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(server.connections()).toBe(0);
    });

    it("rejects with its reason while waiting for the head, and closes the socket", async () => {
      const server = await serve(silent);
      const controller = new AbortController();
      const reason = new Error("deadline passed");
      const call = send(requestTo(server.origin, { method: "PUT", body: new Uint8Array([1, 2, 3]), signal: controller.signal }));
      const received = await within(server.waitForRequest(1), 5000, "the request reaching the server");
      controller.abort(reason);
      await expect(call).rejects.toBe(reason);
      await within(received.socketClosed, 5000, "the socket closing");
    });

    it("bounds the body read: a body that drips ends with the signal's reason, and the socket is closed", async () => {
      const server = await serve(drip(1000, 10));
      const call = send(requestTo(server.origin, { signal: AbortSignal.timeout(150) }));
      const received = await within(server.waitForRequest(1), 5000, "the request reaching the server");
      const started = Date.now();
      expect(await rejectionOf(call)).toMatchObject({ name: "TimeoutError" });
      expect(Date.now() - started).toBeLessThan(1000);
      await within(received.socketClosed, 5000, "the socket closing");
    });
  });

  describe("failures", () => {
    it("turns a refused connection into a ConnectionError that says the request never left, naming the host and no secret", async () => {
      const port = await closedPort();
      const error = await rejectionOf(
        send(requestTo(`http://127.0.0.1:${port}/v1/x`, { method: "PUT", headers: { "x-auth-token": TOKEN }, body: new TextEncoder().encode(TOKEN) })),
      );
      expect(error).toBeInstanceOf(ConnectionError);
      expect(error).toMatchObject({ requestSent: false, retryable: true, operation: "UpdateVpcPeering" });
      expect((error as Error).message).toContain(`127.0.0.1:${port}`);
      expect((error as Error).message).toContain("ECONNREFUSED");
      expect(inspect(error, { depth: 10 })).not.toContain(TOKEN);
    });

    it("turns a reset before the answer into a ConnectionError that may have been sent", async () => {
      const server = await serve((request) => request.socket.destroy());
      const error = await rejectionOf(send(requestTo(server.origin)));
      expect(error).toBeInstanceOf(ConnectionError);
      expect(error).toMatchObject({ requestSent: true, retryable: true });
      expect((error as Error).message).toContain(server.host);
    });

    it("turns a reset in the middle of the body into a ConnectionError that may have been sent", async () => {
      const server = await serve(resetMidBody);
      const error = await rejectionOf(send(requestTo(server.origin)));
      expect(error).toBeInstanceOf(ConnectionError);
      expect(error).toMatchObject({ requestSent: true, retryable: true });
    });

    it("turns a switch of protocols nobody asked for (101) into a ConnectionError at once, and closes the socket", async () => {
      const server = await serve((request) => request.socket.write("HTTP/1.1 101 Switching Protocols\r\nupgrade: websocket\r\nconnection: Upgrade\r\n\r\n"));
      const error = await rejectionOf(within(send(requestTo(server.origin, { method: "PUT", body: new Uint8Array([1]) })), 3000, "the call failing"));
      expect(error).toBeInstanceOf(ConnectionError);
      expect(error).toMatchObject({ requestSent: true, operation: "UpdateVpcPeering" });
      expect((error as Error).message).toContain(server.host);
      await within(server.received[0]!.socketClosed, 5000, "the socket closing");
    });

    it("turns a cut-off status line into a ConnectionError", async () => {
      const server = await serve((request) => {
        request.socket.write("HTTP/1.1 200 O");
        request.socket.destroy();
      });
      await expect(send(requestTo(server.origin))).rejects.toBeInstanceOf(ConnectionError);
    });

    it.each([
      ["a status that is not a number", "HTTP/1.1 abc OK\r\n\r\n"],
      ["a header larger than the parser takes", `HTTP/1.1 200 OK\r\nx-big: ${"a".repeat(100_000)}\r\n\r\n`],
      ["a control character in a header", "HTTP/1.1 200 OK\r\nx-a: b\x01c\r\ncontent-length: 2\r\n\r\n{}"],
      ["a broken chunk", "HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n"],
      ["two different lengths", "HTTP/1.1 200 OK\r\ncontent-length: 2\r\ncontent-length: 3\r\n\r\n{}"],
      ["no HTTP at all", "lol this is not http\r\n\r\n"],
    ])("turns an answer the HTTP parser refuses (%s) into a ConnectionError naming the parser's code", async (_, raw) => {
      const server = await serve((request) => {
        request.socket.end(raw);
      });
      const error = await rejectionOf(send(requestTo(server.origin)));
      expect(error).toBeInstanceOf(ConnectionError);
      expect(error).toMatchObject({ requestSent: true });
      // The parser's code (HPE_...), or, where the runtime's fetch gives none (Node 24), the parser error's name.
      expect((error as Error).message).toMatch(/: ((HPE|UND_ERR)_[A-Z_]+$|HTTPParserError: )/);
    });

    it("turns an untrusted TLS certificate into a ConnectionError not worth retrying, with the certificate code in its cause", async () => {
      const server = await serve(echo, { tls: selfSignedCertificate() });
      const error = await rejectionOf(send(requestTo(server.origin, { headers: { "x-auth-token": TOKEN } })));
      expect(error).toBeInstanceOf(ConnectionError);
      expect(error).toMatchObject({ retryable: false, cause: { code: "DEPTH_ZERO_SELF_SIGNED_CERT" } });
      expect(server.received).toHaveLength(0);
    });

    it("turns an https URL answered in plain HTTP into a ConnectionError not worth retrying, sending no request", async () => {
      const server = await serve(echo);
      const error = await rejectionOf(send(requestTo(server.origin.replace("http:", "https:"), { headers: { "x-auth-token": TOKEN } })));
      expect(error).toBeInstanceOf(ConnectionError);
      expect(error).toMatchObject({ retryable: false, requestSent: false });
      expect((error as Error).message).toContain("TLS could not be set up");
      expect(server.received).toHaveLength(0);
    });

    it.each([
      ["announced by content-length", true],
      ["sent without a length", false],
    ])("reads no more than maxResponseBytes of a longer body (%s): ResponseTooLargeError, and the connection is dropped", async (_, declareLength) => {
      const answer = flood(500, 50 * MiB, { declareLength });
      const server = await serve(answer);
      const error = await rejectionOf(send(requestTo(server.origin, { maxResponseBytes: 64 * 1024 })));
      expect(error).toBeInstanceOf(ResponseTooLargeError);
      expect(error).toMatchObject({ status: 500, maxResponseBytes: 64 * 1024 });
      await within(server.received[0]!.socketClosed, 5000, "the socket closing");
      expect(answer.sent()).toBeLessThan(50 * MiB);
    });

    it("fails at once, reading nothing, when the head announces a body longer than maxResponseBytes", async () => {
      const server = await serve((_, response) => {
        response.writeHead(200, { "content-type": "application/json", "content-length": String(64 * 1024 + 1) });
        response.write("{");
      });
      const error = await rejectionOf(within(send(requestTo(server.origin, { maxResponseBytes: 64 * 1024 })), 3000, "the call failing"));
      expect(error).toBeInstanceOf(ResponseTooLargeError);
      await within(server.received[0]!.socketClosed, 5000, "the socket closing");
    });

    it("reads a body of exactly maxResponseBytes", async () => {
      const server = await serve(flood(200, 64 * 1024));
      const response = await send(requestTo(server.origin, { maxResponseBytes: 64 * 1024 }));
      expect(response.body?.length).toBe(64 * 1024);
    });
  });
}

/** One client over `transport`, with every service at `origin` and short waits between attempts. */
export function clientOver(transport: TransportUnderTest, origin: string, options: Partial<ClientOptions> = {}) {
  const endpoints = Object.fromEntries(serviceNames.map((service) => [service, origin])) as Endpoints;
  return createClient({
    credentials: { token: TOKEN },
    endpoints,
    projectId: "89cd04f168b84af6be287f71730fdb4b",
    ...transport.clientOptions,
    ...options,
    retry: { baseDelayMs: 5, ...options.retry },
  });
}

/** UpdateVpcPeering: idempotent. UpdateDataSource: not (each request starts a DWS job). */
export const peering = { peering_id: "p-1", body: { peering: { name: "test2" } } };
export const dataSource = {
  cluster_id: "4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90",
  ext_data_source_id: "d303f19c-fbd1-4716-ae04-07d1ff358f22",
  body: { reconfigure: { reboot: true, agency: "DWSAccessOBS" } },
};

const jobStarted = json({ job_id: "2c9081c88418ed420184197c8bc80001" });

export function describeClientFaults(transport: TransportUnderTest): void {
  const serve = useServers();

  describe("1. retry safety: UpdateDataSource (not idempotent) is sent again only when it provably never left", () => {
    it("a 500 after the service acted: exactly one request, one job", async () => {
      const server = await serve(json({ error_code: "DWS.0001", error_msg: "internal" }, 500));
      const error = await rejectionOf(clientOver(transport, server.origin).dws.updateDataSource(dataSource));
      expect(error).toMatchObject({ name: "ServerError", status: 500, attempts: 1 });
      expect(server.received).toHaveLength(1);
    });

    it("a timeout after the service acted: exactly one request, one job", async () => {
      const server = await serve(silent);
      const error = await rejectionOf(clientOver(transport, server.origin, { timeout: 100 }).dws.updateDataSource(dataSource));
      expect(error).toBeInstanceOf(TimeoutError);
      expect(error).toMatchObject({ attempts: 1 });
      expect(server.received).toHaveLength(1);
    });

    it("a reset after the service acted, before or in the middle of the answer: exactly one request each", async () => {
      const beforeAnswer = await serve((request) => request.socket.destroy());
      const midBody = await serve(resetMidBody);
      for (const server of [beforeAnswer, midBody]) {
        const error = await rejectionOf(clientOver(transport, server.origin).dws.updateDataSource(dataSource));
        expect(error).toBeInstanceOf(ConnectionError);
        expect(error).toMatchObject({ requestSent: true, attempts: 1 });
        expect(server.received).toHaveLength(1);
      }
    });

    it("a server announcing its keep-alive time is not sent a call on a socket it may be closing: each call starts its job", async () => {
      // Announces `Keep-Alive: timeout=2`, and resets unread a request on a socket idle for 1.2 s: its close crossing the request, as it does at its time.
      const answered = new WeakMap<object, number>();
      const server = await serve(
        (request, response) => {
          const last = answered.get(request.socket);
          if (last !== undefined && Date.now() - last > 1200) return void request.socket.resetAndDestroy();
          response.on("finish", () => answered.set(request.socket, Date.now()));
          jobStarted(request, response);
        },
        { keepAliveTimeout: 2000 },
      );
      const client = clientOver(transport, server.origin);
      expect(await client.dws.updateDataSource(dataSource)).toEqual({ job_id: "2c9081c88418ed420184197c8bc80001" });
      await new Promise((resolve) => setTimeout(resolve, 1300));
      expect(await client.dws.updateDataSource(dataSource)).toEqual({ job_id: "2c9081c88418ed420184197c8bc80001" });
      expect(server.received).toHaveLength(2);
    });

    it("a refused connection never reached the service, so it is retried up to maxAttempts", async () => {
      const port = await closedPort();
      const retried: unknown[] = [];
      const client = clientOver(transport, `http://127.0.0.1:${port}`, { retry: { maxAttempts: 3, onRetry: (event) => retried.push(event.error) } });
      const error = await rejectionOf(client.dws.updateDataSource(dataSource));
      expect(error).toBeInstanceOf(ConnectionError);
      expect(error).toMatchObject({ requestSent: false, attempts: 3 });
      expect(retried).toHaveLength(2);
    });

    it("a 429 (throttled before the service acted) is retried, and the job starts once", async () => {
      let requests = 0;
      const server = await serve((request, response) =>
        ++requests === 1 ? json({ error_code: "APIGW.0308", error_msg: "throttled" }, 429, { "retry-after": "0" })(request, response) : jobStarted(request, response),
      );
      expect(await clientOver(transport, server.origin).dws.updateDataSource(dataSource)).toEqual({ job_id: "2c9081c88418ed420184197c8bc80001" });
      expect(server.received).toHaveLength(2);
    });
  });

  describe("2. redirects are never followed", () => {
    it.each([
      [301, "token"],
      [302, "token"],
      [303, "token"],
      [307, "token"],
      [308, "token"],
      [303, "AK/SK with a security token"],
      [307, "AK/SK with a security token"],
    ])("a %i (%s) is a HuaweiCloudError with its status and Location, not retried, and nothing reaches the other origin", async (status, kind) => {
      const elsewhere = await serve(json({ peering: { id: "stolen" } }));
      const server = await serve((_, response) => {
        response.writeHead(status, { location: `${elsewhere.origin}/v2.0/vpc/peerings/p-1` });
        response.end();
      });
      const credentials = kind === "token" ? { token: TOKEN } : { ak: "AKTESTAKTEST", sk: TOKEN, securityToken: `st-${TOKEN}` };
      const error = await rejectionOf(clientOver(transport, server.origin, { credentials }).vpc.updateVpcPeering(peering));
      expect(error).toBeInstanceOf(HuaweiCloudError);
      expect(error).toMatchObject({ status, location: `${elsewhere.origin}/v2.0/vpc/peerings/p-1`, attempts: 1 });
      expect(server.received).toHaveLength(1);
      expect(elsewhere.connections()).toBe(0);
      expect(inspect(error, { depth: 10 })).not.toContain(TOKEN);
    });
  });

  describe("4. every failure is typed: a 2xx body that is not the declared JSON is an InvalidResponseError; a TLS failure a ConnectionError", () => {
    const expectInvalid = (error: unknown, contentType: string) => {
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect(error).toMatchObject({ status: 200, requestId: "req-4", contentType, attempts: 1 });
      expect((error as InvalidResponseError).excerpt.length).toBeLessThanOrEqual(201);
    };

    it.each([
      ["invalid JSON", "application/json", '{"peering": {"id": '],
      ["an HTML page", "text/html", `<html><body>${"gateway says hello ".repeat(300)}</body></html>`],
      ["an empty body where the spec declares one", "application/json", ""],
    ])("%s", async (_, contentType, body) => {
      const server = await serve((__, response) => {
        response.writeHead(200, { "content-type": contentType, "x-request-id": "req-4" });
        response.end(body);
      });
      const error = await rejectionOf(clientOver(transport, server.origin).vpc.updateVpcPeering(peering));
      expectInvalid(error, contentType);
      expect((error as InvalidResponseError).excerpt).toBe(body.length > 200 ? `${body.slice(0, 200)}…` : body);
    });

    it("a raw call returns it in `error` instead of throwing", async () => {
      const server = await serve((_, response) => {
        response.writeHead(200, { "content-type": "text/html", "x-request-id": "req-4" });
        response.end("<html>maintenance</html>");
      });
      const result = await clientOver(transport, server.origin).raw.vpc.PUT("/v2.0/vpc/peerings/{peering_id}", {
        params: { path: { peering_id: "p-1" } },
        body: peering.body,
      });
      expectInvalid(result.error, "text/html");
      expect(result.response.status).toBe(200);
    });

    it("a gzip body: an InvalidResponseError when the transport did not ask for gzip, the decoded JSON when it did", async () => {
      const server = await serve((_, response) => {
        response.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip", "x-request-id": "req-4" });
        response.end(gzipSync(JSON.stringify({ peering: { id: "p-1" } })));
      });
      const outcome = await clientOver(transport, server.origin).vpc.updateVpcPeering(peering).catch((error: unknown) => ({ error }));
      const asked = /\bgzip\b/.test(String(server.received[0]?.headers["accept-encoding"] ?? ""));
      if (asked) expect(outcome).toEqual({ peering: { id: "p-1" } });
      else expectInvalid((outcome as { error: unknown }).error, "application/json");
    });

    it("a body whose gzip encoding is corrupt, not retried either", async () => {
      const server = await serve((_, response) => {
        response.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip", "x-request-id": "req-4" });
        response.end('{"peering": "not gzip at all"}');
      });
      const error = await rejectionOf(clientOver(transport, server.origin).vpc.updateVpcPeering(peering));
      expectInvalid(error, "application/json");
      expect((error as Error).message).toContain("gzip");
      expect(server.received).toHaveLength(1);
    });

    it("an untrusted TLS certificate is a ConnectionError with the certificate code as cause, not retried", async () => {
      const server = await serve(jobStarted, { tls: selfSignedCertificate() });
      const error = await rejectionOf(clientOver(transport, server.origin).vpc.updateVpcPeering(peering));
      expect(error).toBeInstanceOf(ConnectionError);
      expect(error).toMatchObject({ retryable: false, attempts: 1, cause: { code: "DEPTH_ZERO_SELF_SIGNED_CERT" } });
      expect(server.connections()).toBe(1);
      expect(server.received).toHaveLength(0);
    });
  });

  describe("5. body reads are bounded and a reset mid-body is retried, as on every transport", () => {
    it("a body that drips is cut at the per-attempt timeout, on every attempt", async () => {
      const server = await serve(drip(1000, 10));
      const started = Date.now();
      const error = await rejectionOf(clientOver(transport, server.origin, { timeout: 150, retry: { maxAttempts: 2 } }).vpc.updateVpcPeering(peering));
      expect(error).toBeInstanceOf(TimeoutError);
      expect(error).toMatchObject({ attempts: 2 });
      expect(Date.now() - started).toBeLessThan(1500);
      expect(server.received).toHaveLength(2);
    });

    it("a body that drips is cut at the call's deadline", async () => {
      const server = await serve(drip(1000, 10));
      const started = Date.now();
      const error = await rejectionOf(clientOver(transport, server.origin, { retry: { deadlineMs: 200 } }).vpc.updateVpcPeering(peering));
      expect(error).toBeInstanceOf(TimeoutError);
      expect((error as Error).message).toContain("200 ms deadline");
      expect(Date.now() - started).toBeLessThan(1500);
    });

    it("a body that drips is cut when the caller aborts", async () => {
      const server = await serve(drip(1000, 10));
      const error = await rejectionOf(clientOver(transport, server.origin).vpc.updateVpcPeering(peering, { signal: AbortSignal.timeout(150) }));
      expect(error).toMatchObject({ name: "AbortError" });
    });

    it("a reset in the middle of the body is a ConnectionError, retried for an idempotent call", async () => {
      let requests = 0;
      const server = await serve((request, response) => (++requests === 1 ? resetMidBody(request, response) : json({ peering: { id: "p-1" } })(request, response)));
      const retried: unknown[] = [];
      const client = clientOver(transport, server.origin, { retry: { onRetry: (event) => retried.push(event.error) } });
      expect(await client.vpc.updateVpcPeering(peering)).toEqual({ peering: { id: "p-1" } });
      expect(server.received).toHaveLength(2);
      expect(retried).toHaveLength(1);
      expect(retried[0]).toBeInstanceOf(ConnectionError);
    });
  });

  describe("6. bounded memory: answers are capped at maxResponseBytes", () => {
    it("a 50 MB error body is read once, up to the default 10 MiB: ResponseTooLargeError, not retried, connection dropped", async () => {
      const answer = flood(500, 50 * MiB);
      const server = await serve(answer);
      const error = await rejectionOf(clientOver(transport, server.origin).vpc.updateVpcPeering(peering));
      expect(error).toBeInstanceOf(ResponseTooLargeError);
      expect(error).toMatchObject({ status: 500, maxResponseBytes: 10 * MiB, attempts: 1 });
      await within(server.received[0]!.socketClosed, 5000, "the socket closing");
      expect(server.received).toHaveLength(1);
      expect(answer.sent()).toBeLessThan(50 * MiB);
    });

    it("a client's maxResponseBytes sets the cap", async () => {
      const server = await serve(flood(200, 2048));
      const error = await rejectionOf(clientOver(transport, server.origin, { maxResponseBytes: 1024 }).vpc.updateVpcPeering(peering));
      expect(error).toMatchObject({ name: "ResponseTooLargeError", maxResponseBytes: 1024 });
    });
  });
}
