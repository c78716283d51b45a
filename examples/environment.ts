/**
 * No credentials and no project ID in the code: the client signs with
 * HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (else the [basic] section of
 * ~/.huaweicloud/credentials) and looks the project ID up once, through
 * IAM, for its region (cn-north-4 unless `region` says otherwise).
 * Standalone against the mock:
 * `HUAWEICLOUD_SDK_AK=MOCKAKEXAMPLE0000001 HUAWEICLOUD_SDK_SK=mock-secret-key-example-000000000000000000 npx tsx --conditions=hwcloud-typed:source examples/environment.ts`
 */
import { fileURLToPath } from "node:url";
import { createClient, type Endpoints } from "hwcloud-typed";
import { type MockResources, startMockCloud } from "hwcloud-typed/mock";

export async function renameSnapshotFromEnvironment(endpoints: Endpoints, resources: MockResources) {
  const client = createClient({ endpoints });

  const { snapshot } = await client.evs.cinderUpdateSnapshot({
    snapshot_id: resources.CinderUpdateSnapshot.snapshot_id,
    body: { snapshot: { name: "named-from-the-environment" } },
  });
  return snapshot;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const cloud = await startMockCloud();
  console.log(await renameSnapshotFromEnvironment(cloud.endpoints, cloud.resources));
  await cloud.close();
}
