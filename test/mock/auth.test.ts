/**
 * The mock cloud authenticates every request as Huawei's gateway does: an IAM
 * token it knows, or an SDK-HMAC-SHA256 signature by a key it knows, dated
 * within 15 minutes of its clock. Anything else is a 401 with the gateway's
 * APIGW.0301 body.
 */
import { describe, expect, it } from "vitest";
import { parseSdkDate, sign } from "../../src/auth/signer.ts";
import { AuthenticationError } from "../../src/index.ts";
import { MOCK_AK, MOCK_SK, MOCK_TOKEN, type MockCloud, startMockCloud } from "../../src/mock/index.ts";
import { officialHeaders, ourRequest, vpcV2, vpcV3 } from "../auth/official-sdk.ts";
import { call, clientFor, operationIds, pathOf, rawPut, updateIds, useMockCloud, validBody } from "./support.ts";
import { rejectionOf } from "../helpers/thrown.ts";

const MINUTE = 60_000;
const start = useMockCloud();

function peeringArgs(mock: MockCloud) {
  return { ...mock.resources.UpdateVpcPeering, body: validBody("UpdateVpcPeering") };
}

const rejection = (promise: Promise<unknown>) => rejectionOf(promise, AuthenticationError);

describe("AK/SK signatures", () => {
  it("accepts a request signed by our client, for every operation", async () => {
    const mock = await start();
    const client = clientFor(mock);
    for (const id of operationIds) {
      await call(client, id, { ...mock.resources[id], body: validBody(id) });
    }
    expect(mock.requests.map((r) => [r.operation, r.status, r.auth])).toEqual(
      operationIds.map((id) => [id, 200, { ok: true, scheme: "aksk", ak: MOCK_AK }]),
    );
  });

  it("accepts a request signed by Huawei's official SDK core (v2 peering, v3 mirror session with project id)", async () => {
    const mock = await start();
    const peering = vpcV2.ParamCreater().updateVpcPeering!({
      peering_id: mock.resources.UpdateVpcPeering.peering_id,
      body: { peering: { name: "signed-by-the-sdk" } },
    });
    const session = vpcV3.ParamCreater().updateTrafficMirrorSession!({
      traffic_mirror_session_id: mock.resources.UpdateTrafficMirrorSession.traffic_mirror_session_id,
      body: { traffic_mirror_session: { priority: 7 } },
    });
    const cases = [
      { options: peering, projectId: undefined },
      { options: session, projectId: mock.resources.UpdateTrafficMirrorSession.project_id },
    ];
    for (const { options, projectId } of cases) {
      const account = { endpoint: mock.url, ak: MOCK_AK, sk: MOCK_SK, projectId };
      const headers = await officialHeaders(options, account, new Date());
      const request = ourRequest(options, account);
      const response = await fetch(request.url, { method: request.method, headers: withoutHost(headers), body: request.body });
      expect(response.status, await response.clone().text()).toBe(200);
    }
    expect(mock.requests.map((r) => r.auth)).toEqual([
      { ok: true, scheme: "aksk", ak: MOCK_AK },
      { ok: true, scheme: "aksk", ak: MOCK_AK },
    ]);
  });

  it("rejects a signature made with the wrong secret: 401 APIGW.0301 'verify aksk signature fail'", async () => {
    const mock = await start();
    const error = await rejection(
      clientFor(mock, { credentials: { ak: MOCK_AK, sk: `${MOCK_SK}-wrong` } }).vpc.updateVpcPeering(peeringArgs(mock)),
    );
    expect(error.status).toBe(401);
    expect(error.body).toEqual({
      error_code: "APIGW.0301",
      error_msg: "Incorrect IAM authentication information: verify aksk signature fail",
      request_id: error.requestId,
    });
    expect(error.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("rejects an access key it does not know", async () => {
    const mock = await start();
    const error = await rejection(clientFor(mock, { credentials: { ak: "UNKNOWNAK", sk: MOCK_SK } }).vpc.updateVpcPeering(peeringArgs(mock)));
    expect(error.code).toBe("APIGW.0301");
    expect(error.message).toContain("ak not exist");
  });

  /** A PUT signed now on this machine's clock, sent as is: the mock's verdict, before any client could correct its clock. */
  async function signedNow(mock: MockCloud): Promise<Response> {
    const url = `${mock.url}/v2.0/vpc/peerings/${mock.resources.UpdateVpcPeering.peering_id}`;
    const body = JSON.stringify(validBody("UpdateVpcPeering"));
    const headers = { "Content-Type": "application/json" };
    const added = await sign({ method: "PUT", url, headers, body }, { ak: MOCK_AK, sk: MOCK_SK }, new Date());
    return fetch(url, { method: "PUT", headers: { ...headers, ...added }, body });
  }

  it("rejects a signature dated more than 15 minutes off its clock, either way, and accepts one just inside", async () => {
    for (const [offset, status] of [
      [16 * MINUTE, 401],
      [-16 * MINUTE, 401],
      [14 * MINUTE, 200],
      [-14 * MINUTE, 200],
    ] as const) {
      const mock = await start({ now: () => new Date(Date.now() + offset) });
      expect((await signedNow(mock)).status, `clock ${offset / MINUTE} min`).toBe(status);
      if (status === 401) expect(mock.requests[0]).toMatchObject({ auth: { ok: false, reason: expect.stringMatching(/signature expired/) } });
      await mock.close();
    }
  });

  it("refuses an expired signature with the gateway's own text, both times in it, and its clock in the Date header", async () => {
    const mock = await start({ clockSkewMs: 20 * MINUTE });
    const sentAt = Date.now();
    const response = await signedNow(mock);
    expect(response.status).toBe(401);
    const body = (await response.json()) as { error_code: string; error_msg: string };
    expect(body.error_code).toBe("APIGW.0301");
    const match = /^Incorrect IAM authentication information: calc aksk signature fail:signature expired, signature time:(\d{8}T\d{6}Z),server time:(\d{8}T\d{6}Z)$/.exec(
      body.error_msg,
    );
    expect(match, body.error_msg).not.toBeNull();
    const [signedAt, serverAt] = [parseSdkDate(match![1]!)!.getTime(), parseSdkDate(match![2]!)!.getTime()];
    expect(Math.abs(signedAt - sentAt)).toBeLessThan(5_000);
    expect(Math.abs(serverAt - signedAt - 20 * MINUTE)).toBeLessThan(5_000);
    expect(Math.abs(Date.parse(response.headers.get("date")!) - sentAt - 20 * MINUTE)).toBeLessThan(5_000);
  });

  it("with clockSkewMs, accepts only requests signed on its own clock, and adds the skew to a given now", async () => {
    const base = new Date("2026-03-01T12:00:00Z");
    const mock = await start({ now: () => base, clockSkewMs: -30 * MINUTE });
    const signedOn = async (at: Date) => {
      const url = `${mock.url}/v2.0/vpc/peerings/${mock.resources.UpdateVpcPeering.peering_id}`;
      const body = JSON.stringify(validBody("UpdateVpcPeering"));
      const headers = { "Content-Type": "application/json" };
      const added = await sign({ method: "PUT", url, headers, body }, { ak: MOCK_AK, sk: MOCK_SK }, at);
      return (await fetch(url, { method: "PUT", headers: { ...headers, ...added }, body })).status;
    };
    expect(await signedOn(new Date(base.getTime() - 30 * MINUTE))).toBe(200);
    expect(await signedOn(base)).toBe(401);
    expect(mock.requests.map((r) => r.status)).toEqual([200, 401]);
  });

  it("answers every request, accepted or not, with a Date header on its clock", async () => {
    const mock = await start({ now: () => new Date("2030-01-02T03:04:05Z") });
    const response = await fetch(`${mock.url}/v2.0/vpc/peerings/x`, { method: "PUT" });
    expect(response.status).toBe(401);
    expect(response.headers.get("date")).toBe("Wed, 02 Jan 2030 03:04:05 GMT");
  });

  it("rejects a signed request whose body was changed after signing", async () => {
    const mock = await start();
    const client = clientFor(mock, {
      fetch: async (input, init) => {
        const request = new Request(input, init);
        const tampered = (await request.text()).replace("test2", "test3");
        return fetch(request.url, { method: request.method, headers: request.headers, body: tampered });
      },
    });
    const error = await rejection(client.vpc.updateVpcPeering(peeringArgs(mock)));
    expect(error.message).toContain("verify aksk signature fail");
  });
});

describe("IAM tokens", () => {
  it("accepts a token it knows", async () => {
    const mock = await start();
    await clientFor(mock, { credentials: { token: MOCK_TOKEN } }).vpc.updateVpcPeering(peeringArgs(mock));
    expect(mock.requests[0]).toMatchObject({ status: 200, auth: { ok: true, scheme: "token" } });
  });

  it("rejects a token it does not know: 401 'decrypt token fail'", async () => {
    const mock = await start();
    const error = await rejection(clientFor(mock, { credentials: { token: "MIIsomebodyelse" } }).vpc.updateVpcPeering(peeringArgs(mock)));
    expect(error.code).toBe("APIGW.0301");
    expect(error.message).toContain("Incorrect IAM authentication information: decrypt token fail");
  });

  it("accepts only the credentials it was configured with", async () => {
    const mock = await start({ credentials: { tokens: ["only-this-token"] } });
    await clientFor(mock, { credentials: { token: "only-this-token" } }).vpc.updateVpcPeering(peeringArgs(mock));
    await rejection(clientFor(mock, { credentials: { token: MOCK_TOKEN } }).vpc.updateVpcPeering(peeringArgs(mock)));
    await rejection(clientFor(mock).vpc.updateVpcPeering(peeringArgs(mock)));
    expect(mock.requests.map((r) => r.status)).toEqual([200, 401, 401]);
  });
});

describe("temporary AK/SK", () => {
  const temporary = { ak: "MOCKTEMPORARYAK00001", sk: "mock-temporary-secret-key-0000000000000", securityToken: "mock-security-token-0001" };

  it("a key configured with its security token is accepted only with that token, signed", async () => {
    const mock = await start({ credentials: { keys: [temporary] } });
    const statusWith = (credentials: { ak: string; sk: string; securityToken?: string }) =>
      clientFor(mock, { credentials }).vpc.updateVpcPeering(peeringArgs(mock)).then(
        () => 200,
        (error: AuthenticationError) => error.status,
      );
    expect(await statusWith(temporary)).toBe(200);
    // Code that drops the token of temporary keys, or sends a stale one, fails against Huawei's gateway.
    expect(await statusWith({ ak: temporary.ak, sk: temporary.sk })).toBe(401);
    expect(await statusWith({ ...temporary, securityToken: "mock-security-token-0002" })).toBe(401);
    expect(mock.requests.map((request) => request.auth)).toEqual([
      { ok: true, scheme: "aksk", ak: temporary.ak },
      { ok: false, scheme: "aksk", reason: "security token missing or not the one issued with the access key" },
      { ok: false, scheme: "aksk", reason: "security token missing or not the one issued with the access key" },
    ]);
    expect(JSON.stringify(mock.requests)).not.toContain(temporary.securityToken);
  });
});

describe("missing authentication", () => {
  it.each(updateIds)("%s: 401 in the gateway's flat shape, with X-Request-Id, whatever the body", async (id) => {
    const mock = await start();
    const response = await fetch(`${mock.url}${pathOf(id, mock.resources[id])}`, {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body: "{not json",
    });
    expect(response.status).toBe(401);
    const requestId = response.headers.get("x-request-id");
    expect(requestId).toBeTruthy();
    expect(await response.json()).toEqual({
      error_code: "APIGW.0301",
      error_msg: "Incorrect IAM authentication information: no X-Auth-Token header and no Authorization header",
      request_id: requestId,
    });
  });
});

describe("the request log", () => {
  it("never records a credential", async () => {
    const mock = await start();
    await clientFor(mock).vpc.updateVpcPeering(peeringArgs(mock));
    await clientFor(mock, { credentials: { ak: MOCK_AK, sk: MOCK_SK, securityToken: "sts-secret-token" } }).vpc.updateVpcPeering(
      peeringArgs(mock),
    );
    await rawPut(mock, pathOf("UpdateVpcPeering", mock.resources.UpdateVpcPeering), JSON.stringify(validBody("UpdateVpcPeering")));
    const logged = JSON.stringify(mock.requests);
    expect(mock.requests).toHaveLength(3);
    for (const secret of [MOCK_SK, MOCK_TOKEN, "sts-secret-token", "Signature="]) expect(logged).not.toContain(secret);
    for (const request of mock.requests) {
      expect(Object.keys(request.headers)).not.toContain("authorization");
      expect(Object.keys(request.headers)).not.toContain("x-auth-token");
      expect(Object.keys(request.headers)).not.toContain("x-security-token");
    }
  });
});

function withoutHost(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => name.toLowerCase() !== "host"));
}
