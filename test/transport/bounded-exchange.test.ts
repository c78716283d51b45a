import { getEventListeners } from "node:events";
import { describe, expect, it, vi } from "vitest";
import type { HttpRequest, HttpResponse } from "../../src/layers.ts";
import { boundedExchange, type Ending, whenLoaded } from "../../src/transport/bounded-exchange.ts";
import { rejectionOf } from "../helpers/thrown.ts";
import { requestTo } from "./transport-contract.ts";

const answer: HttpResponse = { status: 200, statusText: "OK", headers: {}, body: null };
const timedOut = () => new Error("timed out");
const within = (ms: number): Pick<HttpRequest, "timeout"> => ({ timeout: { endsAt: performance.now() + ms, error: timedOut } });

describe("boundedExchange", () => {
  it("resolves with the answer once, ignoring what comes after, and leaves no listener on the signal", async () => {
    const signal = new AbortController().signal;
    let ending: Ending | undefined;
    const result = boundedExchange(requestTo("http://127.0.0.1:1/", { signal }), (given) => {
      ending = given;
      return () => {};
    });
    ending!.answer(answer);
    ending!.fail(new Error("late"));
    expect(await result).toBe(answer);
    expect(ending!.ended()).toBe(true);
    expect(getEventListeners(signal, "abort")).toHaveLength(0);
  });

  it("ends with the timeout's error at its time and drops the connection", async () => {
    const drop = vi.fn();
    const error = await rejectionOf(boundedExchange(requestTo("http://127.0.0.1:1/", within(20)), () => drop));
    expect(error).toMatchObject({ message: "timed out" });
    expect(drop).toHaveBeenCalledWith(error);
  });

  it("ends with the signal's reason when it fires and drops the connection", async () => {
    const controller = new AbortController();
    const drop = vi.fn();
    const result = boundedExchange(requestTo("http://127.0.0.1:1/", { signal: controller.signal }), () => drop);
    controller.abort(new Error("caller gave up"));
    expect(await rejectionOf(result)).toMatchObject({ message: "caller gave up" });
    expect(drop).toHaveBeenCalledTimes(1);
  });

  it("starts nothing when the signal has already fired or the time is already up", async () => {
    const start = vi.fn(() => () => {});
    expect(await rejectionOf(boundedExchange(requestTo("http://127.0.0.1:1/", { signal: AbortSignal.abort(new Error("before")) }), start))).toMatchObject({ message: "before" });
    expect(await rejectionOf(boundedExchange(requestTo("http://127.0.0.1:1/", within(-1)), start))).toMatchObject({ message: "timed out" });
    expect(start).not.toHaveBeenCalled();
  });

  it("fails the call with what `start` throws, clearing its timer and listener", async () => {
    const signal = new AbortController().signal;
    const error = await rejectionOf(
      boundedExchange(requestTo("http://127.0.0.1:1/", { signal, ...within(30_000) }), () => {
        throw new Error("could not start");
      }),
    );
    expect(error).toMatchObject({ message: "could not start" });
    expect(getEventListeners(signal, "abort")).toHaveLength(0);
  });
});

describe("whenLoaded", () => {
  it("bounds a request that waits for the transport by its timeout, never sends it, and hands later ones straight to it", async () => {
    let loaded!: (send: (request: HttpRequest) => Promise<HttpResponse>) => void;
    const send = whenLoaded(new Promise((resolve) => (loaded = resolve)));
    expect(await rejectionOf(send(requestTo("http://127.0.0.1:1/", within(20))))).toMatchObject({ message: "timed out" });
    const transport = vi.fn(async () => answer);
    loaded(transport);
    await Promise.resolve();
    expect(await send(requestTo("http://127.0.0.1:1/"))).toBe(answer);
    expect(transport).toHaveBeenCalledTimes(1);
  });

  it("fails the requests that waited with the load's error", async () => {
    const send = whenLoaded(Promise.reject(new Error("no such module")));
    expect(await rejectionOf(send(requestTo("http://127.0.0.1:1/")))).toMatchObject({ message: "no such module" });
  });
});
