/**
 * `client.raw.<service>`: openapi-fetch's `{ data, error, response }` style on
 * the same request path as the named calls.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { ConnectionError, createClient, InvalidResponseError, NotFoundError, operations, type OperationId, ValidationError } from "../src/index.ts";
import { closedPort, type LoopbackRequest } from "./helpers/loopback-server.ts";
import { useLoopbackCloud } from "./helpers/use-loopback.ts";
import { paramsIn } from "./helpers/spec.ts";

const cloud = useLoopbackCloud();
beforeEach(() => {
  cloud.server.setFallback({ status: 200, headers: { "content-type": "application/json" }, body: '{"peering":{"id":"p","name":"n"}}' });
});

const client = () => createClient({ credentials: { token: "t" }, projectId: "proj", endpoints: cloud.endpoints });

describe("raw per-service clients", () => {
  it("return openapi-fetch's { data, response } on success, through the same auth", async () => {
    const result = await client().raw.vpc.PUT("/v2.0/vpc/peerings/{peering_id}", {
      params: { path: { peering_id: "p" } },
      body: { peering: { name: "n" } },
    });
    expect(result.error).toBeUndefined();
    expect(result.data).toEqual({ peering: { id: "p", name: "n" } });
    expect(result.response.status).toBe(200);
    expect(cloud.server.received[0]!.headers["x-auth-token"]).toBe("t");
  });

  it("return the typed error in `error`, with operation and request id", async () => {
    cloud.server.setFallback({
      status: 404,
      headers: { "content-type": "application/json", "x-request-id": "rid-9" },
      body: '{"itemNotFound":{"code":404,"message":"snapshot s could not be found"}}',
    });
    const result = await client().raw.evs.PUT("/v2/{project_id}/snapshots/{snapshot_id}", {
      params: { path: { project_id: "proj", snapshot_id: "s" } },
      body: { snapshot: { name: "n" } },
    });
    expect(result.data).toBeUndefined();
    expect(result.error).toBeInstanceOf(NotFoundError);
    expect(result.error).toMatchObject({
      operation: "CinderUpdateSnapshot",
      requestId: "rid-9",
      code: "itemNotFound",
      body: { itemNotFound: { code: 404, message: "snapshot s could not be found" } },
    });
  });

  it("give a real web Response over the answer's bytes and headers", async () => {
    cloud.server.setFallback({ status: 200, headers: { "content-type": "application/json", "x-request-id": "rid-1" }, body: '{"peering":{"id":"p"}}' });
    const { response } = await client().raw.vpc.PUT("/v2.0/vpc/peerings/{peering_id}", {
      params: { path: { peering_id: "p" } },
      body: { peering: { name: "n" } },
    });
    expect(response).toBeInstanceOf(Response);
    expect(response.headers.get("x-request-id")).toBe("rid-1");
    expect(await response.json()).toEqual({ peering: { id: "p" } });
  });

  it("return a 2xx whose body is not JSON as an InvalidResponseError in `error`, not thrown", async () => {
    cloud.server.setFallback({ status: 200, headers: { "content-type": "text/html", "x-request-id": "rid-2" }, body: "<html>login</html>" });
    const result = await client().raw.vpc.PUT("/v2.0/vpc/peerings/{peering_id}", {
      params: { path: { peering_id: "p" } },
      body: { peering: { name: "n" } },
    });
    expect(result.data).toBeUndefined();
    expect(result.error).toBeInstanceOf(InvalidResponseError);
    expect(result.error).toMatchObject({ status: 200, requestId: "rid-2", contentType: "text/html", excerpt: "<html>login</html>" });
  });

  it("throw, not return, a failure without an answer", async () => {
    const origin = `http://127.0.0.1:${await closedPort()}`;
    const dead = createClient({ credentials: { token: "t" }, endpoints: { vpc: origin }, retry: { maxAttempts: 1 } });
    const pending = dead.raw.vpc.PUT("/v2.0/vpc/peerings/{peering_id}", { params: { path: { peering_id: "p" } }, body: { peering: { name: "n" } } });
    await expect(pending).rejects.toBeInstanceOf(ConnectionError);
  });

  it("send header parameters under params.header", async () => {
    const signed = createClient({ credentials: { ak: "AK", sk: "SK" }, projectId: "proj", endpoints: cloud.endpoints });
    await signed.raw.vpcep.PUT("/v1/{project_id}/vpc-endpoints/{vpc_endpoint_id}/routetables", {
      params: { path: { project_id: "proj", vpc_endpoint_id: "e" }, header: { "X-Auth-Token": "subject-token" } },
      body: { routetables: [] },
    });
    expect(cloud.server.received[0]!.headers["x-auth-token"]).toBe("subject-token");
  });

  it.each([
    ["a path that is not an operation", "PUT", "/v2.0/vpc/peerings"],
    ["an operation's path with another method", "GET", "/v2.0/vpc/peerings/{peering_id}"],
    ["another service's operation", "PUT", "/v2/{project_id}/snapshots/{snapshot_id}"],
  ])("refuse %s with a ValidationError naming the url, sending nothing", async (_, method, url) => {
    const raw = client().raw.vpc as unknown as Record<string, (url: string, init: object) => Promise<unknown>>;
    const error = await raw[method]!(url, { params: { path: { peering_id: "p", project_id: "p", snapshot_id: "s" } } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: "url", rule: "enum", operation: `${method} ${url}` });
    expect(cloud.server.received).toHaveLength(0);
  });

  it("check query and header parameters too: one the operation does not have is named, and nothing is sent", async () => {
    const error = await client()
      .raw.vpc.PUT("/v2.0/vpc/peerings/{peering_id}", {
        params: { path: { peering_id: "p" }, query: { limit: 10 } as never, header: { "X-Language": "en-us" } as never },
        body: { peering: { name: "n" } },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: "query.limit", rule: "additionalProperties" }),
        expect.objectContaining({ field: "header.X-Language", rule: "additionalProperties" }),
      ]),
    );
    expect(cloud.server.received).toHaveLength(0);
  });

  it("send a GET's query parameters as the named call does, and check them first", async () => {
    cloud.server.setFallback({ status: 200, headers: { "content-type": "application/json" }, body: '{"projects":[]}' });
    const result = await client().raw.iam.GET("/v3/projects", { params: { query: { name: "cn-north-4", per_page: 10 } } });
    expect(result.data).toEqual({ projects: [] });
    expect(cloud.server.received[0]).toMatchObject({ method: "GET", url: "/v3/projects?name=cn-north-4&per_page=10" });

    const error = await client()
      .raw.iam.GET("/v3/projects", { params: { query: { per_page: 5001 } } })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "ValidationError", field: "query.per_page", rule: "maximum" });
    expect(cloud.server.received).toHaveLength(1);
  });

  it("validate like the named calls, before sending", async () => {
    await expect(
      client().raw.vpcep.PUT("/v1/{project_id}/vpc-endpoints/{vpc_endpoint_id}/routetables", {
        params: { path: { project_id: "proj", vpc_endpoint_id: "e".repeat(65) } },
        body: { routetables: [] },
      }),
    ).rejects.toMatchObject({ field: "path.vpc_endpoint_id", rule: "maxLength" });
    expect(cloud.server.received).toHaveLength(0);
  });
});

describe("path parameters", () => {
  it.each([
    ["../../v3/x", "..%2F..%2Fv3%2Fx"],
    ["a/b", "a%2Fb"],
    ["a?b=c#d", "a%3Fb%3Dc%23d"],
    ["名字:1", "%E5%90%8D%E5%AD%97%3A1"],
    ["%2e%2e", "%252e%252e"],
  ])("are percent-encoded, so %j stays inside its segment", async (id, encoded) => {
    await client().vpc.updateVpcPeering({ peering_id: id, body: { peering: { name: "n" } } });
    expect(cloud.server.received[0]!.url).toBe(`/v2.0/vpc/peerings/${encoded}`);
  });

  it.each([".", ".."])("refuse %j, which URL parsing would resolve away", async (id) => {
    const error = await client().vpc.updateVpcPeering({ peering_id: id, body: { peering: { name: "n" } } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: "path.peering_id", rule: "path-segment" });
    expect(cloud.server.received).toHaveLength(0);
  });
});

describe("header values", () => {
  it("with CR or LF are refused per call, naming the header, and nothing is sent", async () => {
    const error = await client()
      .vpc.updateVpcPeering({ peering_id: "p", body: { peering: { name: "n" } } }, { headers: { "X-Trace": "a\r\nX-Evil: 1" } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: "init.headers.x-trace", rule: "pattern" });
    expect(cloud.server.received).toHaveLength(0);
  });

  it("with CR or LF are refused in the client's options", () => {
    expect(() => createClient({ credentials: { token: "t" }, endpoints: cloud.endpoints, headers: { "X-Team": "a\nb" } })).toThrow(
      /headers\.X-Team/,
    );
    expect(() => createClient({ credentials: { token: "t" }, endpoints: cloud.endpoints, userAgent: "app\r\n" })).toThrow(/userAgent/);
  });
});

describe("named and raw calls share one path", () => {
  /** Values that need encoding, for every path parameter but the project. */
  function pathArgs(id: OperationId): Record<string, string> {
    return Object.fromEntries(paramsIn(id, "path").filter((name) => name !== "project_id").map((name) => [name, `${name}:1 é/x`]));
  }

  /** Values that need encoding, for every query parameter. */
  function queryArgs(id: OperationId): Record<string, string> {
    return Object.fromEntries(paramsIn(id, "query").map((name) => [name, `${name} & é`]));
  }

  /** What identifies a request on the wire, less the per-call id. */
  function wire({ method, url, headers, body }: LoopbackRequest) {
    const { "x-client-request-id": _, ...rest } = headers;
    return { method, url, headers: rest, body: body.toString("utf8") };
  }

  it.each(Object.keys(operations) as OperationId[])("%s: the named call sends what the raw call sends", async (id) => {
    const { service, name, method, path } = operations[id];
    const unchecked = createClient({ credentials: { token: "t" }, projectId: "proj", endpoints: cloud.endpoints, validate: false, headers: { "X-Team": "net" } });
    const body = operations[id].body === "none" ? {} : { body: { any: { name: "é", list: [1, "two"] } } };
    await (unchecked[service] as unknown as Record<string, (args: object, init: object) => Promise<unknown>>)[name]!(
      { ...pathArgs(id), ...queryArgs(id), ...body },
      { headers: { "X-Trace": "t-1" } },
    ).catch(() => undefined);
    await (unchecked.raw[service] as unknown as Record<string, (url: string, init: object) => Promise<unknown>>)[method]!(path, {
      params: { path: { ...pathArgs(id), project_id: "proj" }, query: queryArgs(id) },
      ...body,
      headers: { "X-Trace": "t-1" },
    });
    const [fromNamed, fromRaw] = cloud.server.received;
    expect(wire(fromNamed!)).toEqual(wire(fromRaw!));
    expect(fromNamed!.headers).toMatchObject({ "x-trace": "t-1", "x-team": "net" });
    expect(fromNamed!.headers["content-type"]).toBe("body" in body ? "application/json" : undefined);
  });
});
