import { describe, expect, it } from "vitest";
import { withToken } from "../../src/auth/token.ts";
import { ValidationError } from "../../src/errors.ts";
import type { HttpRequest, Send } from "../../src/http.ts";

function recorder(): { next: Send; sent: HttpRequest[] } {
  const sent: HttpRequest[] = [];
  return { sent, next: async (request) => (sent.push(request), new Response("{}")) };
}

function request(): HttpRequest {
  return {
    method: "PUT",
    url: new URL("https://evs.example.com/v2/p/cloudvolumes/v"),
    headers: new Headers({ "content-type": "application/json" }),
    body: new TextEncoder().encode("{}"),
    context: { operation: "UpdateVolume", attempts: 0 },
  };
}

describe("withToken", () => {
  it("sends a fixed token as X-Auth-Token", async () => {
    const { next, sent } = recorder();
    await withToken(next, "fixed-token")(request());
    expect(sent[0]!.headers.get("x-auth-token")).toBe("fixed-token");
  });

  it("asks a synchronous token function on every request", async () => {
    const { next, sent } = recorder();
    let calls = 0;
    const send = withToken(next, () => `token-${++calls}`);

    await send(request());
    await send(request());

    expect(sent.map((sentRequest) => sentRequest.headers.get("x-auth-token"))).toEqual(["token-1", "token-2"]);
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

    expect(sent.map((sentRequest) => sentRequest.headers.get("x-auth-token"))).toEqual(["refreshed-1", "refreshed-2"]);
  });

  it("passes a failure of the token function on and sends nothing", async () => {
    const { next, sent } = recorder();
    const failure = new Error("token endpoint unreachable");
    await expect(withToken(next, () => Promise.reject(failure))(request())).rejects.toBe(failure);
    expect(sent).toHaveLength(0);
  });

  it("never edits the caller's request", async () => {
    const { next, sent } = recorder();
    const input = request();
    await withToken(next, "t")(input);

    expect([...input.headers]).toEqual([["content-type", "application/json"]]);
    expect(sent[0]).not.toBe(input);
    expect(sent[0]!.body).toBe(input.body);
    expect(sent[0]!.context).toBe(input.context);
  });

  it.each([
    ["a CR LF", "secret-token\r\nX-Evil: 1", "pattern"],
    ["a bare LF", "secret-token\nx", "pattern"],
    ["a NUL", "secret-token\0", "pattern"],
    ["nothing", "", "required"],
  ])("rejects a token holding %s with a ValidationError that does not quote it", async (_, token, rule) => {
    for (const source of [token, () => token, async () => token]) {
      const { next, sent } = recorder();
      const error = await withToken(next, source)(request()).catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ field: "credentials.token", rule, operation: "UpdateVolume" });
      if (token) expect((error as Error).message).not.toContain("secret-token");
      expect(sent).toHaveLength(0);
    }
  });
});
