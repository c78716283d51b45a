import { describe, expect, it } from "vitest";
import { parseSdkDate } from "../../src/auth/signer.ts";
import { withSigning } from "../../src/auth/signing.ts";
import { verifySignature } from "../../src/auth/verify.ts";
import { ValidationError } from "../../src/errors.ts";
import type { HttpRequest, Send } from "../../src/http.ts";
import { officialHeaders, ourRequest } from "./official-sdk.ts";
import { ACCOUNT, accountOf, DEFAULT_DATE, PROJECT_ID, vectors } from "./vectors.ts";

function recorder(): { next: Send; sent: HttpRequest[] } {
  const sent: HttpRequest[] = [];
  return { sent, next: async (request) => (sent.push(request), new Response("{}")) };
}

const body = () => new TextEncoder().encode('{\n  "vpc": { "name": "naïve" }\n}');

function request(): HttpRequest {
  return {
    method: "PUT",
    url: new URL(`https://vpc.cn-north-4.myhuaweicloud.com/v1/${PROJECT_ID}/vpcs/v-1`),
    headers: new Headers({ "content-type": "application/json" }),
    body: body(),
    signal: new AbortController().signal,
    context: { operation: "UpdateVpc", attempts: 0 },
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
      delete ours.headers["X-Project-Id"];
      const { next, sent } = recorder();
      const send = withSigning(next, account, { projectId: account.projectId, now: () => date });

      await send({ ...ours, url: new URL(ours.url), headers: new Headers(ours.headers), context: { attempts: 0 } });

      const official = await officialHeaders(vector.options, account, date);
      expect(sent[0]!.headers.get("authorization")).toBe(official.Authorization);
      expect(sent[0]!.headers.get("x-sdk-date")).toBe(official["X-Sdk-Date"]);
      expect(sent[0]!.headers.get("x-project-id")).toBe(official["X-Project-Id"] ?? null);
    },
  );

  it("takes a fresh X-Sdk-Date from the clock on every call, so each retry attempt is signed anew", async () => {
    const { next, sent } = recorder();
    const send = withSigning(next, ACCOUNT, { now: ticking(DEFAULT_DATE, 61_000) });
    const input = request();

    await send(input);
    await send(input);

    const [first, second] = sent.map((sentRequest) => sentRequest.headers);
    expect(first!.get("x-sdk-date")).toBe("20260102T030405Z");
    expect(second!.get("x-sdk-date")).toBe("20260102T030506Z");
    expect(second!.get("authorization")).not.toBe(first!.get("authorization"));
  });

  it("replaces the Authorization and X-Sdk-Date of an earlier attempt", async () => {
    const { next, sent } = recorder();
    const send = withSigning(next, ACCOUNT, { now: () => DEFAULT_DATE });
    await send(request());
    const resent = request();
    resent.headers.set("Authorization", "SDK-HMAC-SHA256 Access=old, SignedHeaders=host, Signature=00");
    resent.headers.set("X-Sdk-Date", "20000101T000000Z");
    await send(resent);

    expect(sent[1]!.headers.get("authorization")).toBe(sent[0]!.headers.get("authorization"));
    expect(sent[1]!.headers.get("x-sdk-date")).toBe("20260102T030405Z");
  });

  it("reads the real clock by default", async () => {
    const { next, sent } = recorder();
    await withSigning(next, ACCOUNT)(request());
    const signedAt = parseSdkDate(sent[0]!.headers.get("x-sdk-date")!)!;
    expect(Math.abs(signedAt.getTime() - Date.now())).toBeLessThan(5_000);
  });

  it("sends and signs X-Project-Id only when a project id is given", async () => {
    const { next, sent } = recorder();
    await withSigning(next, ACCOUNT, { projectId: PROJECT_ID, now: () => DEFAULT_DATE })(request());
    await withSigning(next, ACCOUNT, { now: () => DEFAULT_DATE })(request());

    expect(sent[0]!.headers.get("x-project-id")).toBe(PROJECT_ID);
    expect(sent[0]!.headers.get("authorization")).toContain("SignedHeaders=content-type;host;x-project-id;x-sdk-date,");
    expect(sent[1]!.headers.has("x-project-id")).toBe(false);
    expect(sent[1]!.headers.get("authorization")).toContain("SignedHeaders=content-type;host;x-sdk-date,");
  });

  it("sends and signs X-Security-Token with temporary credentials", async () => {
    const { next, sent } = recorder();
    await withSigning(next, { ...ACCOUNT, securityToken: "sts-token" }, { now: () => DEFAULT_DATE })(request());

    expect(sent[0]!.headers.get("x-security-token")).toBe("sts-token");
    expect(sent[0]!.headers.get("authorization")).toContain(";x-security-token,");
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

  it("never edits the caller's request and passes body, signal and context through", async () => {
    const { next, sent } = recorder();
    const input = request();
    const before = { ...input, headers: [...input.headers] };

    await withSigning(next, { ...ACCOUNT, securityToken: "t" }, { projectId: PROJECT_ID, now: () => DEFAULT_DATE })(input);

    expect({ ...input, headers: [...input.headers] }).toEqual(before);
    expect(sent[0]).not.toBe(input);
    expect(sent[0]!.headers).not.toBe(input.headers);
    expect(sent[0]!.body).toBe(input.body);
    expect(sent[0]!.signal).toBe(input.signal);
    expect(sent[0]!.context).toBe(input.context);
  });

  it.each([
    ["header.X-Project-Id", ACCOUNT, { projectId: "proj\r\nX-Evil: 1" }, "X-Evil"],
    ["credentials.ak", { ...ACCOUNT, ak: "AK\nX-Evil: 1" }, {}, "X-Evil"],
    ["credentials.securityToken", { ...ACCOUNT, securityToken: "secret-token\r\n" }, {}, "secret-token"],
    ["credentials.sk", { ...ACCOUNT, sk: "" }, {}, undefined],
  ])("rejects bad %s with a ValidationError naming the operation, and sends nothing", async (field, credentials, options, secret) => {
    const { next, sent } = recorder();
    const error = await withSigning(next, credentials, { ...options, now: () => DEFAULT_DATE })(request()).catch(
      (caught: unknown) => caught,
    );

    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field, operation: "UpdateVpc" });
    if (secret) expect((error as Error).message).not.toContain(secret);
    expect((error as Error).message).not.toContain(ACCOUNT.sk);
    expect(sent).toHaveLength(0);
  });
});
