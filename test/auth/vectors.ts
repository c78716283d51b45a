/**
 * Requests signed by both the official SDK and ours in the differential
 * tests: the five operations of openapi/ with their pages' request samples,
 * then inputs chosen to hit each canonicalization rule.
 */
import { type Account, type SdkOptions, vpcV2, vpcV3 } from "./official-sdk.ts";

export const PROJECT_ID = "0bcc05efb100f2a92f53c011f262dfa0";

export const ACCOUNT: Account = {
  endpoint: "https://vpc.cn-north-4.myhuaweicloud.com",
  ak: "HPUAEXAMPLEACCESSKEY",
  sk: "exampleSecretKey/with+symbols=AndDigits0123456789",
  projectId: PROJECT_ID,
};

export interface Vector {
  name: string;
  options: SdkOptions;
  account?: Partial<Account>;
  date?: Date;
}

export const DEFAULT_DATE = new Date("2026-01-02T03:04:05.678Z");

/** The query of the GET: reserved, unreserved and non-ASCII characters in one value. */
export const QUERY_GET = { limit: 10, name: "a b*c~d!é", status: "ACTIVE" };

const v2 = vpcV2.ParamCreater();
const v3 = vpcV3.ParamCreater();

/** Options written by hand, completed as every ParamCreater completes them. */
const manual = (options: SdkOptions): SdkOptions => ({ queryParams: {}, pathParams: {}, headers: {}, ...options });

/** A PUT with a JSON body, shaped as the service SDKs' ParamCreaters shape it. */
const jsonPut = (url: string, pathParams: Record<string, string>, body: unknown): SdkOptions =>
  manual({
    method: "PUT",
    url,
    contentType: "application/json;charset=UTF-8",
    pathParams,
    headers: { "Content-Type": "application/json;charset=UTF-8" },
    data: body,
  });

// The VPC SDK is installed, so its own ParamCreater builds the two VPC
// operations; EVS, DWS and VPCEP requests are written the way theirs are.
const updateVpcPeering = (peeringId: string, body: unknown = { peering: { name: "test2" } }) =>
  v2.updateVpcPeering!({ peering_id: peeringId, body });
const updateTrafficMirrorSession = (sessionId: string) =>
  v3.updateTrafficMirrorSession!({
    traffic_mirror_session_id: sessionId,
    body: {
      traffic_mirror_session: {
        traffic_mirror_target_id: "c9f8acef-d550-4fbe-be7c-e8bfd3501dc1",
        traffic_mirror_target_type: "elb",
      },
    },
  });
const cinderUpdateSnapshot = (snapshotId: string) =>
  jsonPut("/v2/{project_id}/snapshots/{snapshot_id}", { snapshot_id: snapshotId }, {
    snapshot: { name: "name_xx3", description: "hello" },
  });
const updateDataSource = (clusterId: string, dataSourceId: string) =>
  jsonPut(
    "/v1.0/{project_id}/clusters/{cluster_id}/ext-data-sources/{ext_data_source_id}",
    { cluster_id: clusterId, ext_data_source_id: dataSourceId },
    { reconfigure: { reboot: false, agency: "DWSAccessOBS" } },
  );
const updateEndpointRoutetable = (endpointId: string) =>
  jsonPut("/v1/{project_id}/vpc-endpoints/{vpc_endpoint_id}/routetables", { vpc_endpoint_id: endpointId }, {
    routetables: ["705290f3-0d00-41f2-aedc-71f09844e879"],
  });

export const vectors: Vector[] = [
  {
    name: "UpdateVpcPeering: PUT /v2.0/vpc/peerings/{peering_id}, project only in X-Project-Id",
    options: updateVpcPeering("22b76469-08e3-4937-8c1d-7aad34892be1"),
  },
  {
    name: "UpdateTrafficMirrorSession: PUT /v3/{project_id}/vpc/traffic-mirror-sessions/{traffic_mirror_session_id}",
    options: updateTrafficMirrorSession("e3e6f6fd-6e3a-4b55-9e0e-31d2d3cf1c23"),
  },
  {
    name: "CinderUpdateSnapshot: PUT /v2/{project_id}/snapshots/{snapshot_id}",
    options: cinderUpdateSnapshot("f7d1a7a5-9a53-4f0a-b3d4-5b8c2d3e4f60"),
  },
  {
    name: "UpdateDataSource: PUT /v1.0/{project_id}/clusters/{cluster_id}/ext-data-sources/{ext_data_source_id}",
    options: updateDataSource("7d85f602-a948-4a30-afd4-e84f47471c15", "0a9d1b1c-2e3f-4a5b-8c7d-6e5f4a3b2c1d"),
  },
  {
    name: "UpdateEndpointRoutetable: PUT /v1/{project_id}/vpc-endpoints/{vpc_endpoint_id}/routetables",
    options: updateEndpointRoutetable("4189d3c2-8882-4871-a3c2-d380272eed83"),
  },
  {
    name: "query: reserved characters in values (space + * ~ ! ' ( ) / ? # & = %)",
    options: v3.listVpcs!({ limit: 10, name: ["a b+c*~!'()/?#&=%"], marker: "x/y" }),
  },
  {
    name: "query: repeated keys with unsorted values",
    options: v3.listVpcs!({ id: ["c3", "a1", "b2"], name: ["zeta", "Zeta", "éta"], cidr: ["10.0.0.0/8"] }),
  },
  {
    // openapi-fetch writes keys as they are (the spec's names are plain), so no key here holds "&", "=" or "#".
    name: "query: keys that need encoding, sorted by code unit (upper case first)",
    options: manual({
      method: "GET",
      url: "/v1/{project_id}/vpcs",
      contentType: "application/json",
      queryParams: { zeta: "1", Alpha: "2", _under: "3", "é-key": "4", "a b": "5", "k*!'()": "6", "0digit": "7" },
    }),
  },
  {
    name: "query: a GET as our client serializes it, limit=10&name=a b*c~d!é&status=ACTIVE",
    options: manual({ method: "GET", url: "/v1/{project_id}/servers", queryParams: QUERY_GET }),
  },
  {
    name: "query: empty and numeric values",
    options: v3.listVpcs!({ limit: 0, marker: "" }),
  },
  {
    name: "query: unicode values",
    options: v3.listVpcs!({ name: ["测试-😀"], description: ["naïve café"] }),
  },
  {
    name: "path: ':' in an id (FunctionGraph URN), DELETE without body",
    options: manual({
      method: "DELETE",
      url: "/v2/{project_id}/fgs/functions/{function_urn}",
      contentType: "application/json",
      pathParams: { function_urn: `urn:fss:cn-north-4:${PROJECT_ID}:function:default:fn_node` },
      data: {},
    }),
  },
  {
    name: "path: CJK and emoji in an id",
    options: updateVpcPeering("peering-中文-😀"),
  },
  {
    name: "path: sub-delimiters ! & ( ) * + , ; = @ $ in an id",
    options: cinderUpdateSnapshot("a!&()*+,;=@$b"),
  },
  {
    name: "path: trailing slash is kept, not doubled",
    options: { ...cinderUpdateSnapshot("snap-1"), url: "/v2/{project_id}/snapshots/{snapshot_id}/" },
  },
  {
    name: "path: root",
    options: manual({ method: "GET", url: "/", contentType: "application/json" }),
  },
  {
    name: "path: empty segment",
    options: manual({ method: "GET", url: "/v1/{project_id}//vpcs", contentType: "application/json" }),
  },
  {
    name: "body: unicode, escapes and line separators",
    options: updateVpcPeering("22b76469-08e3-4937-8c1d-7aad34892be1", {
      peering: { name: "对等连接-é-😀", description: 'quote " backslash \\ tab \t sep \u2028 end' },
    }),
  },
  {
    name: "body: empty object on POST",
    options: manual({ method: "POST", url: "/v1/{project_id}/vpcs/{vpc_id}/actions", contentType: "application/json", pathParams: { vpc_id: "v" }, data: {} }),
  },
  {
    name: "credentials: security token of temporary credentials",
    options: updateTrafficMirrorSession("e3e6f6fd-6e3a-4b55-9e0e-31d2d3cf1c23"),
    account: { securityToken: "gQpjbi1ub3J0aC00ixtdZ2lzdGVyZWQ+/=Example.Token_with-chars" },
  },
  {
    name: "credentials: no project id (X-Project-Id absent)",
    options: updateVpcPeering("p-1"),
    account: { projectId: undefined },
  },
  {
    name: "headers: no content type on a GET",
    options: manual({ method: "GET", url: "/v1/{project_id}/vpcs" }),
  },
  {
    name: "headers: a custom header is signed",
    options: { ...updateEndpointRoutetable("ep-1"), headers: { "X-Client-Token": "idem-42" } },
  },
  {
    name: "headers: non-JSON body sent with X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD",
    options: manual({ method: "PUT", url: "/v1/{project_id}/objects/{key}", contentType: "application/octet-stream", pathParams: { key: "k" }, data: "raw bytes" }),
  },
  {
    name: "headers: multipart content type is left unsigned",
    options: manual({ method: "POST", url: "/v1/{project_id}/uploads", contentType: "multipart/form-data", data: {} }),
  },
  {
    name: "host: endpoint with a non-default port",
    options: updateDataSource("c-1", "ds-1"),
    account: { endpoint: "https://vpc.example.com:8443" },
  },
  {
    name: "date: leap day, zero-padded fields, milliseconds dropped",
    options: updateVpcPeering("p-1"),
    date: new Date("2024-02-29T01:02:03.999Z"),
  },
];

export function accountOf(vector: Vector): Account {
  return { ...ACCOUNT, ...vector.account };
}
