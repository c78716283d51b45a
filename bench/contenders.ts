/**
 * The ways of making one UpdateVpcPeering call (a signed PUT with a JSON
 * body), and one KeystoneListProjects call (a GET with a query string), that
 * the benchmark compares. Each `call` resolves once the whole answer is read
 * and parsed, and throws unless it was the expected 200, so a failing
 * contender cannot look fast.
 */
import { Agent, request } from "node:http";
import { createRequire } from "node:module";
import type { createClient } from "../src/index.ts";
import { services } from "../generated/operations.ts";

export interface Contender {
  name: string;
  call: () => Promise<void>;
}

export const PEERING_ID = "22b76469-08e3-4937-8c1d-7aad34892be1";
export const PROJECT_ID = "0bcc05efb100f2a92f53c011f262dfa0";
const AK = "HPUAEXAMPLEACCESSKEY";
const SK = "exampleSecretKey/with+symbols=AndDigits0123456789";
const PATH = `/v2.0/vpc/peerings/${PEERING_ID}`;
const PAYLOAD = JSON.stringify({ peering: { name: "bench" } });
const PROJECT_NAME = "cn-north-4";
const LIST_QUERY = { name: PROJECT_NAME, enabled: true, page: 1, per_page: 10 };
const LIST_PATH = `/v3/projects?name=${PROJECT_NAME}&enabled=true&page=1&per_page=10`;

function expectPeering(data: unknown, who: string): void {
  if ((data as { peering?: { id?: unknown } } | undefined)?.peering?.id !== PEERING_ID) {
    throw new Error(`${who}: unexpected answer ${JSON.stringify(data)}`);
  }
}

function expectProjects(data: unknown, who: string): void {
  if ((data as { projects?: Array<{ name?: unknown }> } | undefined)?.projects?.[0]?.name !== PROJECT_NAME) {
    throw new Error(`${who}: unexpected answer ${JSON.stringify(data)}`);
  }
}

/** Headers a hand-written caller would send, built once. */
function prebuiltHeaders(): Record<string, string> {
  return {
    "Content-Type": "application/json",
    "Content-Length": String(Buffer.byteLength(PAYLOAD)),
    "X-Auth-Token": "bench-token",
    "X-Project-Id": PROJECT_ID,
  };
}

/** One node:http exchange on a keep-alive agent, its JSON answer read and checked. */
function nodeHttpCall(agent: Agent, options: { port: number; method: string; path: string; headers: Record<string, string> }, payload: Buffer | undefined, expect: (data: unknown, who: string) => void) {
  return () =>
    new Promise<void>((resolve, reject) => {
      const outgoing = request({ agent, host: "127.0.0.1", ...options }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", reject);
        response.on("end", () => {
          try {
            if (response.statusCode !== 200) throw new Error(`node:http: status ${response.statusCode}`);
            expect(JSON.parse(Buffer.concat(chunks).toString("utf8")), "node:http");
            resolve();
          } catch (error) {
            reject(error);
          }
        });
      });
      outgoing.on("error", reject);
      outgoing.end(payload);
    });
}

/** The floor: node:http on a keep-alive agent, nothing computed per call but the body read. */
export function nodeHttp(port: number): Contender {
  const call = nodeHttpCall(new Agent({ keepAlive: true }), { port, method: "PUT", path: PATH, headers: prebuiltHeaders() }, Buffer.from(PAYLOAD), expectPeering);
  return { name: FLOOR, call };
}

/** The floor of the GET: the query string written by hand, once. */
export function nodeHttpGet(port: number): Contender {
  const { "X-Auth-Token": token } = prebuiltHeaders();
  const call = nodeHttpCall(new Agent({ keepAlive: true }), { port, method: "GET", path: LIST_PATH, headers: { "X-Auth-Token": token! } }, undefined, expectProjects);
  return { name: FLOOR_GET, call };
}

/** The runtime's global fetch with the same pre-built headers. */
export function globalFetch(port: number): Contender {
  const { "Content-Length": _, ...headers } = prebuiltHeaders();
  const url = `http://127.0.0.1:${port}${PATH}`;
  const call = async () => {
    const response = await fetch(url, { method: "PUT", headers, body: PAYLOAD });
    if (response.status !== 200) throw new Error(`fetch: status ${response.status}`);
    expectPeering(await response.json(), "fetch");
  };
  return { name: "global fetch", call };
}

function endpointsAt(port: number): Record<keyof typeof services, string> {
  const base = `http://127.0.0.1:${port}`;
  return Object.fromEntries(Object.keys(services).map((service) => [service, base])) as Record<keyof typeof services, string>;
}

/** Our client from some module: the built one, or the sources as loaded through tsx. */
export interface OurClient {
  createClient: typeof createClient;
  /** Appended to the contender's name when not empty. */
  label: string;
}

const named = (name: string, label: string) => (label ? `${name}, ${label}` : name);

export function oursWithToken(port: number, ours: OurClient): Contender {
  const client = ours.createClient({ credentials: { token: "bench-token" }, projectId: PROJECT_ID, endpoints: endpointsAt(port) });
  const call = async () => {
    expectPeering(await client.vpc.updateVpcPeering({ peering_id: PEERING_ID, body: { peering: { name: "bench" } } }), "ours/token");
  };
  return { name: named("hwcloud-typed, token", ours.label), call };
}

export function oursWithSigning(port: number, ours: OurClient): Contender {
  const client = ours.createClient({ credentials: { ak: AK, sk: SK }, projectId: PROJECT_ID, endpoints: endpointsAt(port) });
  const call = async () => {
    expectPeering(await client.vpc.updateVpcPeering({ peering_id: PEERING_ID, body: { peering: { name: "bench" } } }), "ours/aksk");
  };
  return { name: named("hwcloud-typed, AK/SK + validation", ours.label), call };
}

export function oursGetWithSigning(port: number, ours: OurClient): Contender {
  const client = ours.createClient({ credentials: { ak: AK, sk: SK }, projectId: PROJECT_ID, endpoints: endpointsAt(port) });
  const call = async () => {
    expectProjects(await client.iam.keystoneListProjects(LIST_QUERY), "ours/get");
  };
  return { name: named("hwcloud-typed GET + query, AK/SK + validation", ours.label), call };
}

/** Huawei's official SDK, built as its samples build it: VpcClient.newBuilder() with BasicCredentials. */
export function officialSdk(port: number): Contender {
  const require = createRequire(import.meta.url);
  const { BasicCredentials } = require("@huaweicloud/huaweicloud-sdk-core");
  const vpc = require("@huaweicloud/huaweicloud-sdk-vpc/v2/public-api");
  const credentials = new BasicCredentials().withAk(AK).withSk(SK).withProjectId(PROJECT_ID);
  const client = vpc.VpcClient.newBuilder().withCredential(credentials).withEndpoint(`http://127.0.0.1:${port}`).build();
  const call = async () => {
    const body = new vpc.UpdateVpcPeeringRequestBody().withPeering(new vpc.UpdateVpcPeeringOption().withName("bench"));
    const result = await client.updateVpcPeering(new vpc.UpdateVpcPeeringRequest().withPeeringId(PEERING_ID).withBody(body));
    if (result.httpStatusCode !== 200) throw new Error(`official SDK: status ${result.httpStatusCode}`);
    expectPeering(result, "official SDK");
  };
  return { name: OFFICIAL, call };
}

export const FLOOR = "node:http keep-alive (floor)";
export const FLOOR_GET = "node:http keep-alive GET + query (floor of the GET)";
export const OFFICIAL = "official SDK (VpcClient v2)";

/**
 * The floor, fetch, our built client with each kind of credentials, the
 * official SDK, then the GET with a query string: its own floor and ours.
 * (Huawei's IAM SDK is not installed, so the GET has no official contender.)
 */
export function allContenders(port: number, built: OurClient): Contender[] {
  return [
    nodeHttp(port),
    globalFetch(port),
    oursWithToken(port, built),
    oursWithSigning(port, built),
    officialSdk(port),
    nodeHttpGet(port),
    oursGetWithSigning(port, built),
  ];
}

/** What bench/cold and the signing benchmark share with the per-call contenders. */
export const fixtures = { AK, SK, PATH, PAYLOAD };
