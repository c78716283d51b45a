/**
 * Drives Huawei's official Node SDK core the way its service clients do
 * (`VpcClient.updateVpc(...)` -> `HcClient.sendRequest(options)`), stopping
 * just before the wire: `HcClient.buildRequest` substitutes the path,
 * `BasicCredentials.processAuthRequest` adds X-Project-Id / X-Security-Token
 * and `AKSKSigner.sign` signs. Also builds the request our client would send
 * for the same options, so both signers can be compared.
 */
import { createRequire } from "node:module";
import { createQuerySerializer, defaultPathSerializer } from "openapi-fetch";
import { vi } from "vitest";
import type { AccessKeys } from "../../src/auth/signer.ts";

const require = createRequire(import.meta.url);
const { HcClient } = require("@huaweicloud/huaweicloud-sdk-core/HcClient") as {
  HcClient: new (client: unknown, options: object) => OfficialClient;
};
const { BasicCredentials } = require("@huaweicloud/huaweicloud-sdk-core") as {
  BasicCredentials: new () => OfficialCredentials;
};
const { AKSKSigner } = require("@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner") as {
  AKSKSigner: { CanonicalQueryString(request: { queryParams?: Record<string, unknown> }): string };
};
export const vpcV2 = require("@huaweicloud/huaweicloud-sdk-vpc/v2/VpcClient") as { ParamCreater: () => ParamCreater };
export const vpcV3 = require("@huaweicloud/huaweicloud-sdk-vpc/v3/VpcClient") as { ParamCreater: () => ParamCreater };

type ParamCreater = Record<string, (request: Record<string, unknown>) => SdkOptions>;

interface OfficialCredentials {
  withAk(ak: string): OfficialCredentials;
  withSk(sk: string): OfficialCredentials;
  withProjectId(projectId: string): OfficialCredentials;
  withSecurityToken(token: string): OfficialCredentials;
}

interface OfficialClient {
  withEndpoints(endpoints: string[]): OfficialClient;
  withCredential(credential: OfficialCredentials): OfficialClient;
  buildRequest(options: SdkOptions): Promise<{ url: string; headers: Record<string, string> }>;
}

/** What a service client's ParamCreater hands to `HcClient.sendRequest`. */
export interface SdkOptions {
  method: string;
  url: string;
  contentType?: string;
  queryParams?: Record<string, unknown>;
  pathParams?: Record<string, string>;
  headers?: Record<string, string>;
  data?: unknown;
}

/** The signer's access keys, with where the request goes and the project it is for. */
export interface Account extends AccessKeys {
  endpoint: string;
  projectId?: string;
}

/** The headers the official SDK would send, signed at `date`. */
export async function officialHeaders(options: SdkOptions, account: Account, date: Date): Promise<Record<string, string>> {
  let credentials = new BasicCredentials().withAk(account.ak).withSk(account.sk);
  if (account.projectId) credentials = credentials.withProjectId(account.projectId);
  if (account.securityToken) credentials = credentials.withSecurityToken(account.securityToken);
  const client = new HcClient(undefined, {}).withEndpoints([account.endpoint]).withCredential(credentials);
  // The SDK reads the clock itself (moment()); only Date is faked.
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(date);
  try {
    // buildRequest edits its options (deletes Content-Type, sorts arrays), so it gets a copy.
    return (await client.buildRequest(structuredClone(options))).headers;
  } finally {
    vi.useRealTimers();
  }
}

/** The canonical query string the official signer computes from a request's query parameters. */
export function officialCanonicalQuery(queryParams: Record<string, unknown>): string {
  return AKSKSigner.CanonicalQueryString({ queryParams: structuredClone(queryParams) });
}

export interface OurRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: Uint8Array<ArrayBuffer>;
}

/** Our client's query serializer (src/request.ts): form style, arrays exploded, values escaped by encodeURIComponent. */
const serializeQuery = createQuerySerializer();

/**
 * The request our client sends for the same options: path and query put in
 * the URL by the serializers src/request.ts uses, the exact JSON bytes as
 * body, and the headers the SDK signs besides its own, named in lower case
 * as an HttpRequest carries them.
 */
export function ourRequest(options: SdkOptions, account: Account): OurRequest {
  const pathParams: Record<string, string> = { ...options.pathParams };
  if (account.projectId) pathParams.project_id = account.projectId;
  const path = defaultPathSerializer(options.url, pathParams);
  const query = serializeQuery(options.queryParams ?? {});
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (name.toLowerCase() !== "content-type") headers[name.toLowerCase()] = value;
  }
  const json = !options.contentType || options.contentType.toLowerCase().includes("application/json");
  if (options.contentType) headers["content-type"] = json ? "application/json" : options.contentType;
  if (!json) headers["x-sdk-content-sha256"] = "UNSIGNED-PAYLOAD";
  if (account.projectId) headers["x-project-id"] = account.projectId;
  const hasBody = options.data !== undefined && !(options.method === "DELETE" && isEmpty(options.data));
  return {
    method: options.method,
    url: `${account.endpoint}${path}${query ? `?${query}` : ""}`,
    headers,
    body: hasBody ? new TextEncoder().encode(JSON.stringify(options.data)) : undefined,
  };
}

function isEmpty(data: unknown): boolean {
  return typeof data === "object" && data !== null && Object.keys(data).length === 0;
}
