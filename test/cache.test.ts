/**
 * The generator's cache (scripts/cache.ts): what it stores, under which keys,
 * and what it forgets.
 */
import { mkdir, mkdtemp, readdir, rename, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fileCache, folderDigest, generatorFingerprint } from "../scripts/cache.ts";

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "hwcloud-cache-"));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("fileCache", () => {
  it("answers what was stored under a key, and nothing under another", async () => {
    const cache = fileCache(path.join(dir, "cache"), "fingerprint");
    const key = cache.key("schema.ts", "document A")!;
    expect(await cache.get(key)).toBeUndefined();
    await cache.set(key, "types of A");
    expect(await cache.get(key)).toBe("types of A");
    expect(await cache.get(cache.key("schema.ts", "document B")!)).toBeUndefined();
    expect(await readdir(path.join(dir, "cache"))).toEqual([key]);
  });

  it("keys on the step, the input and the generator's fingerprint", () => {
    const cache = fileCache(dir, "fingerprint");
    const keys = new Set([
      cache.key("schema.ts", "input"),
      cache.key("validator", "input"),
      cache.key("schema.ts", "input 2"),
      fileCache(dir, "another fingerprint").key("schema.ts", "input"),
      // Length-prefixed parts: moving text from one part to the next is another key.
      cache.key("schema.t", "sinput"),
    ]);
    expect(keys.size).toBe(5);
    expect(cache.key("schema.ts", "input")).toBe(fileCache(path.join(dir, "elsewhere"), "fingerprint").key("schema.ts", "input"));
  });

  it("caches nothing when the installed packages cannot be told", async () => {
    const cache = fileCache(dir, undefined);
    expect(cache.key("schema.ts", "input")).toBeUndefined();
  });

  it("keeps what the run read or wrote, and the 64 most recently used others", async () => {
    const earlier = fileCache(dir, "fingerprint");
    const keys = Array.from({ length: 70 }, (_, index) => earlier.key("step", String(index))!);
    for (const [index, key] of keys.entries()) {
      await earlier.set(key, String(index));
      // Distinct, increasing times, whatever the file system's resolution.
      await utimes(path.join(dir, key), index, index);
    }
    // The next run reads the oldest output, then writes one.
    const cache = fileCache(dir, "fingerprint");
    expect(await cache.get(keys[0]!)).toBe("0");
    await cache.set(cache.key("step", "last")!, "last");
    const left = await readdir(dir);
    expect(left).toHaveLength(66);
    expect(left).toContain(keys[0]);
    expect(left).toContain(cache.key("step", "last"));
    for (const gone of keys.slice(1, 6)) expect(left).not.toContain(gone);
    expect(left).toContain(keys[6]);
  });

  it("keeps every output of one run, however many operations the spec has", async () => {
    const cache = fileCache(dir, "fingerprint");
    const keys = Array.from({ length: 300 }, (_, index) => cache.key("validator", String(index))!);
    // Stored concurrently, as emitValidators does.
    await Promise.all(keys.map((key, index) => cache.set(key, String(index))));
    const next = fileCache(dir, "fingerprint");
    const answers = await Promise.all(keys.map((key) => next.get(key)));
    expect(answers.filter((answer) => answer === undefined)).toHaveLength(0);
    expect(await readdir(dir)).toHaveLength(300);
  });

  it("a cache that cannot be written costs nothing but the saving", async () => {
    const blocked = path.join(dir, "a-file");
    await writeFile(blocked, "not a folder");
    const cache = fileCache(blocked, "fingerprint");
    await expect(cache.set(cache.key("step", "input")!, "output")).resolves.toBeUndefined();
    expect(await cache.get(cache.key("step", "input")!)).toBeUndefined();
  });
});

describe("folderDigest", () => {
  it("changes with a file's content, a file's name and a new file, and with nothing else", async () => {
    await mkdir(path.join(dir, "paths"));
    await writeFile(path.join(dir, "root.yaml"), "a: 1\n");
    await writeFile(path.join(dir, "paths", "one.yaml"), "b: 2\n");
    const first = await folderDigest(dir);
    expect(await folderDigest(dir)).toBe(first);

    await writeFile(path.join(dir, "paths", "one.yaml"), "b: 3\n");
    const edited = await folderDigest(dir);
    expect(edited).not.toBe(first);

    await rename(path.join(dir, "paths", "one.yaml"), path.join(dir, "paths", "two.yaml"));
    const renamed = await folderDigest(dir);
    expect(renamed).not.toBe(edited);

    await writeFile(path.join(dir, "paths", "three.yaml"), "");
    expect(await folderDigest(dir)).not.toBe(renamed);
  });
});

describe("generatorFingerprint", () => {
  it("is known where npm installed the packages, and stable between calls", async () => {
    const fingerprint = await generatorFingerprint();
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(await generatorFingerprint()).toBe(fingerprint);
  });
});
