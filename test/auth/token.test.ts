/** The IAM token layer: X-Auth-Token on a copy of every attempt, from a fixed token or a function asked each time. */
import { describe, expect, it } from "vitest";
import { withToken } from "../../src/auth/token.ts";
import { TimeoutError, ValidationError } from "../../src/errors.ts";
import { createClient } from "../../src/index.ts";
import type { HttpRequest, Send } from "../../src/layers.ts";

function recorder(): { next: Send; sent: HttpRequest[] } {
  const sent: HttpRequest[] = [];
  return { sent, next: async (request) => (sent.push(request), { status: 200, statusText: "OK", headers: {}, body: null }) };
}

function request(signal?: AbortSignal): HttpRequest {
  return {
    method: "PUT",
    url: new URL("https://evs.example.com/v2/p/cloudvolumes/v"),
    headers: { "content-type": "application/json" },
    body: new TextEncoder().encode("{}"),
    ...(signal ? { signal } : {}),
    operation: "UpdateVolume",
    maxResponseBytes: 1024,
  };
}

describe("withToken", () => {
  it("sends a fixed token as X-Auth-Token", async () => {
    const { next, sent } = recorder();
    await withToken(next, "fixed-token")(request());
    expect(sent[0]!.headers["x-auth-token"]).toBe("fixed-token");
  });

  it("asks a synchronous token function on every request", async () => {
    const { next, sent } = recorder();
    let calls = 0;
    const send = withToken(next, () => `token-${++calls}`);

    await send(request());
    await send(request());

    expect(sent.map((sentRequest) => sentRequest.headers["x-auth-token"])).toEqual(["token-1", "token-2"]);
  });

  it("awaits an asynchronous token function on every request", async () => {
    const { next, sent } = recorder();
    let calls = 0;
    const send = withToken(next, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return `refreshed-${++calls}`;
    });

    await send(request());
    await send(request());

    expect(sent.map((sentRequest) => sentRequest.headers["x-auth-token"])).toEqual(["refreshed-1", "refreshed-2"]);
  });

  it("gives the token function the attempt's signal, so a slow refresh can be cancelled", async () => {
    const { next } = recorder();
    const controller = new AbortController();
    const given: AbortSignal[] = [];
    await withToken(next, (signal) => (given.push(signal), "t"))(request(controller.signal));
    expect(given).toEqual([controller.signal]);
  });

  it("gives a signal that never fires when the attempt has none", async () => {
    const { next } = recorder();
    let given: AbortSignal | undefined;
    await withToken(next, (signal) => ((given = signal), "t"))(request());
    expect(given).toBeInstanceOf(AbortSignal);
    expect(given!.aborted).toBe(false);
  });

  it("replaces an X-Auth-Token already on the request, whatever was there", async () => {
    const { next, sent } = recorder();
    await withToken(next, "fresh")({ ...request(), headers: { "x-auth-token": "stale" } });
    expect(sent[0]!.headers).toEqual({ "x-auth-token": "fresh" });
  });

  it("passes a failure of the token function on and sends nothing", async () => {
    const { next, sent } = recorder();
    const failure = new Error("token endpoint unreachable");
    await expect(withToken(next, () => Promise.reject(failure))(request())).rejects.toBe(failure);
    expect(sent).toHaveLength(0);
  });

  it("fails with requestSent false when the token function fails for the network, sending nothing", async () => {
    const { next, sent } = recorder();
    const failure = new TimeoutError("IAM gave no token in time");
    const error = await withToken(next, () => Promise.reject(failure))(request()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ message: failure.message, requestSent: false });
    expect(sent).toHaveLength(0);
  });

  it("never edits the caller's request", async () => {
    const { next, sent } = recorder();
    const input = request();
    await withToken(next, "t")(input);

    expect(input.headers).toEqual({ "content-type": "application/json" });
    expect(sent[0]).not.toBe(input);
    expect(sent[0]!.headers).toEqual({ "content-type": "application/json", "x-auth-token": "t" });
    expect(sent[0]!.body).toBe(input.body);
    expect(sent[0]).toMatchObject({ operation: "UpdateVolume", maxResponseBytes: 1024 });
  });

  it.each([
    ["a CR LF", "secret-token\r\nX-Evil: 1", "pattern"],
    ["a bare LF", "secret-token\nx", "pattern"],
    ["a NUL", "secret-token\0", "pattern"],
    ["nothing", "", "required"],
  ])("rejects a token function's answer holding %s with a ValidationError that does not quote it", async (_, token, rule) => {
    for (const source of [() => token, async () => token]) {
      const { next, sent } = recorder();
      const error = await withToken(next, source)(request()).catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ field: "credentials.token", rule, operation: "UpdateVolume" });
      if (token) expect((error as Error).message).not.toContain("secret-token");
      expect(sent).toHaveLength(0);
    }
    // A fixed token is createClient's to check, once.
    expect(() => createClient({ credentials: { token } })).toThrow(ValidationError);
  });
});
