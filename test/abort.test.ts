/** The timers and signals that bound a call. */
import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import { abortableSleep, anySignal, follow, startTimer, untilAborted } from "../src/abort.ts";

const listeners = (signal: AbortSignal) => getEventListeners(signal, "abort").length;

describe("follow", () => {
  it("gives each call its own signal, which fires with the caller's reason", () => {
    const caller = new AbortController();
    const a = follow(caller.signal);
    const b = follow(caller.signal);
    expect(a.signal).not.toBe(caller.signal);
    expect(a.signal).not.toBe(b.signal);
    caller.abort("shutting down");
    expect([a.signal.reason, b.signal.reason]).toEqual(["shutting down", "shutting down"]);
  });

  it("puts one listener on the caller's signal however many calls follow it, and removes it when the last is released", () => {
    const caller = new AbortController();
    const followers = Array.from({ length: 1000 }, () => follow(caller.signal));
    expect(listeners(caller.signal)).toBe(1);
    for (const follower of followers.slice(1)) follower.release();
    expect(listeners(caller.signal)).toBe(1);
    followers[0]!.release();
    expect(listeners(caller.signal)).toBe(0);
  });

  it("starts afresh after every follower was released", () => {
    const caller = new AbortController();
    follow(caller.signal).release();
    const again = follow(caller.signal);
    expect(listeners(caller.signal)).toBe(1);
    caller.abort("later");
    expect(again.signal.reason).toBe("later");
  });

  it("does not fire a released follower, and a release twice changes nothing", () => {
    const caller = new AbortController();
    const released = follow(caller.signal);
    const kept = follow(caller.signal);
    released.release();
    released.release();
    expect(listeners(caller.signal)).toBe(1);
    caller.abort("stop");
    expect(released.signal.aborted).toBe(false);
    expect(kept.signal.aborted).toBe(true);
  });

  it("is fired already when the caller's signal was, and adds no listener", () => {
    const caller = AbortSignal.abort("too late");
    const follower = follow(caller);
    expect(follower.signal.reason).toBe("too late");
    expect(listeners(caller)).toBe(0);
  });
});

describe("startTimer", () => {
  it("fires its signal after the delay with the reason given", async () => {
    const timer = startTimer(20, () => new Error("slow"))!;
    expect(timer.signal.aborted).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(timer.signal.reason).toEqual(new Error("slow"));
  });

  it("never fires once cleared", async () => {
    const timer = startTimer(10, () => new Error("slow"))!;
    timer.clear();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(timer.signal.aborted).toBe(false);
  });

  it("is absent when there is no positive delay", () => {
    for (const ms of [undefined, 0, -1, Number.NaN]) expect(startTimer(ms, () => new Error())).toBeUndefined();
  });
});

describe("anySignal", () => {
  it("fires when any of its signals does, ignoring absent ones, and is absent with none", () => {
    const a = new AbortController();
    const b = new AbortController();
    const any = anySignal(a.signal, undefined, b.signal)!;
    b.abort("b");
    expect(any.reason).toBe("b");
    expect(anySignal(undefined, undefined)).toBeUndefined();
  });
});

describe("abortableSleep", () => {
  it("rejects with the signal's reason as soon as it fires, and leaves no listener", async () => {
    const controller = new AbortController();
    const sleeping = abortableSleep(60_000, controller.signal);
    controller.abort("wake up");
    await expect(sleeping).rejects.toBe("wake up");
    expect(listeners(controller.signal)).toBe(0);
  });

  it("resolves after the delay and leaves no listener", async () => {
    const controller = new AbortController();
    await abortableSleep(5, controller.signal);
    expect(listeners(controller.signal)).toBe(0);
  });
});

describe("untilAborted", () => {
  it("rejects with the signal's reason when it fires first, even if the promise never settles", async () => {
    const controller = new AbortController();
    const waiting = untilAborted(new Promise(() => {}), controller.signal);
    controller.abort("gave up");
    await expect(waiting).rejects.toBe("gave up");
    expect(listeners(controller.signal)).toBe(0);
  });

  it("settles as the promise does otherwise, and leaves no listener", async () => {
    const controller = new AbortController();
    await expect(untilAborted(Promise.resolve(7), controller.signal)).resolves.toBe(7);
    await expect(untilAborted(Promise.reject(new Error("no")), controller.signal)).rejects.toThrow("no");
    expect(listeners(controller.signal)).toBe(0);
  });

  it("rejects at once when the signal has already fired", async () => {
    await expect(untilAborted(Promise.resolve(1), AbortSignal.abort("early"))).rejects.toBe("early");
  });
});
