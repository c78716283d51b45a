/**
 * Requests signed by both the official SDK and ours in the differential
 * tests: the update operations as the SDK's own ParamCreaters build them,
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

const v2 = vpcV2.ParamCreater();
const v3 = vpcV3.ParamCreater();

/** Options written by hand, completed as every ParamCreater completes them. */
const manual = (options: SdkOptions): SdkOptions => ({ queryParams: {}, pathParams: {}, headers: {}, ...options });

const cloudVolume = (volumeId: string, body: unknown): SdkOptions => ({
  // EVS UpdateVolume, shaped as the EVS SDK's ParamCreater shapes it.
  method: "PUT",
  url: "/v2/{project_id}/cloudvolumes/{volume_id}",
  contentType: "application/json;charset=UTF-8",
  queryParams: {},
  pathParams: { volume_id: volumeId },
  headers: { "Content-Type": "application/json;charset=UTF-8" },
  data: body,
});

export const vectors: Vector[] = [
  {
    name: "UpdateVpcPeering: PUT /v2.0/vpc/peerings/{peering_id}, project only in X-Project-Id",
    options: v2.updateVpcPeering!({
      peering_id: "22b76469-08e3-4937-8c1d-7aad34892be1",
      body: { peering: { name: "peering-renamed", description: "renamed by hwcloud-typed" } },
    }),
  },
  {
    name: "UpdateTrafficMirrorSession: PUT /v3/{project_id}/vpc/traffic-mirror-sessions/{id}",
    options: v3.updateTrafficMirrorSession!({
      traffic_mirror_session_id: "e3e6f6fd-6e3a-4b55-9e0e-31d2d3cf1c23",
      body: { traffic_mirror_session: { name: "session-1", priority: 10, enabled: false, packet_length: 96 } },
    }),
  },
  {
    name: "UpdateVpc: PUT /v1/{project_id}/vpcs/{vpc_id}",
    options: v2.updateVpc!({
      vpc_id: "99d9d709-8478-4b46-9f3f-2206b1023fd3",
      body: { vpc: { name: "vpc-renamed", description: "", cidr: "192.168.0.0/16" } },
    }),
  },
  {
    name: "UpdateSubnet: PUT /v1/{project_id}/vpcs/{vpc_id}/subnets/{subnet_id}",
    options: v2.updateSubnet!({
      vpc_id: "99d9d709-8478-4b46-9f3f-2206b1023fd3",
      subnet_id: "4779ab1c-7c1a-44b1-a02e-93dfc361b32d",
      body: { subnet: { name: "subnet-1", dhcp_enable: true, dnsList: ["100.125.1.250", "100.125.21.250"] } },
    }),
  },
  {
    name: "UpdateSecurityGroup: PUT /v3/{project_id}/vpc/security-groups/{security_group_id}",
    options: v3.updateSecurityGroup!({
      security_group_id: "0552091e-b83a-49dd-88a7-4a5c86fd9ec3",
      body: { security_group: { name: "sg-renamed", description: "web tier" } },
    }),
  },
  {
    name: "UpdateVolume (EVS): PUT /v2/{project_id}/cloudvolumes/{volume_id}",
    options: cloudVolume("8a6ba4f6-0c4f-4e2a-9d3f-0f0e5e8d6b2a", { volume: { name: "data-disk", description: "db" } }),
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
    name: "query: keys that need encoding, sorted by code unit (upper case first)",
    options: manual({
      method: "GET",
      url: "/v1/{project_id}/vpcs",
      contentType: "application/json",
      queryParams: { zeta: "1", Alpha: "2", _under: "3", "é-key": "4", "a b": "5", "k&=": "6", "0digit": "7" },
    }),
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
    options: v2.updateVpc!({ vpc_id: "vpc-中文-😀", body: { vpc: { name: "x" } } }),
  },
  {
    name: "path: sub-delimiters ! & ( ) * + , ; = @ $ in an id",
    options: v2.updateVpc!({ vpc_id: "a!&()*+,;=@$b", body: { vpc: { name: "x" } } }),
  },
  {
    name: "path: trailing slash is kept, not doubled",
    options: { ...cloudVolume("vol-1", { volume: { name: "x" } }), url: "/v2/{project_id}/cloudvolumes/{volume_id}/" },
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
    options: v2.updateVpcPeering!({
      peering_id: "22b76469-08e3-4937-8c1d-7aad34892be1",
      body: { peering: { name: "对等连接-é-😀", description: 'quote " backslash \\ tab \t sep \u2028 end' } },
    }),
  },
  {
    name: "body: empty object on POST",
    options: manual({ method: "POST", url: "/v1/{project_id}/vpcs/{vpc_id}/actions", contentType: "application/json", pathParams: { vpc_id: "v" }, data: {} }),
  },
  {
    name: "credentials: security token of temporary credentials",
    options: v2.updateVpc!({ vpc_id: "99d9d709-8478-4b46-9f3f-2206b1023fd3", body: { vpc: { name: "sts" } } }),
    account: { securityToken: "gQpjbi1ub3J0aC00ixtdZ2lzdGVyZWQ+/=Example.Token_with-chars" },
  },
  {
    name: "credentials: no project id (X-Project-Id absent)",
    options: v2.updateVpcPeering!({ peering_id: "p-1", body: { peering: { name: "global" } } }),
    account: { projectId: undefined },
  },
  {
    name: "headers: no content type on a GET",
    options: manual({ method: "GET", url: "/v1/{project_id}/vpcs" }),
  },
  {
    name: "headers: a custom header is signed",
    options: { ...v2.updateVpc!({ vpc_id: "v-1", body: { vpc: { name: "x" } } }), headers: { "X-Client-Token": "idem-42" } },
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
    options: v2.updateVpc!({ vpc_id: "v-1", body: { vpc: { name: "x" } } }),
    account: { endpoint: "https://vpc.example.com:8443" },
  },
  {
    name: "date: leap day, zero-padded fields, milliseconds dropped",
    options: v2.updateVpc!({ vpc_id: "v-1", body: { vpc: { name: "x" } } }),
    date: new Date("2024-02-29T01:02:03.999Z"),
  },
];

export function accountOf(vector: Vector): Account {
  return { ...ACCOUNT, ...vector.account };
}
