/**
 * startMockCloud as a server: where it listens, what every answer carries,
 * what it answers for unknown APIs and oversized bodies, what it records,
 * and that close() does not wait for stalled requests.
 */
import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { MOCK_TOKEN, type MockCloud, startMockCloud } from "../../src/mock/index.ts";
import { clientFor, pathOf, rawPut, validBody, useMockCloud } from "./support.ts";

const start = useMockCloud();

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe("listening", () => {
  it("on loopback and a free port by default, with one origin for every service", async () => {
    const mock = await start();
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(mock.endpoints).toEqual({ vpc: mock.url, evs: mock.url, dws: mock.url, vpcep: mock.url });
  });

  it("on the port it is given", async () => {
    const port = await freePort();
    const mock = await start({ port });
    expect(mock.url).toBe(`http://127.0.0.1:${port}`);
  });

  it("rejects when the port is taken", async () => {
    const mock = await start();
    const port = Number(new URL(mock.url).port);
    await expect(startMockCloud({ port })).rejects.toThrow(/EADDRINUSE/);
  });
});

describe("answers", () => {
  it("carry a fresh X-Request-Id, successes and errors alike", async () => {
    const mock = await start();
    const path = pathOf("UpdateVpcPeering", mock.resources.UpdateVpcPeering);
    const responses = [
      await rawPut(mock, path, JSON.stringify(validBody("UpdateVpcPeering"))),
      await rawPut(mock, path, "{"),
      await rawPut(mock, path, "{}", { "X-Auth-Token": "nope" }),
      await rawPut(mock, "/no/such/api", "{}"),
    ];
    expect(responses.map((r) => r.status)).toEqual([200, 400, 401, 404]);
    const ids = responses.map((r) => r.headers.get("x-request-id"));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(mock.requests.map((r) => r.requestId)).toEqual(ids);
    for (const response of responses) expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  });

  it("an unknown API or method is the gateway's 404 APIGW.0101, checked before authentication", async () => {
    const mock = await start();
    for (const [method, path] of [
      ["PUT", "/v2.0/vpc/no-such-thing/1"],
      ["GET", pathOf("UpdateVpcPeering", mock.resources.UpdateVpcPeering)],
    ]) {
      const response = await fetch(`${mock.url}${path}`, { method });
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({
        error_code: "APIGW.0101",
        error_msg: "The API does not exist or has not been published in the environment.",
        request_id: response.headers.get("x-request-id"),
      });
    }
    expect(mock.requests.map((r) => r.operation)).toEqual([undefined, undefined]);
  });

  it("a body over 12 MB is the gateway's 413", async () => {
    const mock = await start();
    const response = await rawPut(mock, pathOf("UpdateVpcPeering", mock.resources.UpdateVpcPeering), "x".repeat(12 * 1024 * 1024 + 1));
    expect(response.status).toBe(413);
    expect((await response.json()).error_code).toBe("APIGW.0201");
  });
});

describe("the request log", () => {
  it("records operation, method, path with query, JSON body and status, in arrival order", async () => {
    const mock = await start();
    const path = pathOf("UpdateDataSource", mock.resources.UpdateDataSource);
    await rawPut(mock, `${path}?trace=1`, JSON.stringify(validBody("UpdateDataSource")));
    await rawPut(mock, path, "not json at all");
    expect(mock.requests).toMatchObject([
      { operation: "UpdateDataSource", method: "PUT", path: `${path}?trace=1`, body: validBody("UpdateDataSource"), status: 200 },
      { operation: "UpdateDataSource", body: "not json at all", status: 400 },
    ]);
    expect(mock.requests[0]!.headers["content-type"]).toBe("application/json");
  });

  it("can be cleared between steps", async () => {
    const mock = await start();
    await clientFor(mock, { credentials: { token: MOCK_TOKEN } }).vpc.updateVpcPeering({
      ...mock.resources.UpdateVpcPeering,
      body: validBody("UpdateVpcPeering"),
    });
    mock.requests.length = 0;
    await rawPut(mock, "/nowhere", "");
    expect(mock.requests).toHaveLength(1);
  });
});

describe("close()", () => {
  it("resolves promptly even with a request stalled in a long delay, and frees the port", async () => {
    const mock = await start({ faults: [{ delayMs: 60_000 }] });
    const stalled = rawPut(mock, pathOf("UpdateVpcPeering", mock.resources.UpdateVpcPeering), "{}").catch((e: unknown) => e);
    await expect.poll(() => mock.requests.length).toBe(1);
    const started = performance.now();
    await mock.close();
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(await stalled).toBeInstanceOf(Error);
    const again = await startMockCloud({ port: Number(new URL(mock.url).port) });
    await again.close();
  });
});
