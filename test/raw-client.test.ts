import { beforeEach, describe, expect, it } from "vitest";
import { createClient, NotFoundError, ValidationError } from "../src/index.ts";
import { useLoopbackCloud } from "./helpers/loopback-cloud.ts";

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
    expect(cloud.server.requests[0]!.headers["x-auth-token"]).toBe("t");
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

  it("validate like the named calls, before sending", async () => {
    await expect(
      client().raw.vpcep.PUT("/v1/{project_id}/vpc-endpoints/{vpc_endpoint_id}/routetables", {
        params: { path: { project_id: "proj", vpc_endpoint_id: "e".repeat(65) } },
        body: { routetables: [] },
      }),
    ).rejects.toMatchObject({ field: "path.vpc_endpoint_id", rule: "maxLength" });
    expect(cloud.server.requests).toHaveLength(0);
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
    expect(cloud.server.requests[0]!.url).toBe(`/v2.0/vpc/peerings/${encoded}`);
  });

  it.each([".", ".."])("refuse %j, which URL parsing would resolve away", async (id) => {
    const error = await client().vpc.updateVpcPeering({ peering_id: id, body: { peering: { name: "n" } } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: "path.peering_id", rule: "path-segment" });
    expect(cloud.server.requests).toHaveLength(0);
  });
});

describe("header values", () => {
  it("with CR or LF are refused per call, naming the header, and nothing is sent", async () => {
    const error = await client()
      .vpc.updateVpcPeering({ peering_id: "p", body: { peering: { name: "n" } } }, { headers: { "X-Trace": "a\r\nX-Evil: 1" } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: "headers.X-Trace", rule: "pattern" });
    expect(cloud.server.requests).toHaveLength(0);
  });

  it("with CR or LF are refused in the client's options", () => {
    expect(() => createClient({ credentials: { token: "t" }, endpoints: cloud.endpoints, headers: { "X-Team": "a\nb" } })).toThrow(
      /headers\.X-Team/,
    );
    expect(() => createClient({ credentials: { token: "t" }, endpoints: cloud.endpoints, userAgent: "app\r\n" })).toThrow(/User-Agent/);
  });
});
