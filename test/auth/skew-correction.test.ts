/**
 * The skew-correcting layer over the real signing layer and a fetch
 * transport, against a mock cloud whose clock is off.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createSkewedClock } from "../../src/auth/clock-skew.ts";
import { withSigning } from "../../src/auth/aksk.ts";
import { withSkewCorrection } from "../../src/auth/skew-correction.ts";
import type { HttpRequest, HttpResponse, Send } from "../../src/layers.ts";
import { MOCK_AK, MOCK_SK, type MockCloud, startMockCloud } from "../../src/mock/index.ts";
import { fromFetch } from "../../src/transport/fetch.ts";

const MINUTE = 60_000;
let mock: MockCloud | undefined;
afterEach(() => mock?.close());

function peeringUpdate(cloud: MockCloud, name: string): HttpRequest {
  return {
    method: "PUT",
    url: new URL(`${cloud.url}/v2.0/vpc/peerings/${cloud.resources.UpdateVpcPeering.peering_id}`),
    headers: { "content-type": "application/json" },
    body: new TextEncoder().encode(JSON.stringify({ peering: { name } })),
    operation: "UpdateVpcPeering",
    maxResponseBytes: 1024 * 1024,
  };
}

function json(response: HttpResponse): any {
  return JSON.parse(new TextDecoder().decode(response.body!));
}

function signedSend(sk: string, clock = createSkewedClock()): { send: Send; clock: typeof clock } {
  return { send: withSkewCorrection(withSigning(fromFetch(globalThis.fetch), { ak: MOCK_AK, sk }, { now: clock.now }), clock), clock };
}

describe("withSkewCorrection", () => {
  for (const skew of [20 * MINUTE, -20 * MINUTE]) {
    it(`signs again on the server's time after a refusal for a ${skew / MINUTE} min skew, and keeps the offset`, async () => {
      mock = await startMockCloud({ clockSkewMs: skew });
      const { send, clock } = signedSend(MOCK_SK);
      const response = await send(peeringUpdate(mock, "first"));
      expect(response.status).toBe(200);
      expect((json(response) as { peering: { name: string } }).peering.name).toBe("first");
      expect(Math.abs(clock.offsetMs - skew)).toBeLessThan(2_000);
      expect(mock.requests.map((r) => r.status)).toEqual([401, 200]);

      expect((await send(peeringUpdate(mock, "second"))).status).toBe(200);
      expect(mock.requests.map((r) => r.status)).toEqual([401, 200, 200]);
    });
  }

  it("hands back any other 401 unchanged, body included, without sending again or moving the clock", async () => {
    mock = await startMockCloud();
    const { send, clock } = signedSend("not-the-secret");
    const response = await send(peeringUpdate(mock, "x"));
    expect(response.status).toBe(401);
    expect(json(response)).toMatchObject({
      error_code: "APIGW.0301",
      error_msg: "Incorrect IAM authentication information: verify aksk signature fail",
    });
    expect(mock.requests).toHaveLength(1);
    expect(clock.offsetMs).toBe(0);
  });

  it("once it knows the server's time, hands back a 401 that is not about the clock, sending nothing again", async () => {
    mock = await startMockCloud({ clockSkewMs: 20 * MINUTE });
    const clock = createSkewedClock();
    let sk = MOCK_SK;
    // The keys change between calls (rotated, revoked); the mock's Date header stays 20 minutes ahead of the local clock.
    const send = withSkewCorrection(withSigning(fromFetch(globalThis.fetch), async () => ({ ak: MOCK_AK, sk }), { now: clock.now }), clock);
    expect((await send(peeringUpdate(mock, "first"))).status).toBe(200);
    sk = "not-the-secret";
    const response = await send(peeringUpdate(mock, "second"));
    expect(json(response)).toMatchObject({ error_msg: "Incorrect IAM authentication information: verify aksk signature fail" });
    expect(mock.requests.map((r) => r.status)).toEqual([401, 200, 401]);
    expect(Math.abs(clock.offsetMs - 20 * MINUTE)).toBeLessThan(2_000);
  });

  it("sends once more only: a server whose clock keeps running away gets its second refusal back", async () => {
    let skew = 20 * MINUTE;
    mock = await startMockCloud({
      now: () => {
        skew += 20 * MINUTE;
        return new Date(Date.now() + skew);
      },
    });
    const { send } = signedSend(MOCK_SK);
    const response = await send(peeringUpdate(mock, "x"));
    expect(response.status).toBe(401);
    expect(mock.requests.map((r) => r.status)).toEqual([401, 401]);
  });
});
