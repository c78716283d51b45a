/**
 * startMockCloud as a server: where it listens, what every answer carries,
 * what it answers for unknown APIs and oversized bodies, what it records,
 * and that close() does not wait for stalled requests.
 */
import { request as httpRequest } from "node:http";
import { describe, expect, it } from "vitest";
import { services } from "../../src/index.ts";
import { MOCK_TOKEN, type MockCloud, startMockCloud } from "../../src/mock/index.ts";
import { closedPort } from "../helpers/loopback-server.ts";
import { clientFor, errorMessage, pathOf, rawPut, validBody, useMockCloud } from "./support.ts";

const start = useMockCloud();

describe("listening", () => {
  it("on loopback and a free port by default, with one origin for every service", async () => {
    const mock = await start();
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(mock.endpoints).toEqual(Object.fromEntries(Object.keys(services).map((service) => [service, mock.url])));
    expect(Object.keys(mock.endpoints)).toEqual(["vpc", "evs", "dws", "vpcep", "iam"]);
  });

  it("on the port it is given", async () => {
    const port = await closedPort();
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

  it("an unknown API is the gateway's 404 APIGW.0101, checked before authentication", async () => {
    const mock = await start();
    const response = await fetch(`${mock.url}/v2.0/vpc/no-such-thing/1`, { method: "PUT" });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error_code: "APIGW.0101",
      error_msg: "The API does not exist or has not been published in the environment.",
      request_id: response.headers.get("x-request-id"),
    });
    expect(mock.requests.map((r) => r.operation)).toEqual([undefined]);
  });

  it.each(["GET", "POST", "FOO"])("a known path under an unknown method (%s) is the gateway's 405, checked before authentication", async (method) => {
    const mock = await start();
    const response = await fetch(`${mock.url}${pathOf("UpdateVpcPeering", mock.resources.UpdateVpcPeering)}`, { method });
    expect(response.status).toBe(405);
    const body = await response.json();
    expect(body).toMatchObject({ error_code: "APIGW.0101", request_id: response.headers.get("x-request-id") });
    expect(body.error_msg).toMatch(/method not allowed/);
    expect(mock.requests.every((r) => r.operation === undefined)).toBe(true);
  });

  it("a 405 names the methods the path has in Allow, HEAD wherever GET is", async () => {
    const mock = await start();
    const onPeering = await fetch(`${mock.url}${pathOf("UpdateVpcPeering", mock.resources.UpdateVpcPeering)}`, { method: "POST" });
    expect(onPeering.status).toBe(405);
    expect(onPeering.headers.get("allow")).toBe("PUT");
    const onProjects = await fetch(`${mock.url}/v3/projects`, { method: "DELETE" });
    expect(onProjects.status).toBe(405);
    expect(onProjects.headers.get("allow")).toBe("GET, HEAD");
  });

  it("answers HEAD wherever it answers GET, with the GET's status and headers and no body", async () => {
    const mock = await start();
    const init = { headers: { "X-Auth-Token": MOCK_TOKEN } };
    const get = await fetch(`${mock.url}/v3/projects?name=cn-north-4`, { ...init, method: "GET" });
    const head = await fetch(`${mock.url}/v3/projects?name=cn-north-4`, { ...init, method: "HEAD" });
    expect([get.status, head.status]).toEqual([200, 200]);
    expect(head.headers.get("content-type")).toBe(get.headers.get("content-type"));
    expect(head.headers.get("content-length")).toBe(get.headers.get("content-length"));
    expect(await head.text()).toBe("");
    expect(mock.requests.map((request) => [request.method, request.operation, request.status])).toEqual([
      ["GET", "KeystoneListProjects", 200],
      ["HEAD", "KeystoneListProjects", 200],
    ]);
  });

  it("refuses a scalar query parameter given twice with a 400 naming it, rather than taking one of the values", async () => {
    const mock = await start();
    const response = await fetch(`${mock.url}/v3/projects?name=cn-north-4&name=ap-southeast-1`, { headers: { "X-Auth-Token": MOCK_TOKEN } });
    expect(response.status).toBe(400);
    expect(errorMessage(await response.json())).toMatch(/query\.name .*once/);
  });

  it("a gateway message with a detail reads as one sentence, the detail after a colon", async () => {
    const mock = await start();
    const path = pathOf("UpdateVpcPeering", mock.resources.UpdateVpcPeering);
    const badMethod = await (await fetch(`${mock.url}${path}`, { method: "GET" })).json();
    // Sent as is: fetch would resolve the "." away.
    const badPath = (await rawPath(mock, "/v2.0/vpc/./peerings", "{}")).body;
    const messages = [badMethod.error_msg, badPath.error_msg];
    expect(messages).toEqual([
      "The API does not exist or has not been published in the environment: method not allowed: GET",
      'The request path is not a valid API path: empty, "." and ".." path segments are not allowed',
    ]);
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

/** A PUT whose path goes on the wire exactly as given: fetch and URL would resolve `..` first. */
function rawPath(mock: MockCloud, path: string, body: string): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(mock.url);
    const request = httpRequest(
      { hostname, port, path, method: "PUT", headers: { "X-Auth-Token": MOCK_TOKEN, "Content-Type": "application/json" } },
      (response) => {
        let text = "";
        response.on("data", (chunk) => (text += chunk));
        response.on("end", () => resolve({ status: response.statusCode!, body: JSON.parse(text) }));
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

describe("paths that would reach another resource", () => {
  it.each([
    ["a .. segment", (id: string) => `/v2.0/vpc/peerings/x/../${id}`],
    ["an encoded .. segment", (id: string) => `/v2.0/vpc/peerings/x/%2E%2e/${id}`],
    ["a . segment", (id: string) => `/v2.0/vpc/./peerings/${id}`],
    ["an empty segment", (id: string) => `//v2.0/vpc/peerings/${id}`],
    ["a .. segment ended by a backslash, which URL parsing reads as /", (id: string) => `/v2.0/vpc/peerings/x/..\\${id}`],
    ["segments split by backslashes", (id: string) => `/v2.0/vpc/peerings/x\\..\\${id}`],
  ])("%s is the gateway's 400, not routed, and changes nothing", async (_, pathFor) => {
    const mock = await start();
    const id = mock.resources.UpdateVpcPeering.peering_id;
    const answer = await rawPath(mock, pathFor(id), JSON.stringify({ peering: { name: "changed-through-a-dot-path" } }));
    expect(answer.status).toBe(400);
    expect(answer.body.error_code).toBe("APIGW.0101");
    expect(mock.requests.at(-1)?.operation).toBeUndefined();
    const after = await clientFor(mock).vpc.updateVpcPeering({ peering_id: id, body: { peering: { description: "x" } } as never }).catch(() => undefined);
    expect((after as any)?.peering?.name).not.toBe("changed-through-a-dot-path");
  });
});

describe("the request log, bounded", () => {
  it("keeps only the last maxLoggedRequests requests", async () => {
    const mock = await start({ maxLoggedRequests: 3 });
    const path = pathOf("UpdateDataSource", mock.resources.UpdateDataSource);
    for (let i = 0; i < 5; i++) await rawPut(mock, `${path}?n=${i}`, JSON.stringify(validBody("UpdateDataSource")));
    expect(mock.requests.map((request) => request.path.split("=")[1])).toEqual(["2", "3", "4"]);
  });

  it("cuts a body longer than maxLoggedBodyBytes and marks it", async () => {
    const mock = await start({ maxLoggedBodyBytes: 16 });
    const path = pathOf("UpdateDataSource", mock.resources.UpdateDataSource);
    await rawPut(mock, path, JSON.stringify({ reconfigure: { agency: "a".repeat(100) } }));
    expect(mock.requests[0]).toMatchObject({ body: '{"reconfigure":{', bodyTruncated: true });
  });

  it("cuts a body between characters, not inside one", async () => {
    const mock = await start({ maxLoggedBodyBytes: 16 });
    const path = pathOf("UpdateVpcPeering", mock.resources.UpdateVpcPeering);
    // `{"peering":{"n` is 15 bytes; "名" takes three more, so only its first would fit.
    await rawPut(mock, path, '{"peering":{"n名":1}}');
    expect(mock.requests[0]).toMatchObject({ body: '{"peering":{"n', bodyTruncated: true });
  });
});
