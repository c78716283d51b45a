/**
 * The AK/SK layer: every attempt signed afresh, byte for byte as Huawei's
 * official SDK signs the same request, and verifiable by the server.
 */
import { describe, expect, it } from "vitest";
import { withSigning } from "../../src/auth/aksk.ts";
import { canonicalQueryString, parseSdkDate } from "../../src/auth/signer.ts";
import { ConnectionError, TimeoutError, ValidationError } from "../../src/errors.ts";
import { cachedCredentials, createClient } from "../../src/index.ts";
import type { HttpRequest, HttpResponse, Send } from "../../src/layers.ts";
import { verifySignature } from "../../src/mock/verify.ts";
import { resolveClientOptions } from "../../src/options.ts";
import { buildRequest, splitArgs } from "../../src/request.ts";
import { testOperations } from "../helpers/operations.ts";
import { officialCanonicalQuery, officialHeaders, ourRequest } from "./official-sdk.ts";
import { ACCOUNT, accountOf, DEFAULT_DATE, PROJECT_ID, QUERY_GET, vectors } from "./vectors.ts";

const OK: HttpResponse = { status: 200, statusText: "OK", headers: {}, body: null };

function recorder(): { next: Send; sent: HttpRequest[] } {
  const sent: HttpRequest[] = [];
  return { sent, next: async (request) => (sent.push(request), OK) };
}

const body = () => new TextEncoder().encode('{\n  "vpc": { "name": "naïve" }\n}');

function request(): HttpRequest {
  return {
    method: "PUT",
    url: new URL(`https://vpc.cn-north-4.myhuaweicloud.com/v1/${PROJECT_ID}/vpcs/v-1`),
    headers: { "content-type": "application/json" },
    body: body(),
    signal: new AbortController().signal,
    operation: "UpdateVpc",
    maxResponseBytes: 1024,
  };
}

/** A clock that moves on by `stepMs` at each reading. */
function ticking(start: Date, stepMs: number): () => Date {
  let readings = 0;
  return () => new Date(start.getTime() + stepMs * readings++);
}

const lookup = (ak: string) => (ak === ACCOUNT.ak ? ACCOUNT.sk : undefined);

describe("withSigning", () => {
  it.each(vectors.map((vector) => [vector.name, vector] as const))(
    "signs as the official SDK does: %s",
    async (_, vector) => {
      const account = accountOf(vector);
      const date = vector.date ?? DEFAULT_DATE;
      const ours = ourRequest(vector.options, account);
      delete ours.headers["x-project-id"];
      const { next, sent } = recorder();
      const send = withSigning(next, account, { projectId: account.projectId, now: () => date });

      await send({ ...ours, url: new URL(ours.url), operation: "Vector", maxResponseBytes: 1024 });

      const official = await officialHeaders(vector.options, account, date);
      expect(sent[0]!.headers.authorization).toBe(official.Authorization);
      expect(sent[0]!.headers["x-sdk-date"]).toBe(official["X-Sdk-Date"]);
      expect(sent[0]!.headers["x-project-id"]).toBe(official["X-Project-Id"]);
    },
  );

  it("signs a GET with a query, built by the client's own buildRequest, exactly as the official SDK does", async () => {
    const { ListServers } = testOperations;
    const config = resolveClientOptions(
      { credentials: { ak: ACCOUNT.ak, sk: ACCOUNT.sk }, projectId: PROJECT_ID, endpoints: { vpc: ACCOUNT.endpoint }, validate: false },
      {},
    );
    const built = buildRequest(ListServers, splitArgs(ListServers, QUERY_GET), config, undefined);
    const { next, sent } = recorder();
    await withSigning(next, ACCOUNT, { projectId: PROJECT_ID, now: () => DEFAULT_DATE })(built);

    expect(built.url.search).toBe("?limit=10&name=a%20b*c~d!%C3%A9&status=ACTIVE");
    expect(canonicalQueryString(built.url.search)).toBe(officialCanonicalQuery(QUERY_GET));
    const official = await officialHeaders(
      { method: "GET", url: "/v1/{project_id}/servers", queryParams: QUERY_GET, pathParams: {}, headers: {} },
      ACCOUNT,
      DEFAULT_DATE,
    );
    expect(sent[0]!.headers.authorization).toBe(official.Authorization);
    const verdict = await verifySignature(sent[0]!, (ak) => (ak === ACCOUNT.ak ? ACCOUNT.sk : undefined), DEFAULT_DATE);
    expect(verdict).toEqual({ ok: true, ak: ACCOUNT.ak });
  });

  it("takes a fresh X-Sdk-Date from the clock on every call, so each retry attempt is signed anew", async () => {
    const { next, sent } = recorder();
    const send = withSigning(next, ACCOUNT, { now: ticking(DEFAULT_DATE, 61_000) });
    const input = request();

    await send(input);
    await send(input);

    const [first, second] = sent.map((sentRequest) => sentRequest.headers);
    expect(first!["x-sdk-date"]).toBe("20260102T030405Z");
    expect(second!["x-sdk-date"]).toBe("20260102T030506Z");
    expect(second!.authorization).not.toBe(first!.authorization);
  });

  it("replaces the Authorization and X-Sdk-Date of an earlier attempt", async () => {
    const { next, sent } = recorder();
    const send = withSigning(next, ACCOUNT, { now: () => DEFAULT_DATE });
    await send(request());
    const resent = request();
    resent.headers.authorization = "SDK-HMAC-SHA256 Access=old, SignedHeaders=host, Signature=00";
    resent.headers["x-sdk-date"] = "20000101T000000Z";
    await send(resent);

    expect(sent[1]!.headers.authorization).toBe(sent[0]!.headers.authorization);
    expect(sent[1]!.headers["x-sdk-date"]).toBe("20260102T030405Z");
  });

  it("reads the real clock by default", async () => {
    const { next, sent } = recorder();
    await withSigning(next, ACCOUNT)(request());
    const signedAt = parseSdkDate(sent[0]!.headers["x-sdk-date"]!)!;
    expect(Math.abs(signedAt.getTime() - Date.now())).toBeLessThan(5_000);
  });

  it("sends and signs X-Project-Id only when a project id is given", async () => {
    const { next, sent } = recorder();
    await withSigning(next, ACCOUNT, { projectId: PROJECT_ID, now: () => DEFAULT_DATE })(request());
    await withSigning(next, ACCOUNT, { now: () => DEFAULT_DATE })(request());

    expect(sent[0]!.headers["x-project-id"]).toBe(PROJECT_ID);
    expect(sent[0]!.headers.authorization).toContain("SignedHeaders=content-type;host;x-project-id;x-sdk-date,");
    expect(sent[1]!.headers).not.toHaveProperty("x-project-id");
    expect(sent[1]!.headers.authorization).toContain("SignedHeaders=content-type;host;x-sdk-date,");
  });

  it("sends and signs X-Security-Token with temporary credentials", async () => {
    const { next, sent } = recorder();
    await withSigning(next, { ...ACCOUNT, securityToken: "sts-token" }, { now: () => DEFAULT_DATE })(request());

    expect(sent[0]!.headers["x-security-token"]).toBe("sts-token");
    expect(sent[0]!.headers.authorization).toContain(";x-security-token,");
  });

  it("signs the exact body bytes it passes on", async () => {
    const { next, sent } = recorder();
    await withSigning(next, ACCOUNT, { now: () => DEFAULT_DATE })(request());
    const signed = sent[0]!;

    expect(signed.body).toEqual(body());
    expect(await verifySignature(signed, lookup, DEFAULT_DATE)).toEqual({ ok: true, ak: ACCOUNT.ak });
    const reformatted = new TextEncoder().encode('{"vpc":{"name":"naïve"}}');
    expect(await verifySignature({ ...signed, body: reformatted }, lookup, DEFAULT_DATE)).toMatchObject({ ok: false });
  });

  it("never edits the caller's request and passes body, signal, operation and cap through", async () => {
    const { next, sent } = recorder();
    const input = request();
    const before = { ...input, headers: { ...input.headers } };

    await withSigning(next, { ...ACCOUNT, securityToken: "t" }, { projectId: PROJECT_ID, now: () => DEFAULT_DATE })(input);

    expect(input).toEqual(before);
    expect(sent[0]).not.toBe(input);
    expect(sent[0]!.headers).not.toBe(input.headers);
    expect(sent[0]!.body).toBe(input.body);
    expect(sent[0]!.signal).toBe(input.signal);
    expect(sent[0]).toMatchObject({ operation: "UpdateVpc", maxResponseBytes: 1024, url: input.url });
  });

  it("adds only lower-case header names, so none is sent twice", async () => {
    const { next, sent } = recorder();
    await withSigning(next, { ...ACCOUNT, securityToken: "t" }, { projectId: PROJECT_ID, now: () => DEFAULT_DATE })(request());
    const names = Object.keys(sent[0]!.headers);
    expect(names).toEqual(names.map((name) => name.toLowerCase()));
    expect(names.sort()).toEqual(["authorization", "content-type", "x-project-id", "x-sdk-date", "x-security-token"]);
  });

  it.each([
    ["projectId", { credentials: ACCOUNT, projectId: "proj\r\nX-Evil: 1" }, "X-Evil"],
    ["credentials.ak", { credentials: { ...ACCOUNT, ak: "AK\nX-Evil: 1" } }, "X-Evil"],
    ["credentials.securityToken", { credentials: { ...ACCOUNT, securityToken: "secret-token\r\n" } }, "secret-token"],
    ["credentials.sk", { credentials: { ...ACCOUNT, sk: "" } }, undefined],
  ])("leaves bad %s to createClient, which refuses it once, naming it, before any call", (field, options, secret) => {
    const error = (() => {
      try {
        createClient(options);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field, operation: "createClient" });
    if (secret) expect((error as Error).message).not.toContain(secret);
    expect((error as Error).message).not.toContain(ACCOUNT.sk);
  });

  it("checks the keys of a provider, as the client's cache of it does, naming the source, and sends nothing", async () => {
    const { next, sent } = recorder();
    const provider = cachedCredentials(async () => ({ ak: "AK\nX-Evil: 1", sk: ACCOUNT.sk }));
    const error = await withSigning(next, provider, { now: () => DEFAULT_DATE })(request()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).not.toContain("X-Evil");
    expect(sent).toHaveLength(0);
  });

  it("fails with requestSent false when the provider fails for the network (metadata service down or silent), sending nothing", async () => {
    const { next, sent } = recorder();
    const failures = [
      new ConnectionError("ECS metadata could not be reached at http://169.254.169.254", { cause: new Error("ECONNREFUSED") }),
      new TimeoutError("ECS metadata gave no answer within 3000 ms"),
    ];
    for (const failure of failures) {
      const error = await withSigning(next, async () => Promise.reject(failure))(request()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(failure.constructor);
      expect(error).toMatchObject({ message: failure.message, requestSent: false, retryable: true });
      expect((error as Error).cause).toBe(failure.cause);
    }
    const certificate = new ConnectionError("certificate not trusted", { requestSent: false, retryable: false });
    await expect(withSigning(next, async () => Promise.reject(certificate))(request())).rejects.toBe(certificate);
    expect(sent).toHaveLength(0);
  });
});
