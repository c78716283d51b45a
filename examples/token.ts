/**
 * An IAM token instead of AK/SK. The token may also be a function, called
 * before every request, so a long-lived client can refresh it.
 * Standalone: `npx tsx --conditions=hwcloud-typed:source examples/token.ts`.
 */
import { fileURLToPath } from "node:url";
import { createClient, type Endpoints, NotFoundError } from "hwcloud-typed";
import { MOCK_TOKEN, type MockResources, startMockCloud } from "hwcloud-typed/mock";

export async function renameSnapshotWithToken(endpoints: Endpoints, resources: MockResources) {
  const client = createClient({
    credentials: { token: async () => MOCK_TOKEN },
    projectId: resources.CinderUpdateSnapshot.project_id,
    endpoints,
  });

  const { snapshot } = await client.evs.cinderUpdateSnapshot({
    snapshot_id: resources.CinderUpdateSnapshot.snapshot_id,
    body: { snapshot: { display_name: "weekly-backup" } },
  });

  try {
    await client.evs.cinderUpdateSnapshot({ snapshot_id: "no-such-snapshot", body: { snapshot: { name: "x" } } });
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    return { snapshot, notFound: { status: error.status, code: error.code, requestId: error.requestId } };
  }
  throw new Error("the unknown snapshot was found");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const cloud = await startMockCloud();
  console.log(await renameSnapshotWithToken(cloud.endpoints, cloud.resources));
  await cloud.close();
}
