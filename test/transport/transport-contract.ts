import { randomBytes } from "node:crypto";
import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { ConnectionError } from "../../src/errors.ts";
import type { HttpRequest, Send } from "../../src/http.ts";
import { closedPort, startServer, within, type Handler, type LoopbackServer } from "./loopback-server.ts";

const SECRET = "secret-token-value-8d1f";

/** A request as the layers above a transport hand it over. */
export function requestTo(url: string, init: Partial<Omit<HttpRequest, "url">> = {}): HttpRequest {
  return {
    method: "GET",
    headers: new Headers(),
    context: { attempts: 0, operation: "UpdateVpcPeering" },
    ...init,
    url: new URL(url),
  };
}

/** Runs `handler` on a fresh loopback server for one test; the server is closed after it. */
export function useServer(): (handler: Handler) => Promise<LoopbackServer> {
  const servers: LoopbackServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });
  return async (handler) => {
    const server = await startServer(handler);
    servers.push(server);
    return server;
  };
}

const echo: Handler = (request, response) => {
  response.writeHead(200, { "content-type": request.headers["content-type"] ?? "application/octet-stream" });
  response.end(request.body);
};

const silent: Handler = () => {};

/**
 * What the layer contract asks of every transport, checked against a real
 * HTTP/1.1 server on 127.0.0.1.
 */
export function describeTransportContract(createSend: () => Send): void {
  const serve = useServer();

  describe("sending", () => {
    it("sends the method, path, query and headers, repeated headers included", async () => {
      const server = await serve((_, response) => response.end());
      const headers = new Headers({ "x-one": "1" });
      headers.append("x-many", "a");
      headers.append("x-many", "b");
      await createSend()(requestTo(`${server.origin}/v1/peerings/p-1?limit=2&marker=x`, { method: "DELETE", headers }));
      const [received] = server.received;
      expect(received?.method).toBe("DELETE");
      expect(received?.url).toBe("/v1/peerings/p-1?limit=2&marker=x");
      expect(received?.headers["x-one"]).toBe("1");
      expect(received?.headers["x-many"]).toBe("a, b");
    });

    it("delivers a large request body whole, byte for byte", async () => {
      const server = await serve((request, response) => response.end(String(request.body.length)));
      const body = new Uint8Array(randomBytes(3 * 1024 * 1024 + 7));
      const response = await createSend()(requestTo(`${server.origin}/upload`, { method: "PUT", body }));
      expect(await response.text()).toBe(String(body.length));
      expect(server.received[0]?.body.equals(body)).toBe(true);
      expect(server.received[0]?.headers["content-length"]).toBe(String(body.length));
    });
  });

  describe("responses", () => {
    it("returns the status and status text", async () => {
      const server = await serve((_, response) => {
        response.writeHead(202, "Accepted For Later");
        response.end();
      });
      const response = await createSend()(requestTo(server.origin));
      expect(response.status).toBe(202);
      expect(response.statusText).toBe("Accepted For Later");
    });

    it("returns every response header, repeated ones and set-cookie included", async () => {
      const server = await serve((_, response) => {
        response.setHeader("x-request-id", "req-42");
        response.setHeader("x-repeated", ["first", "second"]);
        response.setHeader("set-cookie", ["a=1; Path=/", "b=2; Path=/"]);
        response.end();
      });
      const response = await createSend()(requestTo(server.origin));
      expect(response.headers.get("x-request-id")).toBe("req-42");
      expect(response.headers.get("x-repeated")).toBe("first, second");
      expect(response.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/"]);
    });

    it("round-trips a JSON body to the exact bytes", async () => {
      const server = await serve(echo);
      const json = JSON.stringify({ peering: { name: "péering-✓", description: "multi-byte 🚀", n: 1.5e-7 } });
      const body = new TextEncoder().encode(json);
      const response = await createSend()(
        requestTo(`${server.origin}/v2/peerings/p-1`, {
          method: "PUT",
          headers: new Headers({ "content-type": "application/json;charset=UTF-8" }),
          body,
        }),
      );
      expect(server.received[0]?.body.equals(body)).toBe(true);
      expect(response.headers.get("content-type")).toBe("application/json;charset=UTF-8");
      expect(Buffer.from(await response.arrayBuffer()).equals(body)).toBe(true);
    });

    it("returns a large response body whole", async () => {
      const payload = randomBytes(2 * 1024 * 1024 + 3);
      const server = await serve((_, response) => response.end(payload));
      const response = await createSend()(requestTo(server.origin));
      expect(Buffer.from(await response.arrayBuffer()).equals(payload)).toBe(true);
    });

    it("gives a 204 no body", async () => {
      const server = await serve((_, response) => {
        response.writeHead(204, { "x-request-id": "req-204" });
        response.end();
      });
      const response = await createSend()(requestTo(server.origin, { method: "DELETE" }));
      expect(response.status).toBe(204);
      expect(response.body).toBeNull();
      expect(response.headers.get("x-request-id")).toBe("req-204");
    });

    it("gives an empty 200 an empty body", async () => {
      const server = await serve((_, response) => response.end());
      const response = await createSend()(requestTo(server.origin));
      expect(response.status).toBe(200);
      expect(await response.text()).toBe("");
    });

    it("gives a HEAD answer no body, whatever content-length it announces", async () => {
      const server = await serve((_, response) => {
        response.writeHead(200, { "content-length": "1234", "content-type": "application/json" });
        response.end();
      });
      const response = await createSend()(requestTo(server.origin, { method: "HEAD" }));
      expect(response.status).toBe(200);
      expect(response.headers.get("content-length")).toBe("1234");
      expect(await response.text()).toBe("");
    });

    it("passes error statuses through as responses, body intact", async () => {
      const body = JSON.stringify({ error_code: "VPC.0202", error_msg: "not found" });
      const server = await serve((_, response) => {
        response.writeHead(404, { "content-type": "application/json" });
        response.end(body);
      });
      const response = await createSend()(requestTo(server.origin));
      expect(response.status).toBe(404);
      expect(await response.text()).toBe(body);
    });
  });

  describe("keep-alive", () => {
    const putBody = (i: number) => new TextEncoder().encode(`{"i":${i}}`);

    it("reuses one socket for consecutive calls", async () => {
      const server = await serve(echo);
      const send = createSend();
      for (let i = 0; i < 5; i++) {
        const response = await send(requestTo(server.origin, { method: "PUT", body: putBody(i) }));
        expect(await response.text()).toBe(`{"i":${i}}`);
        // undici hands a socket back to its pool one event-loop turn after the answer ends.
        await new Promise((resolve) => setImmediate(resolve));
      }
      const sockets = new Set(server.received.map((request) => request.socket));
      const ports = new Set(server.received.map((request) => request.socket.remotePort));
      expect(server.received).toHaveLength(5);
      expect(sockets.size).toBe(1);
      expect(ports.size).toBe(1);
      expect(server.connections()).toBe(1);
    });

    it("keeps back-to-back calls on at most two sockets", async () => {
      const server = await serve(echo);
      const send = createSend();
      for (let i = 0; i < 20; i++) {
        await (await send(requestTo(server.origin, { method: "PUT", body: putBody(i) }))).text();
      }
      // A call made in the same turn as the previous answer ended finds that socket not yet back in the pool.
      expect(server.received).toHaveLength(20);
      expect(server.connections()).toBeLessThanOrEqual(2);
    });
  });

  describe("abort", () => {
    it("rejects with the signal's reason and opens no connection when already aborted", async () => {
      const server = await serve(echo);
      const reason = new Error("caller gave up");
      const request = requestTo(server.origin, { signal: AbortSignal.abort(reason) });
      await expect(createSend()(request)).rejects.toBe(reason);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(server.connections()).toBe(0);
    });

    it("rejects with the signal's reason while waiting for the answer, and closes the socket", async () => {
      const server = await serve(silent);
      const controller = new AbortController();
      const reason = new Error("deadline passed");
      const call = createSend()(requestTo(server.origin, { method: "PUT", body: new Uint8Array([1, 2, 3]), signal: controller.signal }));
      const received = await within(server.nextRequest(), 5000, "the request reaching the server");
      controller.abort(reason);
      await expect(call).rejects.toBe(reason);
      await within(received.socketClosed, 5000, "the socket closing");
    });

    it("rejects with a non-Error reason as it is", async () => {
      const server = await serve(silent);
      const controller = new AbortController();
      const call = createSend()(requestTo(server.origin, { signal: controller.signal }));
      await within(server.nextRequest(), 5000, "the request reaching the server");
      controller.abort("stop");
      await expect(call).rejects.toBe("stop");
    });
  });

  describe("connection failures", () => {
    it("turns a refused connection into a ConnectionError naming the host, never a header", async () => {
      const port = await closedPort();
      const headers = new Headers({ "x-auth-token": SECRET, authorization: `Bearer ${SECRET}` });
      const error = await createSend()(requestTo(`http://127.0.0.1:${port}/v1/x`, { method: "PUT", headers, body: new TextEncoder().encode(SECRET) })).then(
        () => expect.unreachable("the call should fail"),
        (failure: unknown) => failure,
      );
      expect(error).toBeInstanceOf(ConnectionError);
      const connectionError = error as ConnectionError;
      expect(connectionError.message).toContain(`127.0.0.1:${port}`);
      expect(connectionError.message).toContain("ECONNREFUSED");
      expect(connectionError.operation).toBe("UpdateVpcPeering");
      expect(connectionError.cause).toBeDefined();
      expect(inspect(connectionError, { depth: 10 })).not.toContain(SECRET);
      expect(JSON.stringify(connectionError)).not.toContain(SECRET);
    });

    it("turns a connection reset before the answer into a ConnectionError with its cause", async () => {
      const server = await serve((request) => request.socket.destroy());
      const error = await createSend()(requestTo(server.origin)).catch((failure: unknown) => failure);
      expect(error).toBeInstanceOf(ConnectionError);
      expect((error as ConnectionError).cause).toBeDefined();
      expect((error as ConnectionError).message).toContain(server.host);
    });

    it("turns a cut-off status line into a ConnectionError", async () => {
      const server = await serve((request) => {
        request.socket.write("HTTP/1.1 200 O");
        request.socket.destroy();
      });
      await expect(createSend()(requestTo(server.origin))).rejects.toBeInstanceOf(ConnectionError);
    });
  });
}
