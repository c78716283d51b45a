/**
 * Retries: the mock answers 503 twice, then 429 with Retry-After, and the
 * client rides it out: same call, fresh signature each attempt, one result.
 * Standalone: `npx tsx --conditions=hwcloud-typed:source examples/retries.ts`.
 */
import { fileURLToPath } from "node:url";
import { createClient, type Endpoints } from "hwcloud-typed";
import { MOCK_AK, MOCK_SK, type MockCloud, startMockCloud } from "hwcloud-typed/mock";

export async function retryThroughFaults(cloud: Pick<MockCloud, "endpoints" | "resources" | "setFaults">) {
  cloud.setFaults([
    { operation: "UpdateVpcPeering", status: 503, times: 2 },
    { operation: "UpdateVpcPeering", status: 429, retryAfter: 1, times: 1 },
  ]);
  const retries: string[] = [];
  const client = createClient({
    credentials: { ak: MOCK_AK, sk: MOCK_SK },
    endpoints: cloud.endpoints as Endpoints,
    retry: {
      maxAttempts: 4,
      baseDelayMs: 100,
      onRetry: ({ attempt, status, delayMs }) => retries.push(`attempt ${attempt}: ${status}, next in ${delayMs} ms`),
    },
  });

  const { peering } = await client.vpc.updateVpcPeering({
    peering_id: cloud.resources.UpdateVpcPeering.peering_id,
    body: { peering: { name: "peering-after-retries" } },
  });
  cloud.setFaults();
  return { peering, retries };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const cloud = await startMockCloud();
  console.log(await retryThroughFaults(cloud));
  await cloud.close();
}
