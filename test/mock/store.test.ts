/**
 * The mock cloud's state: seeded from the spec's own 200 samples, found by
 * every path parameter (project included), changed by updates so the next
 * answer shows them, and answered with a 404 in each service's shape when
 * the resource does not exist.
 */
import { describe, expect, it } from "vitest";
import { NotFoundError, operations } from "../../src/index.ts";
import { MOCK_TOKEN, type MockCloudOptions } from "../../src/mock/index.ts";
import { call, clientFor, errorMessage, expectServiceError, okExample, operationIds, pathParamsOf, updateIds, useMockCloud, validBody } from "./support.ts";
import { rejectionOf } from "../helpers/thrown.ts";

const startMock = useMockCloud();

/** A mock and a client; with a fixed mock clock the client uses a token, since a signature would be out of date. */
async function start(options: MockCloudOptions = {}) {
  const cloud = await startMock(options);
  return { cloud, client: clientFor(cloud, options.now ? { credentials: { token: MOCK_TOKEN } } : {}) };
}

const notFound = (promise: Promise<unknown>) => rejectionOf(promise, NotFoundError);

describe("seeded resources", () => {
  it("are the ids of the spec's 200 samples, or of its path parameter samples where the 200 sample has none", async () => {
    const { cloud } = await start();
    expect(cloud.resources.UpdateVpcPeering.peering_id).toBe(okExample("UpdateVpcPeering").peering.id);
    const session = okExample("UpdateTrafficMirrorSession").traffic_mirror_session;
    expect(cloud.resources.UpdateTrafficMirrorSession).toEqual({
      project_id: session.project_id,
      traffic_mirror_session_id: session.id,
    });
    expect(cloud.resources.CinderUpdateSnapshot.snapshot_id).toBe(okExample("CinderUpdateSnapshot").snapshot.id);
    for (const id of operationIds) {
      expect(Object.keys(cloud.resources[id]).sort()).toEqual([...pathParamsOf(id)].sort());
    }
  });

  it("answer the first update with the spec's sample, changed only by what the request says", async () => {
    const { cloud, client } = await start();
    const answer = await client.vpc.updateVpcPeering({
      ...cloud.resources.UpdateVpcPeering,
      body: { peering: { name: "renamed" } },
    });
    const { updated_at, ...rest } = answer.peering;
    expect(rest).toEqual({ ...okExample("UpdateVpcPeering").peering, name: "renamed" });
    expect(updated_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
  });
});

describe.each(updateIds)("%s with an unknown id", (id) => {
  it("is a 404 in the service's shape, naming the id", async () => {
    const { cloud, client } = await start();
    const last = pathParamsOf(id).at(-1)!;
    const params = { ...cloud.resources[id], [last]: "does-not-exist" };
    const error = await notFound(call(client, id, { ...params, body: validBody(id) }));
    const body = error.body as any;
    expectServiceError(id, 404, body, `${last} does-not-exist could not be found.`);
    expect(errorMessage(body)).toContain(`${last} does-not-exist could not be found`);
  });
});

const unknownParams = updateIds.flatMap((id) => pathParamsOf(id).map((name) => [id, name] as const));

describe.each(unknownParams)("%s with an unknown %s", (id, name) => {
  it("is a 404 naming that parameter, not another", async () => {
    const { cloud, client } = await start();
    const params = { ...cloud.resources[id], [name]: "does-not-exist" };
    const error = await notFound(call(client, id, { ...params, body: validBody(id) }));
    expect(errorMessage(error.body as any)).toContain(`${name} does-not-exist could not be found`);
  });
});

const projectScoped = operationIds.filter((id) => pathParamsOf(id).includes("project_id"));

describe.each(projectScoped)("%s in another project", (id) => {
  it("is a 404 although the id exists in its own project", async () => {
    const { cloud, client } = await start();
    const params = { ...cloud.resources[id], project_id: "0000000000000000000000000000ffff" };
    await notFound(call(client, id, { ...params, body: validBody(id) }));
    await call(client, id, { ...cloud.resources[id], body: validBody(id) });
    expect(cloud.requests.map((r) => r.status)).toEqual([404, 200]);
  });
});

describe("updates change what the next answer returns", () => {
  it("peering: the new name and description stay, updated_at follows the mock's clock", async () => {
    let now = new Date("2024-05-06T07:08:09.123Z");
    const { cloud, client } = await start({ now: () => now });
    const args = cloud.resources.UpdateVpcPeering;
    await client.vpc.updateVpcPeering({ ...args, body: { peering: { name: "first" } } });
    now = new Date("2024-05-06T08:00:00.000Z");
    const second = await client.vpc.updateVpcPeering({ ...args, body: { peering: { description: "later" } } });
    expect(second.peering).toMatchObject({ name: "first", description: "later", updated_at: "2024-05-06T08:00:00" });
  });

  it("mirror session: the request's string enabled becomes the response's boolean, and sticks", async () => {
    const { cloud, client } = await start({ now: () => new Date("2024-05-06T07:08:09.123Z") });
    const args = cloud.resources.UpdateTrafficMirrorSession;
    expect(okExample("UpdateTrafficMirrorSession").traffic_mirror_session.enabled).toBe(true);
    const first = await client.vpc.updateTrafficMirrorSession({ ...args, body: { traffic_mirror_session: { enabled: "false" } } });
    expect(first.traffic_mirror_session.enabled).toBe(false);
    const second = await client.vpc.updateTrafficMirrorSession({ ...args, body: { traffic_mirror_session: { priority: 42 } } });
    expect(second.traffic_mirror_session).toMatchObject({ enabled: false, priority: 42, updated_at: "2024-05-06T07:08:09Z" });
  });

  it("mirror session: request_id in the body is the answer's X-Request-Id", async () => {
    const { cloud, client } = await start();
    const { data, response } = await client.raw.vpc.PUT("/v3/{project_id}/vpc/traffic-mirror-sessions/{traffic_mirror_session_id}", {
      params: { path: cloud.resources.UpdateTrafficMirrorSession },
      body: validBody("UpdateTrafficMirrorSession"),
    });
    expect(data?.request_id).toBe(response.headers.get("x-request-id"));
  });

  it("snapshot: display_name and display_description are other names of name and description; name wins", async () => {
    const { cloud, client } = await start({ now: () => new Date("2024-05-06T07:08:09.123Z") });
    const args = cloud.resources.CinderUpdateSnapshot;
    const aliased = await client.evs.cinderUpdateSnapshot({
      ...args,
      body: { snapshot: { display_name: "old-style", display_description: "old-style text" } },
    });
    expect(aliased.snapshot).toMatchObject({ name: "old-style", description: "old-style text", updated_at: "2024-05-06T07:08:09.123000" });
    expect(aliased.snapshot).not.toHaveProperty("display_name");
    const both = await client.evs.cinderUpdateSnapshot({ ...args, body: { snapshot: { name: "winner", display_name: "loser" } } });
    expect(both.snapshot).toMatchObject({ name: "winner", description: "old-style text" });
  });

  it("data source: every update answers a new job id in the sample's form", async () => {
    const { cloud, client } = await start();
    const args = { ...cloud.resources.UpdateDataSource, body: validBody("UpdateDataSource") };
    const jobs = [await client.dws.updateDataSource(args), await client.dws.updateDataSource(args)].map((a) => a.job_id);
    expect(new Set([...jobs, okExample("UpdateDataSource").job_id]).size).toBe(3);
    for (const job of jobs) expect(job).toMatch(/^[0-9a-f]{32}$/);
  });

  it("endpoint: the route tables are replaced, not merged, and an empty list empties them", async () => {
    const { cloud, client } = await start();
    const args = cloud.resources.UpdateEndpointRoutetable;
    const replaced = await client.vpcep.updateEndpointRoutetable({ ...args, body: { routetables: ["rt-a", "rt-b"] } });
    expect(replaced).toEqual({ routetables: ["rt-a", "rt-b"] });
    const emptied = await client.vpcep.updateEndpointRoutetable({ ...args, body: { routetables: [] } });
    expect(emptied).toEqual({ routetables: [] });
  });

  it("each mock cloud has its own state, starting from the spec's samples", async () => {
    const { cloud, client } = await start();
    await client.vpc.updateVpcPeering({ ...cloud.resources.UpdateVpcPeering, body: { peering: { description: "only here" } } });
    const other = await startMock();
    const answer = await clientFor(other).vpc.updateVpcPeering({ ...other.resources.UpdateVpcPeering, body: { peering: { name: "x" } } });
    expect(answer.peering).not.toHaveProperty("description");
  });

  it("a rejected update changes nothing", async () => {
    const { cloud } = await start();
    const client = clientFor(cloud, { validate: false });
    const args = cloud.resources.UpdateVpcPeering;
    await client.vpc.updateVpcPeering({ ...args, body: { peering: { name: "kept" } } });
    await client.vpc.updateVpcPeering({ ...args, body: { peering: { name: "" } } }).catch(() => undefined);
    const answer = await client.vpc.updateVpcPeering({ ...args, body: { peering: { description: "d" } } });
    expect(answer.peering.name).toBe("kept");
    expect(cloud.requests.map((r) => r.status)).toEqual([200, 400, 200]);
  });
});
