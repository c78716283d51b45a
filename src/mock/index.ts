/**
 * The mock cloud: a local, spec-driven stand-in for the Huawei Cloud
 * services of hwcloud-typed, for tests and examples. Loopback only by default.
 *
 *   const cloud = await startMockCloud();
 *   const client = createClient({ credentials: { ak: MOCK_AK, sk: MOCK_SK }, endpoints: cloud.endpoints });
 *   await client.vpc.updateVpcPeering({ ...cloud.resources.UpdateVpcPeering, body: { peering: { name: "x" } } });
 *   await cloud.close();
 */
export { startMockCloud } from "./server.ts";
export type { MockCloud, MockCloudOptions, RecordedRequest } from "./server.ts";
export { DEFAULT_MOCK_CREDENTIALS, MAX_CLOCK_SKEW_MS, MOCK_AK, MOCK_SK, MOCK_TOKEN } from "./auth.ts";
export type { MockCredentials } from "./auth.ts";
export { DEFAULT_SEED } from "./faults.ts";
export type { FaultEffect, FaultFunction, FaultRequest, FaultRule, Faults } from "./faults.ts";
export type { MockResources } from "./store.ts";
