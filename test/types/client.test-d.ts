/**
 * Compile-time specification of the generated method types
 * (generated/methods.ts): what a correct call looks like for each operation,
 * and which mistakes the compiler refuses. Each `@ts-expect-error` fails this
 * suite if the line below it ever compiles.
 */
import { describe, expectTypeOf, test } from "vitest";
import type { OperationCallArgs } from "../../generated/methods.ts";
import {
  type CallInit,
  type CinderSnapshot,
  createClient,
  type HwcloudTypedError,
  type KeystoneListProjectsResponseBody,
  type OperationArgs,
  type OperationResult,
  type TrafficMirrorSession,
  type UpdateDataSourceResponseBody,
  type UpdateEndpointRoutetableResponseBody,
  type UpdateVpcPeeringResponseBody,
  type VpcPeering,
} from "../../src/index.ts";

const client = createClient({ credentials: { token: "token" }, projectId: "0123456789abcdef" });
const noProject = createClient({ credentials: { ak: "ak", sk: "sk" } });

describe("UpdateVpcPeering", () => {
  test("a correct call compiles and resolves to the documented body", () => {
    const call = client.vpc.updateVpcPeering({ peering_id: "p", body: { peering: { name: "test2" } } });
    expectTypeOf(call).resolves.toHaveProperty("peering");
    expectTypeOf(call).resolves.toEqualTypeOf<{ peering: VpcPeering }>();
  });
  test("mistakes do not compile", () => {
    // @ts-expect-error the path parameter peering_id is required
    void client.vpc.updateVpcPeering({ body: { peering: { name: "test2" } } });
    // @ts-expect-error name is a string
    void client.vpc.updateVpcPeering({ peering_id: "p", body: { peering: { name: 2 } } });
    // @ts-expect-error unknown field in the option object
    void client.vpc.updateVpcPeering({ peering_id: "p", body: { peering: { name: "a", colour: "red" } } });
  });
  test("the response status is a closed enum", async () => {
    const { peering } = await client.vpc.updateVpcPeering({ peering_id: "p", body: { peering: { name: "a" } } });
    expectTypeOf(peering.status).toEqualTypeOf<
      "PENDING_ACCEPTANCE" | "REJECTED" | "EXPIRED" | "DELETED" | "ACTIVE" | undefined
    >();
    // @ts-expect-error "BOGUS" is not a peering status
    void (peering.status === "BOGUS");
  });
});

describe("UpdateTrafficMirrorSession", () => {
  test("a correct call compiles, project_id optional when the client has one", () => {
    const call = client.vpc.updateTrafficMirrorSession({
      traffic_mirror_session_id: "s",
      body: { traffic_mirror_session: { traffic_mirror_target_type: "elb", enabled: "true", priority: 11 } },
    });
    expectTypeOf(call).resolves.toHaveProperty("traffic_mirror_session").toEqualTypeOf<TrafficMirrorSession>();
  });
  test("the response's enabled is a boolean, the request's a string", async () => {
    const { traffic_mirror_session } = await client.vpc.updateTrafficMirrorSession({
      traffic_mirror_session_id: "s",
      body: { traffic_mirror_session: { enabled: "false" } },
    });
    expectTypeOf(traffic_mirror_session.enabled).toEqualTypeOf<boolean | undefined>();
  });
  test("mistakes do not compile", () => {
    // @ts-expect-error traffic_mirror_session_id is required
    void client.vpc.updateTrafficMirrorSession({ body: { traffic_mirror_session: { name: "a" } } });
    // project_id may be left out of any call: the client fills it (options, credentials, or IAM's project list).
    void noProject.vpc.updateTrafficMirrorSession({ traffic_mirror_session_id: "s", body: { traffic_mirror_session: { name: "a" } } });
    // @ts-expect-error priority is an integer, not a string
    void client.vpc.updateTrafficMirrorSession({ traffic_mirror_session_id: "s", body: { traffic_mirror_session: { priority: "1" } } });
    // @ts-expect-error unknown field
    void client.vpc.updateTrafficMirrorSession({ traffic_mirror_session_id: "s", body: { traffic_mirror_session: { mtu: 1 } } });
    // @ts-expect-error "nlb" is not a mirror target type
    void client.vpc.updateTrafficMirrorSession({ traffic_mirror_session_id: "s", body: { traffic_mirror_session: { traffic_mirror_target_type: "nlb" } } });
    // @ts-expect-error the request's enabled is the string "true" or "false", not a boolean
    void client.vpc.updateTrafficMirrorSession({ traffic_mirror_session_id: "s", body: { traffic_mirror_session: { enabled: true } } });
  });
});

describe("CinderUpdateSnapshot", () => {
  test("a correct call compiles and resolves to the documented body", () => {
    const call = client.evs.cinderUpdateSnapshot({ snapshot_id: "s", body: { snapshot: { name: "snap", description: "d" } } });
    expectTypeOf(call).resolves.toHaveProperty("snapshot").toEqualTypeOf<CinderSnapshot>();
    void noProject.evs.cinderUpdateSnapshot({ project_id: "p", snapshot_id: "s", body: { snapshot: { display_name: "x" } } });
  });
  test("mistakes do not compile", () => {
    // @ts-expect-error snapshot_id is required
    void client.evs.cinderUpdateSnapshot({ body: { snapshot: { name: "a" } } });
    // @ts-expect-error description is a string
    void client.evs.cinderUpdateSnapshot({ snapshot_id: "s", body: { snapshot: { description: false } } });
    // @ts-expect-error unknown field
    void client.evs.cinderUpdateSnapshot({ snapshot_id: "s", body: { snapshot: { size: 10 } } });
  });
  test("the response status is a closed enum", async () => {
    const { snapshot } = await client.evs.cinderUpdateSnapshot({ snapshot_id: "s", body: { snapshot: { name: "a" } } });
    // @ts-expect-error "frozen" is not a snapshot status
    void (snapshot.status === "frozen");
  });
});

describe("UpdateDataSource", () => {
  test("a correct call compiles and resolves to the documented body", () => {
    const call = client.dws.updateDataSource({
      cluster_id: "c",
      ext_data_source_id: "d",
      body: { reconfigure: { reboot: false, agency: "DWSAccessOBS" } },
    });
    expectTypeOf(call).resolves.toEqualTypeOf<UpdateDataSourceResponseBody>();
    expectTypeOf(call).resolves.toHaveProperty("job_id");
  });
  test("mistakes do not compile", () => {
    // @ts-expect-error ext_data_source_id is required
    void client.dws.updateDataSource({ cluster_id: "c", body: { reconfigure: {} } });
    // @ts-expect-error reboot is a boolean
    void client.dws.updateDataSource({ cluster_id: "c", ext_data_source_id: "d", body: { reconfigure: { reboot: "yes" } } });
    // @ts-expect-error unknown field
    void client.dws.updateDataSource({ cluster_id: "c", ext_data_source_id: "d", body: { reconfigure: { restart: true } } });
    // (no enum: neither the request nor the response of UpdateDataSource has one)
  });
});

describe("UpdateEndpointRoutetable", () => {
  test("a correct call compiles and resolves to the documented body", () => {
    const call = client.vpcep.updateEndpointRoutetable({ vpc_endpoint_id: "e", body: { routetables: ["rt-1"] } });
    expectTypeOf(call).resolves.toEqualTypeOf<UpdateEndpointRoutetableResponseBody>();
  });
  test("mistakes do not compile", () => {
    // @ts-expect-error vpc_endpoint_id is required
    void client.vpcep.updateEndpointRoutetable({ body: { routetables: [] } });
    // @ts-expect-error routetables is an array of strings
    void client.vpcep.updateEndpointRoutetable({ vpc_endpoint_id: "e", body: { routetables: "rt-1" } });
    // @ts-expect-error unknown field
    void client.vpcep.updateEndpointRoutetable({ vpc_endpoint_id: "e", body: { routetables: [], subnets: [] } });
    // (no enum: neither the request nor the response of UpdateEndpointRoutetable has one)
  });
});

describe("KeystoneListProjects, a GET with only optional query parameters", () => {
  test("may be called without arguments, or with its query parameters, and resolves to the documented body", () => {
    expectTypeOf(client.iam.keystoneListProjects()).resolves.toEqualTypeOf<KeystoneListProjectsResponseBody>();
    void client.iam.keystoneListProjects({ name: "cn-north-4", enabled: true, page: 1, per_page: 10 });
    void client.iam.keystoneListProjects(undefined, { timeout: 1_000 });
  });
  test("mistakes do not compile", () => {
    // @ts-expect-error per_page is an integer, not a string
    void client.iam.keystoneListProjects({ per_page: "10" });
    // @ts-expect-error is_domain may only be false
    void client.iam.keystoneListProjects({ is_domain: true });
    // @ts-expect-error a GET takes no body
    void client.iam.keystoneListProjects({ body: {} });
    // @ts-expect-error limit is not a parameter of KeystoneListProjects
    void client.iam.keystoneListProjects({ limit: 10 });
  });
});

describe("the arguments of a named call", () => {
  test("may be left out only when nothing in them is required", () => {
    expectTypeOf<OperationCallArgs<{ limit?: number; marker?: string }, CallInit>>().toEqualTypeOf<
      [args?: { limit?: number; marker?: string }, init?: CallInit]
    >();
    expectTypeOf<OperationCallArgs<{ server_id: string; limit?: number }, CallInit>>().toEqualTypeOf<
      [args: { server_id: string; limit?: number }, init?: CallInit]
    >();
    const list = (..._call: OperationCallArgs<{ limit?: number }, CallInit>) => undefined;
    list();
    list({ limit: 1 }, { timeout: 100 });
    // @ts-expect-error limit is a number
    list({ limit: "1" });
    // @ts-expect-error UpdateVpcPeering's peering_id and body are required
    void client.vpc.updateVpcPeering();
  });

  test("hold path, query and header parameters under their names in the spec, and the body under body", () => {
    expectTypeOf<OperationArgs<"UpdateEndpointRoutetable">>().toEqualTypeOf<{
      project_id?: string;
      vpc_endpoint_id: string;
      "X-Auth-Token"?: string;
      body: { routetables: string[] };
    }>();
  });

  test("refuse an argument the operation does not have, and a header parameter of the wrong type", () => {
    // @ts-expect-error colour is not a parameter of UpdateVpcPeering
    void client.vpc.updateVpcPeering({ peering_id: "p", colour: "red", body: { peering: { name: "a" } } });
    // @ts-expect-error the X-Auth-Token header parameter is a string
    void client.vpcep.updateEndpointRoutetable({ vpc_endpoint_id: "e", "X-Auth-Token": 5, body: { routetables: [] } });
    void client.vpcep.updateEndpointRoutetable({ vpc_endpoint_id: "e", "X-Auth-Token": "t", body: { routetables: [] } });
  });

  test("make project_id optional for every client, since one is always found or the call fails typed", () => {
    expectTypeOf<OperationArgs<"CinderUpdateSnapshot">>().toHaveProperty("project_id").toEqualTypeOf<string | undefined>();
    expectTypeOf<OperationArgs<"CinderUpdateSnapshot">>().toHaveProperty("snapshot_id").toEqualTypeOf<string>();
  });

  test("take the per-call settings as the second argument, with timeout the one spelling of the attempt timeout", () => {
    void client.vpc.updateVpcPeering(
      { peering_id: "p", body: { peering: { name: "a" } } },
      { timeout: 100, signal: new AbortController().signal, headers: { "X-Trace": "t" }, retry: { maxAttempts: 1 } },
    );
    // @ts-expect-error retry.attemptTimeoutMs is gone: the attempt timeout is `timeout`
    void client.vpc.updateVpcPeering({ peering_id: "p", body: { peering: { name: "a" } } }, { retry: { attemptTimeoutMs: 100 } });
    // @ts-expect-error the test seams of the retry policy are not options
    void client.vpc.updateVpcPeering({ peering_id: "p", body: { peering: { name: "a" } } }, { retry: { random: () => 0 } });
  });
});

describe("the result of a named call", () => {
  test("is the declared success body", () => {
    expectTypeOf<OperationResult<"UpdateVpcPeering">>().toEqualTypeOf<UpdateVpcPeeringResponseBody>();
    expectTypeOf(client.vpc.updateVpcPeering({ peering_id: "p", body: { peering: { name: "a" } } })).resolves.toEqualTypeOf<UpdateVpcPeeringResponseBody>();
  });
});

describe("client options", () => {
  test("a token function receives the attempt's AbortSignal", () => {
    void createClient({
      credentials: {
        token: (signal) => {
          expectTypeOf(signal).toEqualTypeOf<AbortSignal>();
          return Promise.resolve("t");
        },
      },
    });
  });

  test("timeout is a client option; retry.attemptTimeoutMs is not", () => {
    void createClient({ credentials: { token: "t" }, timeout: 5_000 });
    // @ts-expect-error retry.attemptTimeoutMs is gone: the attempt timeout is `timeout`
    void createClient({ credentials: { token: "t" }, retry: { attemptTimeoutMs: 5_000 } });
  });

  test("credentials are a token or an access key pair", () => {
    void createClient({ credentials: { ak: "a", sk: "s", securityToken: "t" } });
    // @ts-expect-error an access key without its secret
    void createClient({ credentials: { ak: "a" } });
    // @ts-expect-error a token and a key pair at once, which createClient refuses
    void createClient({ credentials: { token: "t", ak: "a", sk: "s" } });
    // @ts-expect-error a token with a security token, which only goes with a key pair
    void createClient({ credentials: { token: "t", securityToken: "s" } });
  });
});

describe("raw clients", () => {
  test("keep openapi-fetch's { data, error, response } with the typed error", async () => {
    const result = await client.raw.vpc.PUT("/v2.0/vpc/peerings/{peering_id}", {
      params: { path: { peering_id: "p" } },
      body: { peering: { name: "a" } },
    });
    if (result.error) {
      expectTypeOf(result.error).toEqualTypeOf<HwcloudTypedError>();
    } else {
      expectTypeOf(result.data).toEqualTypeOf<{ peering: VpcPeering }>();
    }
    // @ts-expect-error this path is not served by the VPC client's PUT
    void client.raw.vpc.PUT("/v2.0/vpc/peerings", {});
    // @ts-expect-error a VPC path on the EVS client, which refuses it at run time
    void client.raw.evs.PUT("/v2.0/vpc/peerings/{peering_id}", { params: { path: { peering_id: "p" } }, body: { peering: { name: "a" } } });
  });
});
