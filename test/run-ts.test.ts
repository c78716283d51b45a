/**
 * scripts/run-ts.mjs, the launcher of `npm run generate`: a TypeScript script
 * run under plain Node sees what it would see under tsx, and never runs from
 * a bundle older than its sources. Run in a temporary project of its own.
 */
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, rm, symlink, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..");
let project: string;

async function runScript(...args: string[]): Promise<Record<string, unknown>> {
  const { stdout } = await run(process.execPath, ["scripts/run-ts.mjs", "scripts/hello.ts", ...args], { cwd: project });
  return JSON.parse(stdout) as Record<string, unknown>;
}

const builds = () => readdir(path.join(project, "node_modules", ".cache", "hwcloud-typed", "run-ts"));

beforeAll(async () => {
  project = await mkdtemp(path.join(tmpdir(), "hwcloud-run-ts-"));
  await mkdir(path.join(project, "scripts", "lib"), { recursive: true });
  await mkdir(path.join(project, "node_modules"));
  await symlink(path.join(root, "node_modules", "esbuild"), path.join(project, "node_modules", "esbuild"), "dir");
  await cp(path.join(root, "scripts", "run-ts.mjs"), path.join(project, "scripts", "run-ts.mjs"));
  await writeFile(
    path.join(project, "scripts", "hello.ts"),
    [
      'import { fileURLToPath } from "node:url";',
      'import { greeting } from "./lib/greeting.ts";',
      "const value: string = greeting();",
      'const { later } = await import("./lib/later.ts");',
      "const dir = import.meta.dirname;",
      "console.log(JSON.stringify({ value, later, self: fileURLToPath(import.meta.url), dir, argv: process.argv.slice(1) }));",
      "",
    ].join("\n"),
  );
  await writeFile(path.join(project, "scripts", "lib", "greeting.ts"), 'export const greeting = (): string => "hello";\n');
  await writeFile(path.join(project, "scripts", "lib", "later.ts"), 'export const later: string = "loaded when asked";\n');
});

afterAll(async () => {
  await rm(project, { recursive: true, force: true });
});

describe("run-ts", () => {
  it("runs a TypeScript script with its imports, its own import.meta and its arguments", async () => {
    const out = await runScript("--flag", "value");
    expect(out).toEqual({
      value: "hello",
      later: "loaded when asked",
      self: path.join(project, "scripts", "hello.ts"),
      dir: path.join(project, "scripts"),
      argv: [path.join(project, "scripts", "hello.ts"), "--flag", "value"],
    });
  });

  it("reuses its bundle while the sources stay as they are", async () => {
    await runScript();
    const before = await builds();
    expect(before.filter((name) => !name.endsWith(".json"))).toHaveLength(1);
    await runScript();
    expect(await builds()).toEqual(before);
  });

  it("rebuilds when an imported module changes, and drops the old build", async () => {
    const before = await builds();
    await writeFile(path.join(project, "scripts", "lib", "greeting.ts"), 'export const greeting = (): string => "hello again";\n');
    expect((await runScript()).value).toBe("hello again");
    const after = await builds();
    expect(after.filter((name) => !name.endsWith(".json"))).toHaveLength(1);
    expect(after).not.toEqual(before);
  });

  it("rebuilds when its build folder was removed", async () => {
    for (const name of await builds()) {
      if (!name.endsWith(".json")) await rm(path.join(project, "node_modules", ".cache", "hwcloud-typed", "run-ts", name), { recursive: true });
    }
    expect((await runScript()).value).toBe("hello again");
  });

  it("on a rebuild, removes what a run that died an hour ago left half written", async () => {
    const cache = path.join(project, "node_modules", ".cache", "hwcloud-typed", "run-ts");
    const abandoned = path.join(cache, "0123456789abcdef.0000.partial");
    const recent = path.join(cache, "0123456789abcdef.1111.partial");
    await mkdir(abandoned);
    await mkdir(recent);
    const hourAndMinuteAgo = new Date(Date.now() - 61 * 60_000);
    await utimes(abandoned, hourAndMinuteAgo, hourAndMinuteAgo);
    await writeFile(path.join(project, "scripts", "lib", "greeting.ts"), 'export const greeting = (): string => "hello once more";\n');
    expect((await runScript()).value).toBe("hello once more");
    const left = await builds();
    expect(left).not.toContain("0123456789abcdef.0000.partial");
    expect(left).toContain("0123456789abcdef.1111.partial");
  });

  it("rebuilds when a module imported only on demand changes", async () => {
    await writeFile(path.join(project, "scripts", "lib", "later.ts"), 'export const later: string = "changed";\n');
    expect((await runScript()).later).toBe("changed");
  });
});
