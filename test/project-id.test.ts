/**
 * Where a `{project_id}` nobody gave comes from: the environment, the
 * credentials, then IAM's project list under the region's name, looked up
 * once per client, through the client's own request path.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createClient, ProjectIdNotFoundError } from "../src/index.ts";
import { MOCK_AK, MOCK_SK, type MockCloud, startMockCloud } from "../src/mock/index.ts";
import { createProjectIdResolver } from "../src/project-id.ts";

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
