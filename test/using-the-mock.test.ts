import { createClient } from "hwcloud-typed";
import { type MockCloud, MOCK_AK, MOCK_SK, startMockCloud } from "hwcloud-typed/mock";
import { afterAll, beforeAll, expect, test } from "vitest";

let cloud: MockCloud;
beforeAll(async () => {
  // One injected 503: the client's retry layer should hide it from your code.
  cloud = await startMockCloud({ faults: [{ operation: "UpdateVpcPeering", status: 503, times: 1 }] });
});
afterAll(() => cloud.close());

test("my code renames a peering, even through a transient 503", async () => {
  const client = createClient({ credentials: { ak: MOCK_AK, sk: MOCK_SK }, endpoints: cloud.endpoints });

  const { peering } = await client.vpc.updateVpcPeering({
    ...cloud.resources.UpdateVpcPeering,
    body: { peering: { name: "renamed-by-my-code" } },
  });

  expect(peering.name).toBe("renamed-by-my-code");
  expect(cloud.requests.map((request) => request.status)).toEqual([503, 200]);
  expect(cloud.requests[1]?.body).toEqual({ peering: { name: "renamed-by-my-code" } });
});
