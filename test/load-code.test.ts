import { describe, expect, it } from "vitest";
import { ConnectionError } from "../src/errors.ts";
import { loadCode } from "../src/load-code.ts";
import { rejectionOf } from "./helpers/thrown.ts";

describe("loadCode", () => {
  it("resolves to what the import gives", async () => {
    expect(await loadCode("a module", async () => ({ answer: 42 }))).toEqual({ answer: 42 });
  });

  it("turns a failed import into a ConnectionError naming what was loaded, the request never sent", async () => {
    const failure = new TypeError("Failed to fetch dynamically imported module");
    const error = await rejectionOf(loadCode("the validator of UpdateVpcPeering", () => Promise.reject(failure)), ConnectionError);
    expect(error.message).toBe("could not load the validator of UpdateVpcPeering");
    expect(error).toMatchObject({ requestSent: false, cause: failure });
  });
});
