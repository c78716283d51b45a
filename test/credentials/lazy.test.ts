import { describe, expect, it } from "vitest";
import { lazyProvider } from "../../src/credentials/lazy.ts";
import type { CredentialProvider } from "../../src/credentials/provider.ts";
import { ConnectionError } from "../../src/errors.ts";
import { rejectionOf } from "../helpers/thrown.ts";

describe("lazyProvider", () => {
  it("loads the provider at the first request only, then asks the same provider every time, passing the signal", async () => {
    let loads = 0;
    const signals: Array<AbortSignal | undefined> = [];
    const provider: CredentialProvider = async (signal) => {
      signals.push(signal);
      return { ak: "AK", sk: `SK-${signals.length}` };
    };
    const lazy = lazyProvider(async () => {
      loads++;
      return provider;
    });
    expect(loads).toBe(0);
    const signal = new AbortController().signal;
    const answers = await Promise.all([lazy(signal), lazy()]);
    expect(answers.map((answer) => answer.sk).sort()).toEqual(["SK-1", "SK-2"]);
    expect(await lazy()).toEqual({ ak: "AK", sk: "SK-3" });
    expect(loads).toBe(1);
    expect(signals).toContain(signal);
  });

  it("fails with a ConnectionError when loading fails, and loads again at the next request", async () => {
    let loads = 0;
    const lazy = lazyProvider(async () => {
      loads++;
      if (loads === 1) throw new TypeError("Failed to fetch dynamically imported module");
      return async () => ({ ak: "AK", sk: "SK" });
    });
    await rejectionOf(lazy(), ConnectionError);
    expect(await lazy()).toEqual({ ak: "AK", sk: "SK" });
    expect(loads).toBe(2);
  });
});
