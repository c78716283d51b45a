import { describe, expect, it } from "vitest";
import { ConnectionError } from "../src/errors.ts";
import { loadCode, sharedLoad } from "../src/load-code.ts";
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

describe("sharedLoad", () => {
  it("starts the load once for concurrent and later callers, all getting what it gave", async () => {
    let loads = 0;
    const load = sharedLoad(async () => ({ n: ++loads }));
    const [a, b] = await Promise.all([load(), load()]);
    expect(a).toBe(b);
    expect(await load()).toBe(a);
    expect(loads).toBe(1);
  });

  it("forgets a failed load, so the next caller loads again", async () => {
    let loads = 0;
    const load = sharedLoad(async () => {
      if (++loads === 1) throw new Error("chunk not fetched");
      return loads;
    });
    await expect(load()).rejects.toThrow("chunk not fetched");
    expect(await load()).toBe(2);
    expect(await load()).toBe(2);
  });
});
