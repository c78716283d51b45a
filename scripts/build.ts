/**
 * `npm run build`: dist/ as published. tsc writes the declaration files
 * (tsconfig.build.json, into dist/src and dist/generated); esbuild writes the
 * JavaScript of every file package.json's `exports` and `imports` name, as ES
 * modules with source maps, the code entries share split into chunks, so a
 * process loads a handful of files instead of some sixty. Two builds:
 *
 * - dist/src: for every runtime. Package imports (`#crypto`, `#transport`, ...)
 *   stay imports, so Bun, Deno, browsers and workers each pick their file by
 *   condition at run time; those files are entries of the same build, so code
 *   they share with the entries (the error classes) exists once.
 * - dist/node: what the `node` export condition points to, with the package
 *   imports resolved for Node at build time. Fewer files and no package-import
 *   lookups at start-up: about 9 ms and 3.5 MB less per cold start than dist/src
 *   on Node (see BENCHMARKS.md, Cold start).
 *
 * Dependencies and Node built-ins stay imports in both.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { build, type BuildOptions } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const OUT = "dist";

/** Conditions whose targets are not built JavaScript. */
const NOT_BUILT = new Set(["types", "hwcloud-typed:source"]);

/** How each folder of dist/ is built, by name. */
const BUILDS: Record<string, BuildOptions> = {
  src: {
    // Browsers and workers load these files too: no Node-only defaults.
    platform: "neutral",
    external: ["node:*", "#*"],
  },
  node: {
    platform: "node",
    // The package imports' Node branch, read from the sources as the tests read them.
    conditions: ["node", "hwcloud-typed:source"],
  },
};

export interface Entry {
  /** The folder of dist/ it belongs to: a key of BUILDS. */
  build: string;
  /** Its source, relative to the root. */
  in: string;
  /** Its path in that folder, without `.js`. */
  out: string;
}

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

/** `./dist/node/mock/index.js` is built by the `node` build from `src/mock/index.ts`. */
export function entryOf(target: string): Entry {
  const [build, ...rest] = target.slice(`./${OUT}/`.length, -".js".length).split("/");
  const out = rest.join("/");
  return { build: build!, in: `src/${out}.ts`, out };
}

async function declarations(): Promise<void> {
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  await promisify(execFile)(process.execPath, [tsc, "-p", "tsconfig.build.json"], { cwd: root });
}

async function javascript(name: string, entries: Entry[]): Promise<void> {
  await build({
    absWorkingDir: root,
    entryPoints: entries.map((entry) => ({ in: entry.in, out: entry.out })),
    outdir: `${OUT}/${name}`,
    chunkNames: "chunks/[name]-[hash]",
    bundle: true,
    splitting: true,
    format: "esm",
    target: "es2022",
    packages: "external",
    sourcemap: true,
    sourcesContent: false,
    logLevel: "warning",
    ...BUILDS[name],
  });
}

async function main(): Promise<void> {
  const manifest = JSON.parse(await readFile(`${root}/package.json`, "utf8")) as { exports?: unknown; imports?: unknown };
  const entries = builtTargets(manifest).map(entryOf);
  const unknown = entries.filter((entry) => !(entry.build in BUILDS) || !existsSync(`${root}/${entry.in}`));
  if (unknown.length > 0) {
    throw new Error(`package.json points to files no build makes: ${unknown.map((entry) => `${OUT}/${entry.build}/${entry.out}.js`).join(", ")}`);
  }
  // A file left from an earlier build would be published and could be imported by mistake.
  await rm(`${root}/${OUT}`, { recursive: true, force: true });
  const builds = Object.keys(BUILDS).map((name) => javascript(name, entries.filter((entry) => entry.build === name)));
  await Promise.all([declarations(), ...builds]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    const failure = error as { stdout?: string; message?: string };
    process.stderr.write(`${failure.stdout || failure.message || String(error)}\n`);
    process.exitCode = 1;
  });
}
