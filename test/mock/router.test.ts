/**
 * The mock's router is built from the generated operation table: method and
 * path template, parameters percent-decoded, nothing matched by prefix.
 */
import { describe, expect, it } from "vitest";
import { operations } from "../../src/index.ts";
import { createRouter } from "../../src/mock/router.ts";
import { operationIds, pathOf, pathParamsOf } from "./support.ts";

const route = createRouter();

describe("createRouter over the operation table", () => {
  it.each(operationIds)("finds %s from its method and filled path, with every parameter", (id) => {
    const params = Object.fromEntries(pathParamsOf(id).map((name, i) => [name, `${name}-${i}`]));
    expect(route(operations[id].method, pathOf(id, params))).toEqual({ operation: id, params });
  });

  it("decodes parameters the client percent-encoded", () => {
    const id = "urn:x/中 文";
    expect(route("PUT", `/v2.0/vpc/peerings/${encodeURIComponent(id)}`)).toEqual({
      operation: "UpdateVpcPeering",
      params: { peering_id: id },
    });
  });

  it("matches nothing for another method, an extra or missing segment, or a trailing literal changed", () => {
    expect(route("GET", "/v2.0/vpc/peerings/p1")).toBeUndefined();
    expect(route("PUT", "/v2.0/vpc/peerings/p1/extra")).toBeUndefined();
    expect(route("PUT", "/v2.0/vpc/peerings")).toBeUndefined();
    expect(route("PUT", "/v1/p/vpc-endpoints/e/route-tables")).toBeUndefined();
  });

  it("matches nothing for a segment that is not valid percent-encoding", () => {
    expect(route("PUT", "/v2.0/vpc/peerings/%E4%B8")).toBeUndefined();
  });

  it("accepts the method in any case, as Node reports it upper-cased anyway", () => {
    expect(route("put", "/v2.0/vpc/peerings/p1")?.operation).toBe("UpdateVpcPeering");
  });

  it("knows the methods a path is served under, so the pipeline can answer 405 with Allow instead of 404", () => {
    expect(route.methodsOf("/v2.0/vpc/peerings/p1")).toEqual(["PUT"]);
    expect(route.methodsOf("/v3/projects")).toEqual(["GET", "HEAD"]);
    expect(route.methodsOf("/v2.0/vpc/peerings")).toEqual([]);
  });

  it("routes HEAD to the GET operation of a path without a HEAD operation of its own", () => {
    expect(route("HEAD", "/v3/projects")).toEqual({ operation: "KeystoneListProjects", params: {} });
    expect(route("HEAD", "/v2.0/vpc/peerings/p1")).toBeUndefined();
    const own = createRouter({ ShowThing: { method: "get", path: "/v1/things/{id}" }, CheckThing: { method: "head", path: "/v1/things/{id}" } });
    expect(own("HEAD", "/v1/things/t1")?.operation).toBe("CheckThing");
    expect(own.methodsOf("/v1/things/t1")).toEqual(["GET", "HEAD"]);
  });

  it("works over any table of the same form", () => {
    const custom = createRouter({ Ping: { method: "GET", path: "/v1/{project_id}/ping" } });
    expect(custom("GET", "/v1/abc/ping")).toEqual({ operation: "Ping", params: { project_id: "abc" } });
  });

  it("prefers a literal segment to a parameter, whatever the spec's order, as the gateway does (ECS: /cloudservers/detail and /cloudservers/{server_id})", () => {
    const table = {
      ShowServer: { method: "GET", path: "/v1/{project_id}/cloudservers/{server_id}" },
      ListServersDetails: { method: "GET", path: "/v1/{project_id}/cloudservers/detail" },
    };
    for (const ordered of [table, { ListServersDetails: table.ListServersDetails, ShowServer: table.ShowServer }]) {
      const router = createRouter(ordered);
      expect(router("GET", "/v1/p1/cloudservers/detail")).toEqual({ operation: "ListServersDetails", params: { project_id: "p1" } });
      expect(router("GET", "/v1/p1/cloudservers/s1")).toEqual({ operation: "ShowServer", params: { project_id: "p1", server_id: "s1" } });
    }
  });
});
