/**
 * All five operations with AK/SK (SDK-HMAC-SHA256) signing.
 * Standalone: `npx tsx --conditions=hwcloud-typed:source examples/aksk.ts` starts a mock cloud and runs against it.
 */
import { fileURLToPath } from "node:url";
import { createClient, type Endpoints } from "hwcloud-typed";
import { MOCK_AK, MOCK_SK, type MockResources, startMockCloud } from "hwcloud-typed/mock";

/** `resources` holds the mock's seeded ids (project_id included), spread into each call's path parameters. */
export async function updateAllWithAkSk(endpoints: Endpoints, resources: MockResources) {
  const client = createClient({ credentials: { ak: MOCK_AK, sk: MOCK_SK }, endpoints });

  const { peering } = await client.vpc.updateVpcPeering({
    ...resources.UpdateVpcPeering,
    body: { peering: { name: "peering-prod-shared" } },
  });
  const { traffic_mirror_session } = await client.vpc.updateTrafficMirrorSession({
    ...resources.UpdateTrafficMirrorSession,
    body: { traffic_mirror_session: { priority: 20, enabled: "true" } },
  });
  const { snapshot } = await client.evs.cinderUpdateSnapshot({
    ...resources.CinderUpdateSnapshot,
    body: { snapshot: { name: "nightly-2026-11-23", description: "Before the kernel upgrade" } },
  });
  const { job_id } = await client.dws.updateDataSource({
    ...resources.UpdateDataSource,
    body: { reconfigure: { reboot: false, agency: "DWSAccessOBS" } },
  });
  const { routetables } = await client.vpcep.updateEndpointRoutetable({
    ...resources.UpdateEndpointRoutetable,
    body: { routetables: ["705290f3-0d00-41f2-aedc-71f09844e879"] },
  });

  return { peering, traffic_mirror_session, snapshot, job_id, routetables };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const cloud = await startMockCloud();
  console.log(await updateAllWithAkSk(cloud.endpoints, cloud.resources));
  await cloud.close();
}
