import { describe, expect, it } from "vitest";
import { userAgentHeader } from "../src/user-agent.ts";
import { userAgentHeader as browserUserAgentHeader } from "../src/user-agent.browser.ts";

describe("userAgentHeader", () => {
  it("sets User-Agent outside browsers", () => {
    expect(userAgentHeader("my-app/1.2")).toEqual({ "User-Agent": "my-app/1.2" });
  });

  it("sets nothing in browsers, whose fetch would replace it after signing", () => {
    expect(browserUserAgentHeader("my-app/1.2")).toEqual({});
  });
});
