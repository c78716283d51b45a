/**
 * `hwcloud-typed/core` with `hwcloud-typed/operations`: the standalone way of
 * calling one operation, against the mock cloud, through the package's own
 * entries as an app imports them.
 */
import { call, createCore } from "hwcloud-typed/core";
import { type MockCloud, MOCK_AK, MOCK_SK, MOCK_TOKEN, startMockCloud } from "hwcloud-typed/mock";
import { KeystoneListProjects, operations, UpdateTrafficMirrorSession, UpdateVpcPeering } from "hwcloud-typed/operations";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { NotFoundError, ValidationError } from "../src/index.ts";

let cloud: MockCloud;
beforeAll(async () => {
  cloud = await startMockCloud({ faults: [{ operation: "UpdateTrafficMirrorSession", status: 503, times: 1 }] });
});
afterAll(() => cloud.close());
beforeEach(() => {
  cloud.requests.length = 0;
});

describe("call(core, operation, args)", () => {
  it("signs with AK/SK and resolves to the answer's data", async () => {
    const core = createCore({ credentials: { ak: MOCK_AK, sk: MOCK_SK }, endpoints: cloud.endpoints });
    const { peering } = await call(core, UpdateVpcPeering, { ...cloud.resources.UpdateVpcPeering, body: { peering: { name: "from-core" } } });
    expect(peering.name).toBe("from-core");
    expect(cloud.requests).toMatchObject([{ method: "PUT", status: 200, body: { peering: { name: "from-core" } } }]);
  });

  it("fills project_id from the core's projectId and retries a transient 503, as the client does", async () => {
    const { project_id: projectId, ...rest } = cloud.resources.UpdateTrafficMirrorSession;
    const core = createCore({ credentials: { ak: MOCK_AK, sk: MOCK_SK }, endpoints: cloud.endpoints, projectId, retry: { baseDelayMs: 1 } });
    const { traffic_mirror_session: session } = await call(core, UpdateTrafficMirrorSession, {
      ...rest,
      body: { traffic_mirror_session: { name: "core-session" } },
    });
    expect(session?.name).toBe("core-session");
    expect(cloud.requests.map((request) => [request.status, request.path])).toEqual([
      [503, `/v3/${projectId}/vpc/traffic-mirror-sessions/${rest.traffic_mirror_session_id}`],
      [200, `/v3/${projectId}/vpc/traffic-mirror-sessions/${rest.traffic_mirror_session_id}`],
    ]);
  });

  it("sends a GET's query parameters, with a token", async () => {
    const core = createCore({ credentials: { token: MOCK_TOKEN }, endpoints: cloud.endpoints });
    const { projects } = await call(core, KeystoneListProjects, { name: "cn-north-4" });
    expect(projects).toEqual([expect.objectContaining({ name: "cn-north-4" })]);
    expect(cloud.requests).toMatchObject([{ method: "GET", path: "/v3/projects?name=cn-north-4", status: 200 }]);
  });

  it("refuses input its operation's schema refuses, before any I/O", async () => {
    const core = createCore({ credentials: { ak: MOCK_AK, sk: MOCK_SK }, endpoints: cloud.endpoints });
    const error = await call(core, UpdateVpcPeering, { ...cloud.resources.UpdateVpcPeering, body: { peering: { name: "" } } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([expect.objectContaining({ field: "body.peering.name", rule: "minLength" })]);
    expect(cloud.requests).toEqual([]);
  });

  it("throws the typed error of a failed answer", async () => {
    const core = createCore({ credentials: { ak: MOCK_AK, sk: MOCK_SK }, endpoints: cloud.endpoints });
    const error = await call(core, UpdateVpcPeering, { peering_id: "00000000-0000-4000-8000-000000000000", body: { peering: { name: "x" } } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, operation: "UpdateVpcPeering" });
  });

  it("imports an operation's validator at its first call, once per core, and checks with it", async () => {
    let loads = 0;
    const counted = { ...UpdateVpcPeering, loadValidator: () => (loads++, UpdateVpcPeering.loadValidator()) };
    const core = createCore({ credentials: { ak: MOCK_AK, sk: MOCK_SK }, endpoints: cloud.endpoints });
    expect(loads).toBe(0);
    const args = { ...cloud.resources.UpdateVpcPeering, body: { peering: { name: "loaded-once" } } };
    await Promise.all([call(core, counted, args), call(core, counted, args)]);
    await expect(call(core, counted, { ...args, body: { peering: { name: "" } } })).rejects.toBeInstanceOf(ValidationError);
    await call(core, counted, args);
    expect(loads).toBe(1);
  });

  it("checks the options once, at createCore, naming the field", () => {
    expect(() => createCore({ credentials: { ak: MOCK_AK, sk: MOCK_SK }, projectId: "not a project" })).toThrow(ValidationError);
  });
});

describe("hwcloud-typed/operations", () => {
  it("exports each operation of the table under its operationId", async () => {
    const entry: Record<string, unknown> = await import("hwcloud-typed/operations");
    for (const [id, operation] of Object.entries(operations)) expect(entry[id]).toBe(operation);
  });
});
