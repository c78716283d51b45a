/**
 * The runtime smoke test: all five operations with AK/SK, then all five with
 * a token, against a mock cloud that a Node process started. It imports only
 * the installed package and web APIs, so Node, Deno, Bun and a browser bundle
 * run the same code; run.ts checks what the mock received.
 */
import { createClient, type Credentials, type Endpoints } from "hwcloud-typed";
import type { MockResources } from "hwcloud-typed/mock";

export interface SmokeConfig {
  endpoints: Endpoints;
  resources: MockResources;
  ak: string;
  sk: string;
  token: string;
}

/** One line per call, e.g. "AK/SK UpdateVpcPeering: peering renamed to smoke-aksk". */
export async function runSmoke(config: SmokeConfig): Promise<string[]> {
  const lines: string[] = [];
  const rounds: Array<[string, Credentials]> = [
    ["AK/SK", { ak: config.ak, sk: config.sk }],
    ["token", { token: config.token }],
  ];
  for (const [auth, credentials] of rounds) {
    const client = createClient({ credentials, endpoints: config.endpoints, retry: { maxAttempts: 1 } });
    const { resources } = config;
    const tag = `smoke-${auth === "token" ? "token" : "aksk"}`;

    const { peering } = await client.vpc.updateVpcPeering({ ...resources.UpdateVpcPeering, body: { peering: { name: tag } } });
    expectEqual("UpdateVpcPeering", peering.name, tag);
    lines.push(`${auth} UpdateVpcPeering: peering renamed to ${peering.name}`);

    const priority = auth === "token" ? 30 : 20;
    const { traffic_mirror_session } = await client.vpc.updateTrafficMirrorSession({
      ...resources.UpdateTrafficMirrorSession,
      body: { traffic_mirror_session: { priority } },
    });
    expectEqual("UpdateTrafficMirrorSession", traffic_mirror_session.priority, priority);
    lines.push(`${auth} UpdateTrafficMirrorSession: priority ${traffic_mirror_session.priority}`);

    const { snapshot } = await client.evs.cinderUpdateSnapshot({
      ...resources.CinderUpdateSnapshot,
      body: { snapshot: { name: tag, description: "runtime smoke test" } },
    });
    expectEqual("CinderUpdateSnapshot", snapshot.name, tag);
    lines.push(`${auth} CinderUpdateSnapshot: snapshot renamed to ${snapshot.name}`);

    const { job_id } = await client.dws.updateDataSource({
      ...resources.UpdateDataSource,
      body: { reconfigure: { reboot: false, agency: "DWSAccessOBS" } },
    });
    if (typeof job_id !== "string" || job_id === "") throw new Error(`UpdateDataSource: no job_id in ${JSON.stringify(job_id)}`);
    lines.push(`${auth} UpdateDataSource: job ${job_id}`);

    const routetable = auth === "token" ? "0b1f7a3e-2c4d-4e5f-8a9b-0c1d2e3f4a5b" : "705290f3-0d00-41f2-aedc-71f09844e879";
    const { routetables } = await client.vpcep.updateEndpointRoutetable({
      ...resources.UpdateEndpointRoutetable,
      body: { routetables: [routetable] },
    });
    expectEqual("UpdateEndpointRoutetable", routetables?.join(), routetable);
    lines.push(`${auth} UpdateEndpointRoutetable: route tables ${routetables?.join()}`);
  }
  return lines;
}

function expectEqual(operation: string, actual: unknown, expected: unknown): void {
  if (actual !== expected) throw new Error(`${operation}: got ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
}
