/**
 * Reading a 401 for the server's clock: the gateway's "signature expired"
 * text (as quoted in huaweicloud-sdk-java-v3 #44), the Date header, and
 * answers that are not about time at all.
 */
import { afterEach, describe, expect, it } from "vitest";
import { clockSkewOf, createSkewedClock, DATE_HEADER_SKEW_MS } from "../../src/auth/clock-skew.ts";
import { MOCK_AK, MOCK_SK, type MockCloud, startMockCloud } from "../../src/mock/index.ts";
import { sign } from "../../src/auth/signer.ts";
import { readsGlobalHeaders } from "../helpers/global-headers.ts";

const MINUTE = 60_000;
const ISSUE_44 = {
  error_code: "APIGW.0301",
  error_msg:
    "Incorrect IAM authentication information: calc aksk signature fail:signature expired, signature time:20211217T064303Z,server time:20211217T065804Z",
  request_id: "2db4dab3ea3849bcb47b6478738635bd",
};

describe("clockSkewOf", () => {
  it("takes the server time from the gateway's message, to the second", () => {
    const local = new Date("2021-12-17T06:43:03Z");
    expect(clockSkewOf({ status: 401, headers: {}, body: ISSUE_44 }, local)).toBe(15 * MINUTE + 1_000);
  });

  it("prefers the message's server time to the Date header, which a proxy may have rewritten", () => {
    const local = new Date("2021-12-17T06:43:03Z");
    const headers = { Date: "Fri, 17 Dec 2021 07:00:00 GMT" };
    expect(clockSkewOf({ status: 401, headers, body: ISSUE_44 }, local)).toBe(15 * MINUTE + 1_000);
  });

  it("falls back on the Date header when an expired-signature message names no server time", () => {
    const local = new Date("2026-01-01T12:00:00Z");
    const body = { error_code: "APIGW.0301", error_msg: "Incorrect IAM authentication information: signature expired" };
    const headers = new Headers({ date: "Thu, 01 Jan 2026 11:40:00 GMT" });
    expect(clockSkewOf({ status: 401, headers, body }, local)).toBe(-20 * MINUTE);
  });

  it("reads the message out of each of Huawei's error shapes, and plain text", () => {
    const local = new Date("2021-12-17T06:58:04Z");
    const message = "signature expired, signature time:20211217T064303Z,server time:20211217T070804Z";
    for (const body of [{ error: { code: "APIGW.0301", message } }, { unauthorized: { code: 401, message } }, message]) {
      expect(clockSkewOf({ status: 401, headers: {}, body }, local), JSON.stringify(body)).toBe(10 * MINUTE);
    }
  });

  it("takes any 401 whose Date header is more than 5 minutes off as a refusal for skew, whatever its text", () => {
    const local = new Date("2026-01-01T12:00:00Z");
    const body = { error_code: "APIGW.0301", error_msg: "Incorrect IAM authentication information: verify aksk signature fail" };
    const at = (offsetMs: number) => ({ date: new Date(local.getTime() + offsetMs).toUTCString() });
    expect(clockSkewOf({ status: 401, headers: at(DATE_HEADER_SKEW_MS + 1_000), body }, local)).toBe(DATE_HEADER_SKEW_MS + 1_000);
    expect(clockSkewOf({ status: 401, headers: at(-(DATE_HEADER_SKEW_MS + 1_000)), body }, local)).toBe(-(DATE_HEADER_SKEW_MS + 1_000));
    expect(clockSkewOf({ status: 401, headers: at(DATE_HEADER_SKEW_MS - 1_000), body }, local)).toBeUndefined();
  });

  it("reads the Date of a fetch Headers and of a plain record alike, and does not touch the global Headers for a record", async () => {
    const local = new Date("2026-01-01T12:00:00Z");
    const date = new Date(local.getTime() + DATE_HEADER_SKEW_MS + 1_000).toUTCString();
    const body = { error_msg: "verify aksk signature fail" };
    expect(clockSkewOf({ status: 401, headers: new Headers({ Date: date }), body }, local)).toBe(DATE_HEADER_SKEW_MS + 1_000);
    let offset: number | undefined;
    expect(await readsGlobalHeaders(() => (offset = clockSkewOf({ status: 401, headers: { Date: date }, body }, local)))).toBe(false);
    expect(offset).toBe(DATE_HEADER_SKEW_MS + 1_000);
  });

  it("ignores anything but a 401, an expired message without any time, and an unreadable Date", () => {
    const local = new Date("2021-12-17T06:43:03Z");
    const far = { date: "Fri, 17 Dec 2021 08:00:00 GMT" };
    expect(clockSkewOf({ status: 403, headers: far, body: ISSUE_44 }, local)).toBeUndefined();
    expect(clockSkewOf({ status: 200, headers: far, body: {} }, local)).toBeUndefined();
    const vague = { error_code: "APIGW.0301", error_msg: "signature expired" };
    expect(clockSkewOf({ status: 401, headers: {}, body: vague }, local)).toBeUndefined();
    expect(clockSkewOf({ status: 401, headers: { date: "yesterday-ish" }, body: vague }, local)).toBeUndefined();
    expect(clockSkewOf({ status: 401, headers: {}, body: { error_msg: "decrypt token fail" } }, local)).toBeUndefined();
  });
});

describe("createSkewedClock", () => {
  it("runs the adopted offset ahead of (or behind) the local clock", () => {
    let local = 1_000_000;
    const clock = createSkewedClock(() => local);
    expect(clock.now().getTime()).toBe(1_000_000);
    clock.setOffset(20 * MINUTE);
    expect(clock.offsetMs).toBe(20 * MINUTE);
    local += 5;
    expect(clock.now().getTime()).toBe(1_000_005 + 20 * MINUTE);
    clock.setOffset(-MINUTE);
    expect(clock.now().getTime()).toBe(1_000_005 - MINUTE);
  });
});

describe("against the mock cloud with a skewed clock", () => {
  let mock: MockCloud | undefined;
  afterEach(() => mock?.close());

  async function put(cloud: MockCloud, at: Date) {
    const url = `${cloud.url}/v2.0/vpc/peerings/${cloud.resources.UpdateVpcPeering.peering_id}`;
    const body = JSON.stringify({ peering: { name: "skewed" } });
    const headers = { "Content-Type": "application/json" };
    const added = await sign({ method: "PUT", url, headers, body }, { ak: MOCK_AK, sk: MOCK_SK }, at);
    return fetch(url, { method: "PUT", headers: { ...headers, ...added }, body });
  }

  for (const skew of [20 * MINUTE, -20 * MINUTE, 3 * 60 * MINUTE]) {
    it(`measures a ${skew / MINUTE} min skew from the refusal, and a request signed on the corrected clock passes`, async () => {
      mock = await startMockCloud({ clockSkewMs: skew });
      const clock = createSkewedClock();
      const refused = await put(mock, clock.now());
      expect(refused.status).toBe(401);
      const offset = clockSkewOf({ status: refused.status, headers: refused.headers, body: await refused.json() }, new Date());
      expect(offset).toBeDefined();
      // Both times are to the second, so the measure is within a second or two of the truth.
      expect(Math.abs(offset! - skew)).toBeLessThan(2_000);
      clock.setOffset(offset!);
      const accepted = await put(mock, clock.now());
      expect(accepted.status).toBe(200);
      expect(mock.requests.map((r) => r.status)).toEqual([401, 200]);
    });
  }

  it("finds no skew in a refusal of a good clock's request signed with a wrong secret", async () => {
    mock = await startMockCloud();
    const url = `${mock.url}/v2.0/vpc/peerings/${mock.resources.UpdateVpcPeering.peering_id}`;
    const added = await sign({ method: "PUT", url, headers: {}, body: "{}" }, { ak: MOCK_AK, sk: "wrong" }, new Date());
    const refused = await fetch(url, { method: "PUT", headers: added, body: "{}" });
    expect(refused.status).toBe(401);
    expect(clockSkewOf({ status: 401, headers: refused.headers, body: await refused.json() }, new Date())).toBeUndefined();
  });
});
