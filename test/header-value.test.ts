/**
 * Every string that becomes a header value is checked before anything is
 * sent: a control character other than tab, which node:http and undici
 * refuse with an untyped TypeError, is a ValidationError naming the field.
 */
import { describe, expect, it } from "vitest";
import { createClient, type ClientOptions, type CallInit, ValidationError } from "../src/index.ts";
import { assertHeaderValue } from "../src/header-value.ts";
import { useLoopbackCloud } from "./helpers/use-loopback.ts";

const cloud = useLoopbackCloud();

/** Control characters a fetch `Headers` lets through but HTTP/1.1 forbids in a field value. */
const CONTROLS = ["\u0001", "\u000b", "\u001b", "\u007f"];

const rename = (options: Partial<ClientOptions>, init?: CallInit) =>
  createClient({ credentials: { ak: "AK-header-test", sk: "sk" }, projectId: "p", endpoints: cloud.endpoints, retry: { maxAttempts: 1 }, ...options } as ClientOptions)
    .vpc.updateVpcPeering({ peering_id: "p", body: { peering: { name: "n" } } }, init)
    .catch((error: unknown) => error);

describe("a header value with a control character", () => {
  it.each(CONTROLS.map((control) => [`U+${control.charCodeAt(0).toString(16).padStart(4, "0")}`, control]))("%s is a ValidationError naming the field, wherever it is given, and nothing is sent", async (_, control) => {
    const cases: Array<[Partial<ClientOptions>, CallInit | undefined, string]> = [
      [{ headers: { "X-Team": `a${control}b` } }, undefined, "headers.X-Team"],
      [{ userAgent: `app${control}` }, undefined, "userAgent"],
      [{}, { headers: { "X-Trace": `a${control}b` } }, "init.headers.x-trace"],
      [{ credentials: { token: `token${control}value` } }, undefined, "credentials.token"],
      [{ credentials: { token: () => `token${control}value` } }, undefined, "credentials.token"],
      [{ credentials: { ak: `AK${control}`, sk: "sk" } }, undefined, "credentials.ak"],
      [{ credentials: { ak: "AK", sk: "sk", securityToken: `sts${control}` } }, undefined, "credentials.securityToken"],
      [{ credentials: async () => ({ ak: `AK${control}`, sk: "sk" }) }, undefined, "credentials provider ak"],
    ];
    for (const [options, init, field] of cases) {
      const outcome = await Promise.resolve()
        .then(() => rename(options, init))
        .catch((error: unknown) => error);
      expect(outcome, field).toBeInstanceOf(ValidationError);
      expect((outcome as ValidationError).field, field).toBe(field);
    }
    expect(cloud.server.received).toHaveLength(0);
  });

  it("tab and Latin-1 letters are ordinary header text, and are sent", async () => {
    expect(() => assertHeaderValue("op", "field", "a\tb é\u00ff")).not.toThrow();
    expect(await rename({ headers: { "X-Team": "é\tquipe" } })).toEqual({});
    expect(cloud.server.received.at(-1)?.headers["x-team"]).toBe("é\tquipe");
  });
});
