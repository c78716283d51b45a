/**
 * `npm run docs`: the API reference as one self-contained HTML page,
 * docs/index.html. Decorates the bundled spec (generated/openapi.json) with a
 * TypeScript sample per operation and the client's introduction, renders it
 * with Redocly's build-docs with Redoc inlined, then strips what would reach
 * the network, so the page works offline and makes no request at all.
 */
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { OpenApiDocument } from "./bundle.ts";
import type { OperationSamples } from "./emit/samples.ts";

export const DEFAULT_SPEC_JSON = "generated/openapi.json";
export const DEFAULT_DOCS_OUT = "docs/index.html";
export const INTRO_PATH = fileURLToPath(new URL("./docs-intro.md", import.meta.url));

const DOCS_TITLE = "hwcloud-typed";
const PAGE_TITLE = "hwcloud-typed: Huawei Cloud update operations";
export const SAMPLE_LANG = "TypeScript";
export const SAMPLE_LABEL = "hwcloud-typed";

export const DEFAULT_SAMPLES_JSON = "generated/samples.json";

/** What a code sample needs of one operation: generated/samples.json has it. */
export type SampledOperation = Pick<OperationSamples, "service" | "methodName" | "method" | "path" | "params" | "body">;

/** Redoc options (Redoc 3 names). */
const REDOC_OPTIONS = {
  disableGoogleFont: true,
  disableTelemetry: true,
  // Open the request body down to its nested fields and the success response at once.
  schemasExpansionLevel: 3,
  jsonSamplesExpandLevel: "all",
  expandResponses: "200",
  // Redoc 3 shows only the samples of listed languages: ours, then the JSON payload.
  codeSamples: { languages: [{ lang: SAMPLE_LANG, label: SAMPLE_LABEL }, { lang: "payload", label: "Payload" }] },
};

/**
 * The browser refuses every remote load on the page: Redoc, its styles and
 * the spec are all inline, and images may only be data: or blob: URLs.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'unsafe-inline'",
  "style-src 'unsafe-inline'",
  "img-src data: blob:",
  "font-src data:",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

/** The "API docs by Redocly" badge loads these images from a CDN. */
const BADGE_IMAGES = ["https://cdn.redoc.ly/redoc/logo-mini-full.svg", "https://cdn.redoc.ly/redoc/logo-mini.svg"];
const BADGE_LINK = "https://redocly.com/redoc/";

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A JSON value as a TypeScript literal, indented by two spaces per level. */
export function tsLiteral(value: unknown, indent = ""): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[\n${value.map((item) => `${inner}${tsLiteral(item, inner)},`).join("\n")}\n${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return "{}";
  const lines = entries.map(
    ([key, item]) => `${inner}${IDENTIFIER.test(key) ? key : JSON.stringify(key)}: ${tsLiteral(item, inner)},`,
  );
  return `{\n${lines.join("\n")}\n${indent}}`;
}

/** The TypeScript call of one operation, with the sample values of its required parameters and body. */
export function codeSample(entry: SampledOperation): string {
  const args = { ...entry.params, ...(entry.body === undefined ? {} : { body: entry.body }) };
  return [
    `import { createClient } from "hwcloud-typed";`,
    ``,
    `const client = createClient({`,
    `  credentials: {`,
    `    ak: process.env.HUAWEICLOUD_SDK_AK!,`,
    `    sk: process.env.HUAWEICLOUD_SDK_SK!,`,
    `  },`,
    `});`,
    ``,
    `const result = await client${IDENTIFIER.test(entry.service) ? `.${entry.service}` : `[${JSON.stringify(entry.service)}]`}.${entry.methodName}(${Object.keys(args).length === 0 ? "" : tsLiteral(args)});`,
    ``,
  ].join("\n");
}

/** `# Heading` -> `## Heading`: Redoc makes every level-1 heading a group of the menu, and the intro ends with the group the spec's own sections belong in. */
export function nestHeadings(markdown: string): string {
  return markdown.replace(/^# /gm, "## ");
}

/** A copy of the spec with the docs intro and one TypeScript sample per operation. */
export function decorateSpec(document: OpenApiDocument, operations: readonly SampledOperation[], intro: string): OpenApiDocument {
  const decorated: OpenApiDocument = structuredClone(document);
  delete decorated["x-generated"];
  decorated.info = {
    ...decorated.info,
    title: DOCS_TITLE,
    description: `${intro.trimEnd()}\n\n${nestHeadings(decorated.info?.description ?? "")}`,
  };
  for (const entry of operations) {
    const operation = decorated.paths[entry.path][entry.method.toLowerCase()];
    const sample = { lang: SAMPLE_LANG, label: SAMPLE_LABEL, source: codeSample(entry) };
    operation["x-codeSamples"] = [sample, ...(operation["x-codeSamples"] ?? []).filter((other: any) => other.label !== SAMPLE_LABEL)];
  }
  return decorated;
}

/** Turns Redocly's page into one that loads nothing: no badge images, and a CSP that forbids remote loads. */
export function makeSelfContained(html: string): string {
  if (!html.includes("__redoc_definition")) throw new Error("build-docs output has no inline spec");
  if (/<script[^>]+\ssrc=|<link[^>]+rel="?(?:modulepreload|stylesheet)/i.test(html)) {
    throw new Error("build-docs output loads external scripts or styles; is --inlineBundle still honoured?");
  }
  if (!/"disableTelemetry":true/.test(html)) throw new Error("build-docs output would send telemetry");
  let page = html;
  for (const image of BADGE_IMAGES) {
    if (!page.includes(image)) throw new Error(`Redoc no longer references ${image}; update makeSelfContained`);
    // An unloadable image: Redoc's badge hides itself on the error, and no request is made.
    page = page.split(image).join("data:,");
  }
  const head = [
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
    `<style>:has(> a[href="${BADGE_LINK}"]) { display: none !important; }</style>`,
  ].join("\n  ");
  const charset = /<meta charset="?[\w-]+"? *\/?>/i;
  if (!charset.test(page)) throw new Error("build-docs output has no <meta charset>");
  // The policy goes right after the charset, before anything it governs.
  return page.replace(charset, (tag) => `${tag}\n  ${head}`);
}

/** Runs the installed Redocly CLI's build-docs, without its telemetry or update check. */
async function runBuildDocs(specFile: string, htmlFile: string): Promise<void> {
  const require = createRequire(import.meta.url);
  const cli = path.join(path.dirname(require.resolve("@redocly/cli/package.json")), "bin", "cli.js");
  const args = [
    cli,
    "build-docs",
    specFile,
    "--inlineBundle",
    "--output",
    htmlFile,
    "--title",
    PAGE_TITLE,
    "--openapi",
    JSON.stringify(REDOC_OPTIONS),
    "--lint-config",
    "off",
  ];
  const env = { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_NOTIFICATIONS: "true" };
  const child = spawn(process.execPath, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", resolve);
  });
  if (code !== 0) throw new Error(`redocly build-docs failed (exit ${code}):\n${output}`);
}

export interface BuildDocsOptions {
  /** The bundled spec; generated/openapi.json by default. */
  spec?: string;
  /** Where the page goes; docs/index.html by default. */
  out?: string;
  /** Samples of every operation; generated/samples.json by default. */
  samples?: string;
}

/** Builds the page; returns where it went, its size in bytes and how long it took. */
export async function buildDocs(options: BuildDocsOptions = {}): Promise<{ out: string; bytes: number; ms: number }> {
  const started = performance.now();
  const out = path.resolve(options.out ?? DEFAULT_DOCS_OUT);
  const [document, samples, intro] = await Promise.all([
    readFile(options.spec ?? DEFAULT_SPEC_JSON, "utf8").then((text) => JSON.parse(text) as OpenApiDocument),
    readFile(options.samples ?? DEFAULT_SAMPLES_JSON, "utf8").then(
      (text) => (JSON.parse(text) as { operations: Record<string, SampledOperation> }).operations,
    ),
    readFile(INTRO_PATH, "utf8"),
  ]);
  const decorated = decorateSpec(document, Object.values(samples), intro);
  const work = await mkdtemp(path.join(tmpdir(), "hwcloud-docs-"));
  try {
    const specFile = path.join(work, "openapi.json");
    const htmlFile = path.join(work, "index.html");
    await writeFile(specFile, JSON.stringify(decorated));
    await runBuildDocs(specFile, htmlFile);
    const html = makeSelfContained(await readFile(htmlFile, "utf8"));
    await mkdir(path.dirname(out), { recursive: true });
    // Renamed into place, so a server reading the page never gets half of it.
    await writeFile(`${out}.partial`, html);
    await rename(`${out}.partial`, out);
    return { out, bytes: Buffer.byteLength(html), ms: performance.now() - started };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      spec: { type: "string", default: DEFAULT_SPEC_JSON },
      out: { type: "string", default: DEFAULT_DOCS_OUT },
    },
  });
  const { out, bytes, ms } = await buildDocs({ spec: values.spec, out: values.out });
  const relative = path.relative(process.cwd(), out);
  const where = relative.startsWith("..") ? out : relative;
  console.log(`wrote ${where} (${(bytes / 1024).toFixed(0)} KiB) in ${(ms / 1000).toFixed(2)} s`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
