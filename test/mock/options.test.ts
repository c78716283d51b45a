/**
 * What startMockCloud and setFaults are given is checked before anything
 * listens: a mistake in a test's setup fails that test with a ValidationError
 * naming the field, rather than a fault that never fires, a token that never
 * matches, or a port taken for a file name.
 */
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/index.ts";
import { type MockCloudOptions, startMockCloud } from "../../src/mock/index.ts";
import { rejectionOf, thrownBy } from "../helpers/thrown.ts";
import { pathOf, rawPut, useMockCloud, validBody } from "./support.ts";

const start = useMockCloud();

/** The issue startMockCloud refuses `options` with; a failure when it starts. */
async function refusal(options: unknown): Promise<{ field: string | undefined; rule: string | undefined; message: string }> {
  const error = await rejectionOf(start(options as MockCloudOptions), ValidationError);
  return { field: error.field, rule: error.rule, message: error.message };
}

describe("startMockCloud options", () => {
  it("refuses a port that is not a whole number from 0 to 65535, and listens nowhere for it", async () => {
    // Text would make node:http listen on a socket file of that name, and the mock then fail to read its address.
    const text = join(tmpdir(), `hwcloud-typed-mock-port-${process.pid}`);
    expect(await refusal({ port: text })).toMatchObject({ field: "port", rule: "type" });
    expect(existsSync(text)).toBe(false);
    expect(await refusal({ port: 65_536 })).toMatchObject({ field: "port", rule: "maximum" });
    expect(await refusal({ port: 80.5 })).toMatchObject({ field: "port", rule: "type" });
    expect((await refusal({ port: -1 })).message).toBe("startMockCloud: invalid input: port must be a whole number from 0 to 65535 (minimum)");
  });

  it("refuses an option it does not know, such as `fault` for `faults`", async () => {
    expect(await refusal({ fault: [{ status: 503 }] })).toMatchObject({ field: "fault", rule: "additionalProperties" });
  });

  it("refuses credentials in the client's shape, or a token list given as one string", async () => {
    // `{ token }` is how the client takes a token; the mock would otherwise accept no credential at all.
    expect(await refusal({ credentials: { token: "my-token" } })).toMatchObject({ field: "credentials.token", rule: "additionalProperties" });
    // A string is iterable: the mock would otherwise accept each of its characters as a token, and not the string.
    expect(await refusal({ credentials: { tokens: "my-token" } })).toMatchObject({ field: "credentials.tokens", rule: "type" });
    expect(await refusal({ credentials: { keys: [{ ak: "AK" }] } })).toMatchObject({ field: "credentials.keys[0].sk", rule: "required" });
  });

  it("refuses log limits and clock settings of the wrong kind", async () => {
    expect(await refusal({ maxLoggedRequests: -1 })).toMatchObject({ field: "maxLoggedRequests", rule: "minimum" });
    expect(await refusal({ maxLoggedBodyBytes: "64k" })).toMatchObject({ field: "maxLoggedBodyBytes", rule: "type" });
    expect(await refusal({ clockSkewMs: Number.NaN })).toMatchObject({ field: "clockSkewMs", rule: "type" });
    expect(await refusal({ now: new Date() })).toMatchObject({ field: "now", rule: "type" });
  });

  it("takes undefined for any option left out", async () => {
    const mock = await start({ port: undefined, faults: undefined, credentials: { tokens: ["t"], keys: undefined } });
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});

describe("fault rules", () => {
  it("refuses an operation the spec does not have, which would never fire", async () => {
    const { field, rule, message } = await refusal({ faults: [{ operation: "UpdateVpcPeerings", status: 500 }] });
    expect({ field, rule }).toEqual({ field: "faults[0].operation", rule: "enum" });
    expect(message).toContain("UpdateVpcPeering, UpdateTrafficMirrorSession");
    expect(await refusal({ faults: [{ status: 500 }, { operation: ["UpdateVpcPeering", "nope"] }] })).toMatchObject({ field: "faults[1].operation" });
    expect(await refusal({ faults: [{ operation: [] }] })).toMatchObject({ field: "faults[0].operation" });
  });

  it("refuses a key it does not know, which would otherwise leave an endless 503", async () => {
    expect(await refusal({ faults: [{ operation: "UpdateVpcPeering", statusCode: 500, count: 1 }] })).toMatchObject({
      field: "faults[0].statusCode",
      rule: "additionalProperties",
    });
  });

  it("refuses a status that is not an HTTP error status, and effects of the wrong kind", async () => {
    expect(await refusal({ faults: [{ status: 1000 }] })).toMatchObject({ field: "faults[0].status", rule: "maximum" });
    expect(await refusal({ faults: [{ status: 200 }] })).toMatchObject({ field: "faults[0].status", rule: "minimum" });
    expect(await refusal({ faults: [{ status: "503" }] })).toMatchObject({ field: "faults[0].status", rule: "type" });
    expect(await refusal({ faults: [{ status: 429, retryAfter: "1\r\nX-Injected: yes" }] })).toMatchObject({ field: "faults[0].retryAfter", rule: "pattern" });
    expect(await refusal({ faults: [{ retryAfter: -1 }] })).toMatchObject({ field: "faults[0].retryAfter" });
    expect(await refusal({ faults: [{ delayMs: -5 }] })).toMatchObject({ field: "faults[0].delayMs", rule: "minimum" });
    expect(await refusal({ faults: [{ reset: "yes" }] })).toMatchObject({ field: "faults[0].reset", rule: "type" });
  });

  it("refuses counts, rates and seeds of the wrong kind", async () => {
    expect(await refusal({ faults: [{ times: 1.5 }] })).toMatchObject({ field: "faults[0].times", rule: "type" });
    expect(await refusal({ faults: [{ rate: 30 }] })).toMatchObject({ field: "faults[0].rate", rule: "maximum" });
    expect(await refusal({ faults: [{ seed: "a" }] })).toMatchObject({ field: "faults[0].seed", rule: "type" });
    expect(await refusal({ faults: { status: 503 } })).toMatchObject({ field: "faults", rule: "type" });
  });

  it("setFaults refuses the same mistakes and keeps the rules it had", async () => {
    const mock = await start({ faults: [{ status: 503, times: 1 }] });
    const error = thrownBy(() => mock.setFaults([{ operation: "UpdateVpcPeering", status: 5003 }] as never), ValidationError);
    expect(error.message).toBe("setFaults: invalid input: faults[0].status must be an HTTP error status, a whole number from 400 to 599 (maximum)");
    const path = pathOf("UpdateVpcPeering", mock.resources.UpdateVpcPeering);
    const body = JSON.stringify(validBody("UpdateVpcPeering"));
    expect([(await rawPut(mock, path, body)).status, (await rawPut(mock, path, body)).status]).toEqual([503, 200]);
  });
});

describe("fault functions", () => {
  it("an effect it cannot apply is the mock's 500 naming the field, and the log says what was answered", async () => {
    const mock = await start({ faults: () => ({ status: 1000 }) });
    const response = await rawPut(mock, pathOf("UpdateVpcPeering", mock.resources.UpdateVpcPeering), JSON.stringify(validBody("UpdateVpcPeering")));
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({
      error_code: "MOCK.0500",
      error_msg: "Mock cloud internal error: fault function: invalid input: status must be an HTTP error status, a whole number from 400 to 599 (maximum)",
    });
    expect(mock.requests.map((request) => request.status)).toEqual([500]);
  });
});
