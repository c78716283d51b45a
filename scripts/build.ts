/**
 * `npm run build`: dist/ as published. tsc writes the declaration files
 * (tsconfig.build.json); esbuild writes the JavaScript: one ES module for each
 * file that package.json's `exports` and `imports` name, the code they share
 * split into chunks (dist/src/chunks/), with source maps. A process then loads
 * a handful of files instead of some sixty, which is most of a cold start.
 *
 * Dependencies and Node built-ins stay imports, and so do the package imports
 * (`#crypto`, `#transport`, ...): each runtime still picks its own file by its
 * condition. Those files are entries of the same build, so code they share
 * with the entries (the error classes, say) exists once and `instanceof` holds.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const OUT = "dist";

/** Conditions whose targets are not built JavaScript. */
const NOT_BUILT = new Set(["types", "hwcloud-typed:source"]);

/** Every built file package.json points to (`./dist/...js`), once each. */
export function builtTargets(manifest: { exports?: unknown; imports?: unknown }): string[] {
  const targets = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === "string") {
      if (value.startsWith(`./${OUT}/`) && value.endsWith(".js")) targets.add(value);
      return;
    }
    if (value && typeof value === "object") {
      for (const [key, inner] of Object.entries(value)) if (!NOT_BUILT.has(key)) visit(inner);
    }
  };
  visit(manifest.exports);
  visit(manifest.imports);
  return [...targets].sort();
}

/** `./dist/src/core.js` is built from `src/core.ts`, into `src/core` under dist/. */
export function entryOf(target: string): { in: string; out: string } {
  const out = target.slice(`./${OUT}/`.length, -".js".length);
  return { in: `${out}.ts`, out };
}

async function declarations(): Promise<void> {
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  await promisify(execFile)(process.execPath, [tsc, "-p", "tsconfig.build.json"], { cwd: root });
}

async function javascript(entries: { in: string; out: string }[]): Promise<void> {
  await build({
    absWorkingDir: root,
    entryPoints: entries,
    outdir: OUT,
    chunkNames: "src/chunks/[name]-[hash]",
    bundle: true,
    splitting: true,
    format: "esm",
    // Browsers and workers load these files too: no Node-only defaults.
    platform: "neutral",
    target: "es2022",
    packages: "external",
    external: ["node:*", "#*"],
    sourcemap: true,
    sourcesContent: false,
    logLevel: "warning",
  });
}

async function main(): Promise<void> {
  const manifest = JSON.parse(await readFile(`${root}/package.json`, "utf8")) as { exports?: unknown; imports?: unknown };
  const entries = builtTargets(manifest).map(entryOf);
  const missing = entries.filter((entry) => !existsSync(`${root}/${entry.in}`));
  if (missing.length > 0) throw new Error(`package.json points to files with no source: ${missing.map((entry) => entry.in).join(", ")}`);
  // A file left from an earlier build would be published and could be imported by mistake.
  await rm(`${root}/${OUT}`, { recursive: true, force: true });
  await Promise.all([declarations(), javascript(entries)]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    const failure = error as { stdout?: string; message?: string };
    process.stderr.write(`${failure.stdout || failure.message || String(error)}\n`);
    process.exitCode = 1;
  });
}
