/** Credentials a server echoes back in an error answer are cut out before the answer goes up. */
import { describe, expect, it } from "vitest";
import { REDACTED, withoutEchoes } from "../../src/auth/echo.ts";
import type { HttpResponse } from "../../src/layers.ts";

const TOKEN = "MIIEcho-token-0123456789";
const text = (response: HttpResponse) => new TextDecoder().decode(response.body!);
const answer = (status: number, body: string, headers: Record<string, string> = {}): HttpResponse => ({
  status,
  statusText: "",
  headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)), ...headers },
  body: new TextEncoder().encode(body),
});

describe("withoutEchoes", () => {
  it("replaces every echo in the body and the headers of an answer that is not a 2xx, and keeps its length right", () => {
    const response = withoutEchoes(answer(401, `{"error_msg":"token ${TOKEN} refused, é","echo":"${TOKEN}"}`, { "x-echo": `Bearer ${TOKEN}` }), [undefined, TOKEN]);
    expect(text(response)).toBe(`{"error_msg":"token ${REDACTED} refused, é","echo":"${REDACTED}"}`);
    expect(response.headers["x-echo"]).toBe(`Bearer ${REDACTED}`);
    expect(response.headers["content-length"]).toBe(String(response.body!.length));
    expect(response.status).toBe(401);
  });

  it("leaves a 2xx, an answer that echoes nothing, and values too short to be credentials as they are", () => {
    const ok = answer(200, `{"echo":"${TOKEN}"}`);
    expect(withoutEchoes(ok, [TOKEN])).toBe(ok);
    const plain = answer(500, '{"error_msg":"Incorrect IAM authentication information"}');
    expect(withoutEchoes(plain, [TOKEN])).toBe(plain);
    expect(withoutEchoes(plain, ["IAM", "information"])).toBe(plain);
    const empty = { status: 503, statusText: "", headers: {}, body: null };
    expect(withoutEchoes(empty, [TOKEN])).toBe(empty);
  });
});
