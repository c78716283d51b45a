/**
 * Secrets never leave through text: a canary secret is used everywhere a
 * secret can go, then every way a client or an error turns into text is
 * searched for it.
 */
import { inspect } from "node:util";
import { describe, expect, it, vi } from "vitest";
import { createClient, type Endpoints, services } from "../src/index.ts";
import { closedPort } from "./helpers/loopback-server.ts";
import { useLoopbackCloud } from "./helpers/use-loopback.ts";

const CANARY_SK = "CANARY-sk-7f3a9c";
const CANARY_TOKEN = "CANARY-token-51be2d";
const CANARY_SECURITY_TOKEN = "CANARY-sts-0c44e1";
const CANARY_PASSWORD = "CANARY-pw-9d02aa";
const CANARIES = [CANARY_SK, CANARY_TOKEN, CANARY_SECURITY_TOKEN, CANARY_PASSWORD];

const cloud = useLoopbackCloud();

function renderings(value: unknown): string[] {
  const texts = [String(value), inspect(value, { depth: 10, showHidden: true }), JSON.stringify(value) ?? ""];
  if (value instanceof Error) texts.push(value.message, value.stack ?? "", inspect(value.cause, { depth: 10 }));
  return texts;
}

function expectNoCanary(value: unknown): void {
  for (const text of renderings(value)) {
    for (const canary of CANARIES) expect(text).not.toContain(canary);
  }
}

const clients = () => [
  createClient({ credentials: { ak: "AK", sk: CANARY_SK, securityToken: CANARY_SECURITY_TOKEN }, projectId: "p", endpoints: cloud.endpoints, retry: { maxAttempts: 1 } }),
  createClient({ credentials: { token: CANARY_TOKEN }, projectId: "p", endpoints: cloud.endpoints, retry: { maxAttempts: 1 } }),
];

describe("no secret in any rendering", () => {
  it("of the client", () => {
    for (const client of clients()) expectNoCanary(client);
  });

  it("of an HTTP error, even when the server echoes nothing secret back", async () => {
    cloud.server.setFallback({ status: 401, headers: { "content-type": "application/json" }, body: '{"error_code":"APIGW.0301","error_msg":"Incorrect IAM authentication information"}' });
    for (const client of clients()) {
      const error = await client.vpc.updateVpcPeering({ peering_id: "p", body: { peering: { name: "n" } } }).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: "AuthenticationError", status: 401 });
      expectNoCanary(error);
    }
  });

  it("of an HTTP error whose server echoes the request's credentials back, in its message, body and headers", async () => {
    cloud.server.setFallback((request) => {
      const sent = [request.headers["x-auth-token"], request.headers["x-security-token"], request.headers.authorization].filter(Boolean).join(" ");
      return {
        status: 400,
        headers: { "content-type": "application/json", "x-echo": sent },
        body: JSON.stringify({ error_code: "APIGW.0101", error_msg: `refused ${sent}`, request: { headers: request.headers } }),
      };
    });
    for (const client of clients()) {
      const error = await client.vpc.updateVpcPeering({ peering_id: "p", body: { peering: { name: "n" } } }).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: "BadRequestError", status: 400, code: "APIGW.0101" });
      expectNoCanary(error);
      for (const text of renderings(error)) expect(text).not.toContain("Signature=");
      const { error: rawError, response } = await client.raw.vpc.PUT("/v2.0/vpc/peerings/{peering_id}", {
        params: { path: { peering_id: "p" } },
        body: { peering: { name: "n" } },
      });
      expectNoCanary(rawError);
      const echoed = `${await response.text()} ${response.headers.get("x-echo")}`;
      for (const canary of [...CANARIES, "Signature="]) expect(echoed).not.toContain(canary);
    }
  });

  it("of a connection error", async () => {
    const origin = `http://127.0.0.1:${await closedPort()}`;
    const dead = Object.fromEntries(Object.keys(services).map((service) => [service, origin])) as Endpoints;
    const client = createClient({ credentials: { ak: "AK", sk: CANARY_SK, securityToken: CANARY_SECURITY_TOKEN }, endpoints: dead, retry: { maxAttempts: 1 } });
    const error = await client.vpc.updateVpcPeering({ peering_id: "p", body: { peering: { name: "n" } } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "ConnectionError" });
    expectNoCanary(error);
  });

  it("of a validation error", async () => {
    for (const client of clients()) {
      const error = await client.vpc.updateVpcPeering({ peering_id: "p", body: { peering: { name: "" } } }).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: "ValidationError" });
      expectNoCanary(error);
    }
  });

  it("of a timeout", async () => {
    cloud.server.setFallback({ stall: true });
    for (const client of clients()) {
      const error = await client.vpc.updateVpcPeering({ peering_id: "p", body: { peering: { name: "n" } } }, { timeout: 50 }).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: "TimeoutError" });
      expectNoCanary(error);
    }
  });

  it("of a 2xx answer that is not JSON", async () => {
    cloud.server.setFallback({ status: 200, headers: { "content-type": "text/html" }, body: "<html>sign in</html>" });
    for (const client of clients()) {
      const error = await client.vpc.updateVpcPeering({ peering_id: "p", body: { peering: { name: "n" } } }).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: "InvalidResponseError" });
      expectNoCanary(error);
    }
  });

  it("of a credential refused by createClient for its CR/LF, which names the field only", () => {
    for (const credentials of [
      { token: `${CANARY_TOKEN}\r\nX-Injected: 1` },
      { ak: "AK", sk: CANARY_SK, securityToken: `${CANARY_SECURITY_TOKEN}\n` },
    ]) {
      let caught: unknown;
      try {
        createClient({ credentials, projectId: "p", endpoints: cloud.endpoints });
      } catch (error) {
        caught = error;
      }
      expect(caught).toMatchObject({ name: "ValidationError" });
      expectNoCanary(caught);
    }
  });

  it("of a token function's token refused per call for its CR/LF", async () => {
    const client = createClient({ credentials: { token: () => `${CANARY_TOKEN}\r\nX-Injected: 1` }, projectId: "p", endpoints: cloud.endpoints });
    const error = await client.vpc.updateVpcPeering({ peering_id: "p", body: { peering: { name: "n" } } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "ValidationError", field: "credentials.token" });
    expectNoCanary(error);
    expect(cloud.server.received).toHaveLength(0);
  });

  it("of an endpoint refused for carrying a user name and password", () => {
    let caught: unknown;
    try {
      createClient({ credentials: { token: "t" }, endpoints: { vpc: `https://admin:${CANARY_PASSWORD}@vpc.example.com` } });
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ name: "ValidationError", field: "endpoints.vpc" });
    expectNoCanary(caught);
    expect(String(caught)).not.toContain("admin");
  });

  it("and nothing is written to the console on failures", async () => {
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((level) => vi.spyOn(console, level));
    cloud.server.setFallback({ status: 503, body: "down" });
    for (const client of clients()) {
      await client.vpc.updateVpcPeering({ peering_id: "p", body: { peering: { name: "n" } } }).catch(() => undefined);
    }
    for (const spy of spies) {
      expect(spy).not.toHaveBeenCalled();
      spy.mockRestore();
    }
  });
});
