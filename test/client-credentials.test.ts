/**
 * How a client gets its credentials and keeps signing right: the credential
 * chain when `credentials` is left out, providers of temporary keys, and
 * the server's clock once a refusal for clock skew revealed it.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createClient, CredentialsNotFoundError, TimeoutError, ValidationError } from "../src/index.ts";
import { MOCK_AK, MOCK_SK, type MockCloud, startMockCloud } from "../src/mock/index.ts";

const SEEDED_PROJECT = "89cd04f168b84af6be287f71730fdb4b";
let cloud: MockCloud;
let home: string;

beforeAll(async () => {
  cloud = await startMockCloud();
  home = await mkdtemp(path.join(tmpdir(), "hwcloud-home-"));
});
afterAll(async () => {
  await cloud.close();
  await rm(home, { recursive: true, force: true });
});
afterEach(() => {
  cloud.requests.length = 0;
  vi.unstubAllEnvs();
});

/** A process environment with none of Huawei's variables, and a home without a credentials file. */
function cleanEnvironment(): void {
  for (const name of ["AK", "SK", "SECURITY_TOKEN", "PROJECT_ID", "CREDENTIALS_FILE"]) vi.stubEnv(`HUAWEICLOUD_SDK_${name}`, "");
  vi.stubEnv("HOME", home);
  vi.stubEnv("USERPROFILE", home);
}

const snapshotUpdate = (name: string) => ({ snapshot_id: cloud.resources.CinderUpdateSnapshot.snapshot_id, body: { snapshot: { name } } });

describe("without credentials in the code", () => {
  it("signs with HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK, and fills the project from HUAWEICLOUD_SDK_PROJECT_ID", async () => {
    cleanEnvironment();
    vi.stubEnv("HUAWEICLOUD_SDK_AK", MOCK_AK);
    vi.stubEnv("HUAWEICLOUD_SDK_SK", MOCK_SK);
    vi.stubEnv("HUAWEICLOUD_SDK_PROJECT_ID", SEEDED_PROJECT);
    const client = createClient({ endpoints: cloud.endpoints });
    expect((await client.evs.cinderUpdateSnapshot(snapshotUpdate("from-env"))).snapshot.name).toBe("from-env");
    expect(cloud.requests.map((request) => [request.operation, request.auth])).toEqual([
      ["CinderUpdateSnapshot", { ok: true, scheme: "aksk", ak: MOCK_AK }],
    ]);
  });

  it("reads the [basic] section of the credentials file Huawei's SDKs share, project_id included", async () => {
    cleanEnvironment();
    const file = path.join(home, "credentials");
    await writeFile(file, `[global]\nak = not-used\nsk = not-used\n\n[basic]\nak = ${MOCK_AK}\nsk = ${MOCK_SK}\nproject_id = ${SEEDED_PROJECT}\n`);
    vi.stubEnv("HUAWEICLOUD_SDK_CREDENTIALS_FILE", file);
    const client = createClient({ endpoints: cloud.endpoints });
    await client.evs.cinderUpdateSnapshot(snapshotUpdate("from-file"));
    expect(cloud.requests.map((request) => request.operation)).toEqual(["CinderUpdateSnapshot"]);
    expect(cloud.requests[0]!.path).toContain(`/v2/${SEEDED_PROJECT}/`);
  });

  it("fails the call with a ValidationError listing the sources tried, quoting no value", async () => {
    cleanEnvironment();
    vi.stubEnv("HUAWEICLOUD_SDK_SECURITY_TOKEN", "");
    const client = createClient({ endpoints: cloud.endpoints, projectId: SEEDED_PROJECT });
    const error = await client.evs.cinderUpdateSnapshot(snapshotUpdate("x")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsNotFoundError);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toMatch(/environment[\s\S]*credentials file/);
    expect(cloud.requests).toEqual([]);
  });
});

describe("a credentials provider", () => {
  it("is asked again before its temporary keys expire, concurrent calls sharing one refresh", async () => {
    let handedOut = 0;
    const provider = vi.fn(async () => {
      handedOut += 1;
      return { ak: MOCK_AK, sk: MOCK_SK, expiresAt: Date.now() + 200 };
    });
    const client = createClient({ credentials: provider, endpoints: cloud.endpoints, projectId: SEEDED_PROJECT });
    await Promise.all(["a", "b", "c"].map((name) => client.evs.cinderUpdateSnapshot(snapshotUpdate(name))));
    expect(handedOut).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 250));
    await client.evs.cinderUpdateSnapshot(snapshotUpdate("d"));
    expect(handedOut).toBe(2);
    expect(cloud.requests.every((request) => request.status === 200)).toBe(true);
  });
});

describe("an attempt that times out while the credentials are still being looked up", () => {
  const dataSourceUpdate = () => ({ ...cloud.resources.UpdateDataSource, body: { reconfigure: { reboot: false } } });

  it.each([
    ["a key provider", (hang: () => Promise<never>) => ({ credentials: async () => hang() })],
    ["a token function", (hang: () => Promise<never>) => ({ credentials: { token: async () => hang() } })],
  ])("with %s: fails with a TimeoutError saying nothing was sent", async (_, credentialsOf) => {
    const hang = () => new Promise<never>(() => undefined);
    const client = createClient({ ...credentialsOf(hang), endpoints: cloud.endpoints, projectId: SEEDED_PROJECT, timeout: 100, retry: { maxAttempts: 1 } });
    const error = await client.dws.updateDataSource(dataSourceUpdate()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ operation: "UpdateDataSource", requestSent: false, attempts: 1 });
    expect(cloud.requests).toHaveLength(0);
  });

  it("sends an operation that is not idempotent once the provider answers, on the next attempt", async () => {
    // Slower than one attempt; the client keeps asking the same lookup, which the next attempt then gets.
    const provider = vi.fn(async () => {
      await new Promise((resolve) => setTimeout(resolve, 150));
      return { ak: MOCK_AK, sk: MOCK_SK };
    });
    const onRetry = vi.fn();
    const client = createClient({ credentials: provider, endpoints: cloud.endpoints, projectId: SEEDED_PROJECT, timeout: 100, retry: { baseDelayMs: 1, onRetry } });
    await client.dws.updateDataSource(dataSourceUpdate());
    expect(onRetry).toHaveBeenCalledTimes(1);
    expect(onRetry.mock.calls[0]![0].error).toMatchObject({ requestSent: false });
    expect(cloud.requests.map((request) => request.status)).toEqual([200]);
  });

  it("a deadline that ends the call in the lookup also says nothing was sent", async () => {
    const client = createClient({ credentials: async () => new Promise<never>(() => undefined), endpoints: cloud.endpoints, projectId: SEEDED_PROJECT });
    const error = await client.dws.updateDataSource(dataSourceUpdate(), { retry: { deadlineMs: 100 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ requestSent: false });
    expect((error as Error).message).toContain("100 ms deadline");
  });
});

describe("a clock 20 minutes off", () => {
  it.each([20, -20])("at %i minutes: signs again once on the server's time, then keeps that time for later calls", async (minutes) => {
    const skewed = await startMockCloud({ clockSkewMs: minutes * 60_000 });
    try {
      const client = createClient({ credentials: { ak: MOCK_AK, sk: MOCK_SK }, endpoints: skewed.endpoints });
      const dws = skewed.resources.UpdateDataSource;
      // Not idempotent, and still resent: the gateway refused the request before DWS saw it.
      await client.dws.updateDataSource({ ...dws, body: { reconfigure: { reboot: false } } });
      await client.dws.updateDataSource({ ...dws, body: { reconfigure: { reboot: false } } });
      expect(skewed.requests.map((request) => request.status)).toEqual([401, 200, 200]);
      expect((skewed.requests[0]!.headers as Record<string, string>)["x-sdk-date"]).not.toBe(skewed.requests[1]!.headers["x-sdk-date"]);
    } finally {
      await skewed.close();
    }
  });

  it("with a token: a 401 is the caller's, nothing is resent", async () => {
    const skewed = await startMockCloud({ clockSkewMs: 20 * 60_000 });
    try {
      const client = createClient({ credentials: { token: "not-the-token" }, endpoints: skewed.endpoints });
      await expect(client.vpc.updateVpcPeering({ ...skewed.resources.UpdateVpcPeering, body: { peering: { name: "x" } } })).rejects.toMatchObject({ status: 401 });
      expect(skewed.requests).toHaveLength(1);
    } finally {
      await skewed.close();
    }
  });
});
