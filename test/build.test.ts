/**
 * scripts/build.ts builds what package.json points to: every target of its
 * exports and imports maps to a source and to one of the two builds, and
 * each runtime's conditions pick the build meant for it (Node: dist/node,
 * with the package imports resolved; Bun, Deno, browsers, workers: dist/src).
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { builtTargets, entryOf } from "../scripts/build.ts";

const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { exports: unknown; imports: unknown };

/** Where `hwcloud-typed` and `hwcloud-typed/mock` resolve under these conditions, as Node's resolver answers. */
function resolvedWith(...conditions: string[]): string[] {
  const script = `process.stdout.write(JSON.stringify(["hwcloud-typed", "hwcloud-typed/mock"].map((name) => import.meta.resolve(name).replace(/^.*?\\/dist\\//, "dist/"))))`;
  const flags = conditions.map((condition) => `--conditions=${condition}`);
  return JSON.parse(execFileSync(process.execPath, [...flags, "--input-type=module", "-e", script], { encoding: "utf8" }));
}

describe("builtTargets and entryOf", () => {
  it("find every built file package.json names, in the generic and the Node build, each with its source", () => {
    const entries = builtTargets(manifest).map(entryOf);
    expect(entries).toContainEqual({ build: "src", in: "src/index.ts", out: "index" });
    expect(entries).toContainEqual({ build: "node", in: "src/mock/index.ts", out: "mock/index" });
    expect(entries).toContainEqual({ build: "src", in: "src/transport/node.ts", out: "transport/node" });
    for (const entry of entries) {
      expect(["src", "node"]).toContain(entry.build);
      expect(existsSync(new URL(`../${entry.in}`, import.meta.url)), entry.in).toBe(true);
    }
  });

  it("skip declarations and sources, and name a file once however many conditions point to it", () => {
    const targets = builtTargets({
      exports: { ".": { "hwcloud-typed:source": "./src/a.ts", types: "./dist/src/a.d.ts", bun: "./dist/src/a.js", default: "./dist/src/a.js" } },
      imports: { "#b": { node: "./dist/src/b.node.js", default: "./dist/src/b.js" } },
    });
    expect(targets).toEqual(["./dist/src/a.js", "./dist/src/b.js", "./dist/src/b.node.js"]);
  });
});

describe("exports by runtime", () => {
  it("Node gets the Node build", () => {
    expect(resolvedWith()).toEqual(["dist/node/index.js", "dist/node/mock/index.js"]);
  });

  it.each(["bun", "deno"])("%s gets the generic build, whose package imports it resolves itself", (runtime) => {
    expect(resolvedWith(runtime)).toEqual(["dist/src/index.js", "dist/src/mock/index.js"]);
  });

  it("only the node condition points to the Node build: browsers and workers fall to the generic default", () => {
    for (const conditions of Object.values(manifest.exports as Record<string, string | Record<string, string>>)) {
      if (typeof conditions === "string") continue;
      for (const [condition, target] of Object.entries(conditions)) {
        expect(target.startsWith("./dist/node/"), `${condition}: ${target}`).toBe(condition === "node");
      }
      expect(conditions.default).toBe(conditions.node!.replace("./dist/node/", "./dist/src/"));
    }
  });
});
