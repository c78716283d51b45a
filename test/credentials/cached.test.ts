import { describe, expect, it } from "vitest";
import { cachedCredentials } from "../../src/credentials/cached.ts";
import type { ProvidedCredentials } from "../../src/credentials/provider.ts";
import { AbortError, TimeoutError, ValidationError } from "../../src/errors.ts";
import { rejectionOf, thrownBy } from "../helpers/thrown.ts";

const MINUTE = 60_000;
const T0 = Date.parse("2026-06-01T00:00:00Z");

/** A provider handing out key-1, key-2, ... each valid for `lifetimeMs` from the clock's now; `calls` counts. */
function rotatingSource(clock: { now: number }, lifetimeMs: number | undefined) {
  const source = {
    calls: 0,
    provider: async (): Promise<ProvidedCredentials> => {
      source.calls++;
      return {
        ak: `key-${source.calls}`,
        sk: "secret",
        securityToken: `token-${source.calls}`,
        ...(lifetimeMs === undefined ? {} : { expiresAt: new Date(clock.now + lifetimeMs) }),
      };
    },
  };
  return source;
}

/** Lets a refresh started in the background settle. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("cachedCredentials", () => {
  it("keeps credentials without expiresAt for good", async () => {
    const clock = { now: T0 };
    const source = rotatingSource(clock, undefined);
    const provider = cachedCredentials(source.provider, { now: () => clock.now });
    expect(await provider()).toMatchObject({ ak: "key-1" });
    clock.now += 365 * 24 * 60 * MINUTE;
    expect(await provider()).toMatchObject({ ak: "key-1" });
    expect(source.calls).toBe(1);
  });

  it("refreshes temporary credentials 5 minutes before they expire, not sooner, handing out the held ones meanwhile", async () => {
    const clock = { now: T0 };
    const source = rotatingSource(clock, 60 * MINUTE);
    const provider = cachedCredentials(source.provider, { now: () => clock.now });
    expect(await provider()).toMatchObject({ ak: "key-1", expiresAt: new Date(T0 + 60 * MINUTE) });
    clock.now = T0 + 55 * MINUTE - 1;
    expect(await provider()).toMatchObject({ ak: "key-1" });
    expect(source.calls).toBe(1);
    clock.now = T0 + 55 * MINUTE;
    expect(await provider()).toMatchObject({ ak: "key-1" });
    await settled();
    expect(await provider()).toMatchObject({ ak: "key-2", securityToken: "token-2" });
    expect(source.calls).toBe(2);
  });

  it("refreshes short-lived credentials at half their life, and honours refreshBeforeMs", async () => {
    const clock = { now: T0 };
    const short = rotatingSource(clock, 4 * MINUTE);
    const provider = cachedCredentials(short.provider, { now: () => clock.now });
    await provider();
    clock.now = T0 + 2 * MINUTE - 1;
    await provider();
    expect(short.calls).toBe(1);
    clock.now = T0 + 2 * MINUTE;
    await provider();
    await settled();
    expect(await provider()).toMatchObject({ ak: "key-2" });

    clock.now = T0;
    const long = rotatingSource(clock, 60 * MINUTE);
    const early = cachedCredentials(long.provider, { now: () => clock.now, refreshBeforeMs: 20 * MINUTE });
    await early();
    clock.now = T0 + 40 * MINUTE - 1;
    await early();
    expect(long.calls).toBe(1);
    clock.now = T0 + 40 * MINUTE;
    await early();
    await settled();
    expect(await early()).toMatchObject({ ak: "key-2" });
  });

  it("asks a provider whose keys are already expired when fetched at most every 10 s, not on every call", async () => {
    const clock = { now: T0 };
    // A host clock an hour ahead: the keys the metadata service hands out look expired for their whole life.
    const stale = rotatingSource(clock, -60 * MINUTE);
    const provider = cachedCredentials(stale.provider, { now: () => clock.now });
    for (let call = 0; call < 5; call++) expect(await provider()).toMatchObject({ ak: "key-1" });
    clock.now = T0 + 10_000 - 1;
    expect(await provider()).toMatchObject({ ak: "key-1" });
    expect(stale.calls).toBe(1);
    clock.now = T0 + 10_000;
    expect(await provider()).toMatchObject({ ak: "key-2" });
    expect(stale.calls).toBe(2);

    // The same keys handed out until they expire, and after: asked again as they run out, then every 10 s.
    clock.now = T0;
    let asked = 0;
    const sameKeys = cachedCredentials(
      async () => {
        asked++;
        return { ak: "same", sk: "secret", expiresAt: T0 + 1_000 };
      },
      { now: () => clock.now },
    );
    for (let at = 0; at < 11_000; at += 10) {
      clock.now = T0 + at;
      await sameKeys();
      await settled();
    }
    expect(asked).toBeLessThanOrEqual(10);
  });

  it("shares one fetch among concurrent calls, first and refreshing alike; those refreshing are not held up", async () => {
    const clock = { now: T0 };
    let calls = 0;
    let gate = deferred<void>();
    const provider = cachedCredentials(
      async () => {
        calls++;
        await gate.promise;
        return { ak: `key-${calls}`, sk: "s", expiresAt: clock.now + 60 * MINUTE };
      },
      { now: () => clock.now },
    );
    const first = Array.from({ length: 20 }, () => provider());
    gate.resolve();
    expect((await Promise.all(first)).map((c) => c.ak)).toEqual(Array(20).fill("key-1"));
    gate = deferred<void>();
    clock.now += 56 * MINUTE;
    const refreshing = Array.from({ length: 20 }, () => provider());
    expect((await Promise.all(refreshing)).map((c) => c.ak)).toEqual(Array(20).fill("key-1"));
    gate.resolve();
    await settled();
    expect(await provider()).toMatchObject({ ak: "key-2" });
    expect(calls).toBe(2);
  });

  it("keeps using unexpired credentials when a refresh fails, and tries again on the next call", async () => {
    const clock = { now: T0 };
    let fail = false;
    let calls = 0;
    const provider = cachedCredentials(
      async () => {
        calls++;
        if (fail) throw new Error("metadata service down");
        return { ak: `key-${calls}`, sk: "s", expiresAt: clock.now + 60 * MINUTE };
      },
      { now: () => clock.now },
    );
    await provider();
    fail = true;
    clock.now = T0 + 58 * MINUTE;
    expect(await provider()).toMatchObject({ ak: "key-1" });
    await settled();
    expect(await provider()).toMatchObject({ ak: "key-1" });
    await settled();
    expect(calls).toBe(3);
    clock.now = T0 + 60 * MINUTE;
    await expect(provider()).rejects.toThrow("metadata service down");
    fail = false;
    expect(await provider()).toMatchObject({ ak: "key-5" });
  });

  it("hands out the held credentials at once while a refresh hangs, as long as they are valid", async () => {
    const clock = { now: T0 };
    let calls = 0;
    const provider = cachedCredentials(
      async () => {
        calls++;
        if (calls > 1) return new Promise<never>(() => {});
        return { ak: "key-1", sk: "s", expiresAt: clock.now + 60 * MINUTE };
      },
      { now: () => clock.now, timeoutMs: 5_000 },
    );
    await provider();
    clock.now = T0 + 56 * MINUTE;
    // Each caller gives up after 200 ms, as an attempt's timeout would make it.
    expect(await provider(AbortSignal.timeout(200))).toMatchObject({ ak: "key-1" });
    expect(await provider(AbortSignal.timeout(200))).toMatchObject({ ak: "key-1" });
    expect(calls).toBe(2);
  });

  it("gives up on a provider that never answers after timeoutMs, telling it so, and asks again on the next call", async () => {
    let calls = 0;
    let given: AbortSignal | undefined;
    const provider = cachedCredentials(
      async (signal) => {
        calls++;
        if (calls === 1) {
          given = signal;
          return new Promise<never>(() => {});
        }
        return { ak: "a", sk: "s" };
      },
      { timeoutMs: 100 },
    );
    const started = performance.now();
    const error = await rejectionOf(provider(), TimeoutError);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(error).toMatchObject({ message: "credentials provider gave no answer within 100 ms", requestSent: false });
    expect(given?.aborted).toBe(true);
    expect(await provider()).toEqual({ ak: "a", sk: "s" });
    expect(calls).toBe(2);
  });

  it("never caches a failure", async () => {
    let calls = 0;
    const provider = cachedCredentials(async () => {
      calls++;
      if (calls === 1) throw new Error("first try fails");
      return { ak: "a", sk: "s" };
    });
    await expect(provider()).rejects.toThrow("first try fails");
    expect(await provider()).toEqual({ ak: "a", sk: "s" });
  });

  it("lets a caller stop waiting without failing the others or the shared fetch", async () => {
    const gate = deferred<void>();
    let calls = 0;
    const provider = cachedCredentials(async () => {
      calls++;
      await gate.promise;
      return { ak: "a", sk: "s" };
    });
    const controller = new AbortController();
    const leaving = provider(controller.signal);
    const staying = provider();
    controller.abort(new Error("user pressed cancel"));
    const error = await rejectionOf(leaving, AbortError);
    expect((error.cause as Error).message).toBe("user pressed cancel");
    gate.resolve();
    expect(await staying).toEqual({ ak: "a", sk: "s" });
    expect(calls).toBe(1);
    await rejectionOf(provider(controller.signal), AbortError);
  });

  it("checks what the provider returns, naming fields and never values, and normalises expiresAt", async () => {
    const bad = [
      [{ sk: "secret-do-not-print" }, "credentials provider ak"],
      [{ ak: "a", sk: "" }, "credentials provider sk"],
      [{ ak: "a", sk: "secret-do-not-print", securityToken: 42 }, "credentials provider securityToken"],
      [{ ak: "a", sk: "secret-do-not-print", expiresAt: "soon" }, "credentials provider expiresAt"],
      [null, "credentials provider"],
    ] as const;
    for (const [value, field] of bad) {
      const error = await rejectionOf(cachedCredentials(async () => value as never)(), ValidationError);
      expect(error.field).toBe(field);
      expect(`${error.message} ${JSON.stringify(error)}`).not.toContain("do-not-print");
    }
    for (const expiresAt of [Date.parse("2030-01-01T00:00:00Z"), "2030-01-01T00:00:00.000000Z", new Date("2030-01-01T00:00:00Z")]) {
      expect(await cachedCredentials(async () => ({ ak: "a", sk: "s", expiresAt }))()).toEqual({
        ak: "a",
        sk: "s",
        expiresAt: new Date("2030-01-01T00:00:00Z"),
      });
    }
  });

  it("refuses a negative refreshBeforeMs, and a timeoutMs that is not above 0, naming the option", () => {
    expect(() => cachedCredentials(async () => ({ ak: "a", sk: "s" }), { refreshBeforeMs: -1 })).toThrow(ValidationError);
    for (const timeoutMs of [0, -1, Number.NaN]) {
      const error = thrownBy(() => cachedCredentials(async () => ({ ak: "a", sk: "s" }), { timeoutMs }), ValidationError);
      expect(error.field).toBe("timeoutMs");
    }
  });
});
