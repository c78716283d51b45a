import { afterEach, describe, expect, it, vi } from "vitest";
import { defaultSend } from "../../src/transport/default.ts";
import { requestTo } from "./transport-contract.ts";

describe("default (non-Node) transport", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("uses whatever global fetch is installed at call time, not at import", async () => {
    const seen: string[] = [];
    vi.stubGlobal("fetch", async (input: URL | RequestInfo) => {
      seen.push(String(input));
      return new Response("from the stub", { status: 201 });
    });
    const response = await defaultSend(requestTo("https://vpc.example.test/v1/x"));
    expect(response.status).toBe(201);
    expect(new TextDecoder().decode(response.body!)).toBe("from the stub");
    expect(seen).toEqual(["https://vpc.example.test/v1/x"]);
  });
});
