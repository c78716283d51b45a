/**
 * Where a `{project_id}` nobody gave comes from: the environment, the
 * credentials, then IAM's project list under the region's name, looked up
 * once per client, through the client's own request path.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { AbortError, createClient, InvalidResponseError, ProjectIdNotFoundError, TimeoutError } from "../src/index.ts";
import { MOCK_AK, MOCK_SK, type MockCloud, startMockCloud } from "../src/mock/index.ts";
import { createProjectIdResolver } from "../src/project-id.ts";
import type { Handler } from "./helpers/loopback-server.ts";
import { rejectionOf } from "./helpers/thrown.ts";
import { useServers } from "./helpers/use-loopback.ts";

const SEEDED_PROJECT = "89cd04f168b84af6be287f71730fdb4b";

describe("createProjectIdResolver", () => {
  const listed = (projects: Array<{ id: string; name: string }>) => vi.fn(async () => projects);

  it("prefers the credentials' project ID and never asks IAM then", async () => {
    const listProjects = listed([]);
    const resolve = createProjectIdResolver({ region: "cn-north-4", fromCredentials: async () => "from-credentials", listProjects });
    expect(await resolve(undefined)).toBe("from-credentials");
    expect(listProjects).not.toHaveBeenCalled();
  });

  it("looks the region's project up once, concurrent first calls sharing the lookup", async () => {
    const listProjects = listed([{ id: "p-1", name: "cn-north-4" }]);
    const resolve = createProjectIdResolver({ region: "cn-north-4", fromCredentials: async () => undefined, listProjects });
    expect(await Promise.all([resolve(undefined), resolve(undefined), resolve(undefined)])).toEqual(["p-1", "p-1", "p-1"]);
    expect(await resolve(undefined)).toBe("p-1");
    expect(listProjects).toHaveBeenCalledTimes(1);
    expect(listProjects).toHaveBeenCalledWith("cn-north-4");
  });

  it("keeps only projects named after the region, whatever the server filtered", async () => {
    const resolve = createProjectIdResolver({
      region: "cn-north-4",
      fromCredentials: async () => undefined,
      listProjects: listed([
        { id: "sub", name: "cn-north-4_dev" },
        { id: "p-1", name: "cn-north-4" },
        { id: "other", name: "ap-southeast-1" },
      ]),
    });
    expect(await resolve(undefined)).toBe("p-1");
  });

  it.each([
    ["no project", [], 0],
    ["two projects", [{ id: "a", name: "cn-north-4" }, { id: "b", name: "cn-north-4" }], 2],
  ])("fails typed, naming the region and how to set the ID, when IAM lists %s", async (_, projects, matches) => {
    const resolve = createProjectIdResolver({ region: "cn-north-4", fromCredentials: async () => undefined, listProjects: listed(projects) });
    const error = await resolve(undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProjectIdNotFoundError);
    expect(error).toMatchObject({ region: "cn-north-4", matches });
    expect((error as Error).message).toMatch(/cn-north-4[\s\S]*projectId[\s\S]*HUAWEICLOUD_SDK_PROJECT_ID/);
  });

  it("does not keep a failed lookup: the next call asks again", async () => {
    const listProjects = vi.fn().mockRejectedValueOnce(new Error("IAM down")).mockResolvedValueOnce([{ id: "p-1", name: "cn-north-4" }]);
    const resolve = createProjectIdResolver({ region: "cn-north-4", fromCredentials: async () => undefined, listProjects });
    await expect(resolve(undefined)).rejects.toThrow("IAM down");
    expect(await resolve(undefined)).toBe("p-1");
  });

  it("lets a caller stop waiting on its own signal without failing the shared lookup", async () => {
    let answer!: (projects: Array<{ id: string; name: string }>) => void;
    const listProjects = vi.fn(() => new Promise<Array<{ id: string; name: string }>>((resolve) => (answer = resolve)));
    const resolve = createProjectIdResolver({ region: "cn-north-4", fromCredentials: async () => undefined, listProjects });
    const controller = new AbortController();
    const impatient = resolve(controller.signal);
    const patient = resolve(undefined);
    controller.abort(new Error("gave up"));
    await expect(impatient).rejects.toThrow("gave up");
    answer([{ id: "p-1", name: "cn-north-4" }]);
    expect(await patient).toBe("p-1");
  });
});

describe("a client given no project ID", () => {
  let cloud: MockCloud;
  beforeAll(async () => {
    cloud = await startMockCloud();
  });
  afterAll(() => cloud.close());
  afterEach(() => {
    cloud.requests.length = 0;
    vi.unstubAllEnvs();
  });

  it("fills {project_id} from IAM's project list for its region, looked up once for concurrent calls", async () => {
    vi.stubEnv("HUAWEICLOUD_SDK_PROJECT_ID", "");
    const client = createClient({ credentials: { ak: MOCK_AK, sk: MOCK_SK }, endpoints: cloud.endpoints });
    const { snapshot_id } = cloud.resources.CinderUpdateSnapshot;
    const answers = await Promise.all(
      ["a", "b", "c"].map((name) => client.evs.cinderUpdateSnapshot({ snapshot_id, body: { snapshot: { name } } })),
    );
    expect(answers.map((answer) => answer.snapshot.id)).toEqual([snapshot_id, snapshot_id, snapshot_id]);
    const lookups = cloud.requests.filter((request) => request.operation === "KeystoneListProjects");
    expect(lookups.map((request) => request.path)).toEqual(["/v3/projects?name=cn-north-4"]);
    expect(cloud.requests.filter((request) => request.operation === "CinderUpdateSnapshot").map((r) => r.path)).toEqual(
      Array(3).fill(`/v2/${SEEDED_PROJECT}/snapshots/${snapshot_id}`),
    );
  });

  it("takes HUAWEICLOUD_SDK_PROJECT_ID first, asking IAM nothing", async () => {
    vi.stubEnv("HUAWEICLOUD_SDK_PROJECT_ID", SEEDED_PROJECT);
    const client = createClient({ credentials: { ak: MOCK_AK, sk: MOCK_SK }, endpoints: cloud.endpoints });
    const { snapshot_id } = cloud.resources.CinderUpdateSnapshot;
    await client.evs.cinderUpdateSnapshot({ snapshot_id, body: { snapshot: { name: "env" } } });
    expect(cloud.requests.map((request) => request.operation)).toEqual(["CinderUpdateSnapshot"]);
  });

  it("fails typed, before sending the call, when no project bears the region's name", async () => {
    vi.stubEnv("HUAWEICLOUD_SDK_PROJECT_ID", "");
    const client = createClient({ credentials: { ak: MOCK_AK, sk: MOCK_SK }, endpoints: cloud.endpoints, region: "ap-southeast-1" });
    const error = await client.evs
      .cinderUpdateSnapshot({ snapshot_id: cloud.resources.CinderUpdateSnapshot.snapshot_id, body: { snapshot: { name: "x" } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProjectIdNotFoundError);
    expect(error).toMatchObject({ region: "ap-southeast-1", matches: 0 });
    expect(cloud.requests.map((request) => request.operation)).toEqual(["KeystoneListProjects"]);
  });

  it("asks nothing for an operation whose path has no {project_id}", async () => {
    const client = createClient({ credentials: { ak: MOCK_AK, sk: MOCK_SK }, endpoints: cloud.endpoints });
    await client.vpc.updateVpcPeering({ ...cloud.resources.UpdateVpcPeering, body: { peering: { name: "no-project" } } });
    expect(cloud.requests.map((request) => request.operation)).toEqual(["UpdateVpcPeering"]);
  });
});

describe("a client whose IAM is slow or answers oddly", () => {
  const servers = useServers();
  afterEach(() => vi.unstubAllEnvs());

  /** A client whose IAM and EVS are one loopback server answering with `handler`; no project ID anywhere. */
  async function clientOver(handler: Handler) {
    vi.stubEnv("HUAWEICLOUD_SDK_PROJECT_ID", "");
    const server = await servers(handler);
    const client = createClient({ credentials: { ak: MOCK_AK, sk: MOCK_SK }, endpoints: { iam: server.origin, evs: server.origin }, timeout: 5_000 });
    return { server, client };
  }
  const rename = { snapshot_id: "snap-1", body: { snapshot: { name: "x" } } };
  const stalled: Handler = () => undefined;

  it("fails a call aborted while the project ID is looked up with an AbortError, at once", async () => {
    const { client } = await clientOver(stalled);
    const controller = new AbortController();
    const call = client.evs.cinderUpdateSnapshot(rename, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("user cancelled")), 50);
    const started = performance.now();
    const error = await rejectionOf(call, AbortError);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(error).toMatchObject({ operation: "CinderUpdateSnapshot", attempts: 0 });
    expect((error.cause as Error).message).toBe("user cancelled");
    await rejectionOf(client.evs.cinderUpdateSnapshot(rename, { signal: controller.signal }), AbortError);
  });

  it("ends a call at its deadline while IAM is slow, with a TimeoutError saying nothing was sent", async () => {
    const { server, client } = await clientOver(stalled);
    const started = performance.now();
    const error = await rejectionOf(client.evs.cinderUpdateSnapshot(rename, { retry: { deadlineMs: 200 } }), TimeoutError);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(error).toMatchObject({ operation: "CinderUpdateSnapshot", requestSent: false });
    expect(error.message).toContain("200 ms deadline");
    expect(server.received.map((request) => request.url)).toEqual(["/v3/projects?name=cn-north-4"]);
  });

  it("gives the request what is left of the deadline once the lookup is done", async () => {
    let lookups = 0;
    const { server, client } = await clientOver((request, response) => {
      if (request.url.startsWith("/v3/projects")) {
        lookups++;
        setTimeout(() => response.writeHead(200, { "content-type": "application/json" }).end('{"projects":[{"id":"p1","name":"cn-north-4"}]}'), 400);
      }
      // The update itself is never answered.
    });
    const started = performance.now();
    await rejectionOf(client.evs.cinderUpdateSnapshot(rename, { retry: { deadlineMs: 500 } }), TimeoutError);
    expect(performance.now() - started).toBeLessThan(750);
    expect(lookups).toBe(1);
    expect(server.received.map((request) => request.url)).toEqual(["/v3/projects?name=cn-north-4", "/v2/p1/snapshots/snap-1"]);
  });

  it.each([
    ["an entry that is not a project", [null, { id: "p1", name: "cn-north-4" }]],
    ["the region's project without an id", [{ name: "cn-north-4" }]],
    ["the region's project with an id that is not text", [{ id: 5, name: "cn-north-4" }]],
    ["the region's project with an id no project has", [{ id: "../v3/other?x=", name: "cn-north-4" }]],
  ])("refuses an IAM list with %s as an InvalidResponseError, sending nothing", async (_, projects) => {
    const { server, client } = await clientOver((_request, response) =>
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ projects })),
    );
    const error = await rejectionOf(client.evs.cinderUpdateSnapshot(rename), InvalidResponseError);
    expect(error).toMatchObject({ operation: "KeystoneListProjects", status: 200 });
    expect(server.received.map((request) => request.url)).toEqual(["/v3/projects?name=cn-north-4"]);
  });

  it("names the content type and request id of an IAM answer without a projects list", async () => {
    const { client } = await clientOver((_request, response) =>
      response.writeHead(200, { "content-type": "application/json;charset=UTF-8", "x-request-id": "iam-req-7" }).end('{"items":[]}'),
    );
    const error = await rejectionOf(client.evs.cinderUpdateSnapshot(rename), InvalidResponseError);
    expect(error).toMatchObject({ operation: "KeystoneListProjects", contentType: "application/json;charset=UTF-8", requestId: "iam-req-7" });
    expect(error.message).toContain("has no `projects` list (content type application/json;charset=UTF-8, request id iam-req-7)");
  });
});
