import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sign } from "../../src/auth/signer.ts";
import { verifySignature, type SignedRequest, type Verification } from "../../src/mock/verify.ts";
import { officialHeaders, ourRequest, vpcV2 } from "../auth/official-sdk.ts";
import { ACCOUNT, DEFAULT_DATE, PROJECT_ID } from "../auth/vectors.ts";
import { type LoopbackServer, startServer } from "../helpers/loopback-server.ts";

const lookup = (ak: string) => (ak === ACCOUNT.ak ? ACCOUNT.sk : undefined);
const MINUTE = 60_000;

async function signedRequest(credentials = ACCOUNT, date = DEFAULT_DATE): Promise<SignedRequest & { headers: Headers; url: URL }> {
  const url = new URL(`https://vpc.cn-north-4.myhuaweicloud.com/v1/${PROJECT_ID}/vpcs/urn:a%E4%B8%AD?b=2&a=1&a=0`);
  const headers = new Headers({ "content-type": "application/json", "x-project-id": PROJECT_ID });
  const body = new TextEncoder().encode('{"vpc":{"name":"é"}}');
  const added = await sign({ method: "PUT", url, headers, body }, credentials, date);
  for (const [name, value] of Object.entries(added)) headers.set(name, value);
  return { method: "PUT", url, headers, body };
}

describe("verifySignature accepts", () => {
  it("a request signed by sign(), naming its access key", async () => {
    expect(await verifySignature(await signedRequest(), lookup, DEFAULT_DATE)).toEqual({ ok: true, ak: ACCOUNT.ak });
  });

  it("a request signed by sign() with a security token", async () => {
    const request = await signedRequest({ ...ACCOUNT, securityToken: "sts" });
    expect(await verifySignature(request, lookup, DEFAULT_DATE)).toEqual({ ok: true, ak: ACCOUNT.ak });
  });

  it("headers as a Node record (with Host) and a bare request target", async () => {
    const request = await signedRequest();
    const received = {
      method: request.method,
      url: `${request.url.pathname}${request.url.search}`,
      headers: { ...Object.fromEntries(request.headers), host: request.url.host, "x-extra": ["one", "two"] },
      body: request.body,
    };
    expect(await verifySignature(received, lookup, DEFAULT_DATE)).toMatchObject({ ok: true });
  });

  it("a date exactly at the edge of the allowed skew, either way", async () => {
    const request = await signedRequest();
    const at = (offset: number) => new Date(DEFAULT_DATE.getTime() + offset);
    // X-Sdk-Date has whole seconds: 03:04:05.678 is signed as 03:04:05.
    const signedAt = DEFAULT_DATE.getTime() - 678;
    expect(await verifySignature(request, lookup, new Date(signedAt + 15 * MINUTE))).toMatchObject({ ok: true });
    expect(await verifySignature(request, lookup, new Date(signedAt - 15 * MINUTE))).toMatchObject({ ok: true });
    expect(await verifySignature(request, lookup, at(2 * MINUTE), MINUTE)).toMatchObject({ ok: false });
  });

  it("a signature the official SDK computed for the same request", async () => {
    const options = vpcV2.ParamCreater().updateVpc!({ vpc_id: "urn:x:中", body: { vpc: { name: "é" } } });
    const headers = await officialHeaders(options, ACCOUNT, DEFAULT_DATE);
    const ours = ourRequest(options, ACCOUNT);
    const received = { method: ours.method, url: ours.url, headers, body: ours.body };
    expect(await verifySignature(received, lookup, DEFAULT_DATE)).toEqual({ ok: true, ak: ACCOUNT.ak });
  });
});

describe("verifySignature, behind a 127.0.0.1 server, on what the official SDK really sends", () => {
  const results: Verification[] = [];
  let server: LoopbackServer;
  let client: Record<string, (request: Record<string, unknown>) => Promise<unknown>>;

  beforeAll(async () => {
    server = await startServer(async (request, response) => {
      results.push(await verifySignature(request, lookup, new Date()));
      // Always 200: a 401 would make the SDK log the failure.
      response.setHeader("content-type", "application/json");
      response.end("{}");
    });
    const require = createRequire(import.meta.url);
    const { BasicCredentials } = require("@huaweicloud/huaweicloud-sdk-core");
    const { VpcClient } = require("@huaweicloud/huaweicloud-sdk-vpc/v2/VpcClient");
    const credentials = new BasicCredentials().withAk(ACCOUNT.ak).withSk(ACCOUNT.sk).withProjectId(PROJECT_ID);
    client = VpcClient.newBuilder().withCredential(credentials).withEndpoint(server.origin).build();
  });
  afterAll(() => server.close());

  async function verifyCall(call: () => Promise<unknown>): Promise<Verification> {
    const before = results.length;
    await call();
    expect(results).toHaveLength(before + 1);
    return results[before]!;
  }

  it("accepts UpdateVpc with ':' and unicode in the id and a unicode body", async () => {
    const result = await verifyCall(() => client.updateVpc!({ vpc_id: "urn:vpc:中文-😀", body: { vpc: { name: "名前-é" } } }));
    expect(result).toEqual({ ok: true, ak: ACCOUNT.ak });
  });

  it("accepts UpdateVpcPeering", async () => {
    const result = await verifyCall(() => client.updateVpcPeering!({ peering_id: "p-1", body: { peering: { name: "x" } } }));
    expect(result).toEqual({ ok: true, ak: ACCOUNT.ak });
  });

  it("accepts a query with repeated keys and reserved characters", async () => {
    const result = await verifyCall(() => client.listVpcs!({ limit: 5, marker: "a b+c/d?e&f=g", id: "x" }));
    expect(result).toEqual({ ok: true, ak: ACCOUNT.ak });
  });

  // The SDK signs "a b" as a%2520b but sends a%20b (see signer.test.ts), so
  // a verifier that encodes the received path once must refuse it.
  it("refuses an id with a space, which the SDK signs double-encoded", async () => {
    const result = await verifyCall(() => client.updateVpc!({ vpc_id: "a b", body: { vpc: { name: "x" } } }));
    expect(result).toEqual({ ok: false, reason: "signature mismatch" });
  });
});

describe("verifySignature refuses", () => {
  async function refusal(change: (request: SignedRequest & { headers: Headers; url: URL }) => SignedRequest | void, now = DEFAULT_DATE) {
    const request = await signedRequest();
    const result = await verifySignature(change(request) ?? request, lookup, now);
    expect(result.ok).toBe(false);
    const reason = (result as { reason: string }).reason;
    expect(reason).not.toContain(ACCOUNT.sk);
    expect(reason).not.toContain(ACCOUNT.ak);
    return reason;
  }

  it("a tampered body", async () => {
    expect(await refusal((request) => ({ ...request, body: '{"vpc":{"name":"e"}}' }))).toBe("signature mismatch");
  });

  it("a tampered path", async () => {
    expect(await refusal((request) => void (request.url.pathname = request.url.pathname.replace("vpcs", "subnets")))).toBe(
      "signature mismatch",
    );
  });

  it("a tampered query", async () => {
    expect(await refusal((request) => void request.url.searchParams.append("limit", "1"))).toBe("signature mismatch");
  });

  it("a tampered signed header", async () => {
    expect(await refusal((request) => request.headers.set("x-project-id", "another-project"))).toBe("signature mismatch");
  });

  it("another method", async () => {
    expect(await refusal((request) => ({ ...request, method: "POST" }))).toBe("signature mismatch");
  });

  it("a signature made with another secret key", async () => {
    const request = await signedRequest({ ...ACCOUNT, sk: "not-the-secret" });
    expect(await verifySignature(request, lookup, DEFAULT_DATE)).toEqual({ ok: false, reason: "signature mismatch" });
  });

  it("an unknown access key", async () => {
    const request = await signedRequest({ ...ACCOUNT, ak: "UNKNOWNACCESSKEY" });
    expect(await verifySignature(request, lookup, DEFAULT_DATE)).toEqual({ ok: false, reason: "unknown access key" });
  });

  it("a date more than 15 minutes old", async () => {
    expect(await refusal(() => undefined, new Date(DEFAULT_DATE.getTime() + 15 * MINUTE + 1_000))).toBe(
      "X-Sdk-Date is outside the allowed clock skew",
    );
  });

  it("a date more than 15 minutes ahead", async () => {
    expect(await refusal(() => undefined, new Date(DEFAULT_DATE.getTime() - 15 * MINUTE - 1_000))).toBe(
      "X-Sdk-Date is outside the allowed clock skew",
    );
  });

  it("a malformed X-Sdk-Date", async () => {
    expect(await refusal((request) => request.headers.set("x-sdk-date", "2026-01-02T03:04:05Z"))).toBe(
      "X-Sdk-Date is not YYYYMMDDTHHMMSSZ",
    );
  });

  it("a request without an Authorization header, or with another scheme", async () => {
    expect(await refusal((request) => request.headers.delete("authorization"))).toBe("missing Authorization header");
    expect(await refusal((request) => request.headers.set("authorization", "Bearer abc"))).toBe(
      "Authorization header is not SDK-HMAC-SHA256",
    );
  });

  it("a signature that does not cover X-Sdk-Date or Host", async () => {
    const without = (name: string) => (request: { headers: Headers }) =>
      request.headers.set("authorization", request.headers.get("authorization")!.replace(`${name};`, "").replace(`;${name}`, ""));
    expect(await refusal(without("x-sdk-date"))).toBe("x-sdk-date is not signed");
    expect(await refusal(without("host"))).toBe("host is not signed");
  });

  it("a security token the signature does not cover", async () => {
    expect(await refusal((request) => request.headers.set("x-security-token", "added-later"))).toBe(
      "x-security-token is not signed",
    );
  });

  it("a bare request target without a Host header to sign against", async () => {
    expect(await refusal((request) => ({ ...request, url: `${request.url.pathname}${request.url.search}` }))).toBe(
      "signed header host is missing",
    );
  });

  it("a signed header that is missing from the request", async () => {
    expect(await refusal((request) => request.headers.delete("x-project-id"))).toBe("signed header x-project-id is missing");
  });
});
