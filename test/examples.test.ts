/** The examples under examples/ (quoted in the README) run against the mock cloud and do what they say. */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { updateAllWithAkSk } from "../examples/aksk.ts";
import { renameSnapshotFromEnvironment } from "../examples/environment.ts";
import { retryThroughFaults } from "../examples/retries.ts";
import { renameSnapshotWithToken } from "../examples/token.ts";
import { MOCK_AK, MOCK_SK, type MockCloud, startMockCloud } from "../src/mock/index.ts";

let cloud: MockCloud;
beforeEach(async () => {
  cloud = await startMockCloud();
});
afterEach(() => cloud.close());

describe("examples", () => {
  it("aksk.ts updates all five resources with signed requests", async () => {
    const result = await updateAllWithAkSk(cloud.endpoints, cloud.resources);
    expect(result.peering.name).toBe("peering-prod-shared");
    expect(result.traffic_mirror_session).toMatchObject({ priority: 20, enabled: true });
    expect(result.snapshot).toMatchObject({ name: "nightly-2026-11-23", description: "Before the kernel upgrade" });
    expect(result.job_id).toMatch(/\S/);
    expect(result.routetables).toEqual(["705290f3-0d00-41f2-aedc-71f09844e879"]);
    expect(cloud.requests.map((request) => [request.operation, request.auth?.ok && request.auth.scheme, request.status])).toEqual([
      ["UpdateVpcPeering", "aksk", 200],
      ["UpdateTrafficMirrorSession", "aksk", 200],
      ["CinderUpdateSnapshot", "aksk", 200],
      ["UpdateDataSource", "aksk", 200],
      ["UpdateEndpointRoutetable", "aksk", 200],
    ]);
  });

  it("token.ts renames a snapshot with a token and catches the typed 404", async () => {
    const result = await renameSnapshotWithToken(cloud.endpoints, cloud.resources);
    expect(result.snapshot.name).toBe("weekly-backup");
    expect(result.notFound).toMatchObject({ status: 404, code: "itemNotFound" });
    expect(result.notFound.requestId).toBe(cloud.requests[1]!.requestId);
    expect(cloud.requests.every((request) => request.auth?.ok && request.auth.scheme === "token")).toBe(true);
  });

  it("environment.ts signs with the environment's keys and looks the project up through IAM", async () => {
    vi.stubEnv("HUAWEICLOUD_SDK_AK", MOCK_AK);
    vi.stubEnv("HUAWEICLOUD_SDK_SK", MOCK_SK);
    vi.stubEnv("HUAWEICLOUD_SDK_PROJECT_ID", "");
    try {
      expect((await renameSnapshotFromEnvironment(cloud.endpoints, cloud.resources)).name).toBe("named-from-the-environment");
    } finally {
      vi.unstubAllEnvs();
    }
    expect(cloud.requests.map((request) => [request.method, request.path.split("?")[0], request.auth?.ok && request.auth.scheme])).toEqual([
      ["GET", "/v3/projects", "aksk"],
      ["PUT", `/v2/${cloud.resources.CinderUpdateSnapshot.project_id}/snapshots/${cloud.resources.CinderUpdateSnapshot.snapshot_id}`, "aksk"],
    ]);
  });

  it("retries.ts rides out two 503s and a 429 and reports each retry", async () => {
    const result = await retryThroughFaults(cloud);
    expect(result.peering.name).toBe("peering-after-retries");
    expect(cloud.requests.map((request) => request.status)).toEqual([503, 503, 429, 200]);
    expect(result.retries).toHaveLength(3);
    expect(result.retries[2]).toBe("attempt 3: 429, next in 1000 ms");
    expect(new Set(cloud.requests.map((request) => request.headers["x-sdk-date"])).size).toBeGreaterThan(1);
  });
});
