import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import samples from "../generated/samples.json" with { type: "json" };
import { buildDocs, codeSample, INTRO_PATH, SAMPLE_LABEL, type SampledOperation, tsLiteral } from "../scripts/docs.ts";

const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-quic",
  "--disable-sync",
];
const SCREENSHOTS = "test-output";
type Sampled = SampledOperation & { operationId: string; tag: string; summary: string; schemas: { request?: any } };
const table: Sampled[] = Object.entries(samples.operations).map(([operationId, entry]) => ({ operationId, ...(entry as object) }) as Sampled);

/** Field names of a request body as the docs print them: `peering`, `peering.name`, ... two levels deep. */
function bodyFieldNames(operationId: string): string[] {
  const schema = table.find((candidate) => candidate.operationId === operationId)!.schemas.request ?? {};
  return Object.entries<any>(schema.properties ?? {}).flatMap(([name, property]) => [
    name,
    ...Object.keys(property.properties ?? {}).map((child) => `${name}.${child}`),
  ]);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Text as read: without the zero-width spaces Redoc puts after the dots of nested field names. */
function plainText(text: string): string {
  return text.replace(/\u200b/g, "");
}

/**
 * Every line of an element's text, read while scrolling it through the
 * viewport as a reader would: Redoc mounts nested fields only near the viewport.
 */
async function readScrolling(page: Page, element: Locator): Promise<Set<string>> {
  const lines = new Set<string>();
  const read = async () => plainText(await element.innerText()).split("\n").forEach((line) => lines.add(line.trim()));
  await element.scrollIntoViewIfNeeded();
  const viewport = page.viewportSize()!;
  await page.mouse.move(viewport.width / 2, viewport.height / 2);
  for (let step = 0; step < 40; step++) {
    await read();
    const bottom = await element.evaluate((node) => node.getBoundingClientRect().bottom);
    if (bottom <= viewport.height) break;
    await page.mouse.wheel(0, viewport.height / 2);
    await page.waitForTimeout(50);
  }
  await page.waitForTimeout(100);
  await read();
  return lines;
}

describe("TypeScript samples", () => {
  it.each(table)("$operationId calls client.$service.$methodName with the spec's sample values", (entry) => {
    const sample = codeSample(entry);
    const call = sample.match(/await client\.(\w+)\.(\w+)\((\{[\s\S]*\})?\);/);
    expect(call?.[1]).toBe(entry.service);
    expect(call?.[2]).toBe(entry.methodName);
    // The literal in the sample is executable TypeScript (and JavaScript) for exactly the sample arguments.
    const args = call?.[3] === undefined ? {} : new Function(`return (${call[3]});`)();
    const expected = { ...entry.params, ...(entry.body === undefined ? {} : { body: entry.body }) };
    expect(args).toEqual(expected);
    expect(Object.keys(args)).toEqual(Object.keys(expected));
  });

  it("names a service that is not an identifier (SFS Turbo's sfs-turbo) in brackets, so the sample stays TypeScript", () => {
    const sample = codeSample({ service: "sfs-turbo", methodName: "listShares", method: "GET", path: "/v1/{project_id}/sfs-turbo/shares/detail", params: {} });
    expect(sample).toContain('await client["sfs-turbo"].listShares();');
    expect(() => new Function(`return async (client) => { ${sample.split("\n").filter((line) => line.includes("await")).join("\n")} };`)).not.toThrow();
  });

  it("leaves the argument out when the operation has nothing to pass", () => {
    const sample = codeSample({ service: "iam", methodName: "keystoneListProjects", method: "GET", path: "/v3/projects", params: {} });
    expect(sample).toContain("await client.iam.keystoneListProjects();");
  });

  it("type-check against the client, as do the TypeScript snippets of the intro", async () => {
    // Inside the project (test-output/ is git-ignored), so `hwcloud-typed` resolves to this package.
    const dir = path.join(SCREENSHOTS, "samples");
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    const intro = await readFile(INTRO_PATH, "utf8");
    const sources = [
      ...table.map((entry) => codeSample(entry)),
      ...[...intro.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!),
    ];
    expect(sources.length).toBeGreaterThan(table.length);
    const files = await Promise.all(
      sources.map(async (source, index) => {
        const file = path.resolve(dir, `sample-${index}.ts`);
        await writeFile(file, `${source}\nexport {};\n`);
        return file;
      }),
    );
    const config = ts.getParsedCommandLineOfConfigFile("tsconfig.json", {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
    const program = ts.createProgram(files, { ...config.options, noEmit: true });
    const problems = ts
      .getPreEmitDiagnostics(program)
      .map((diagnostic) => `${diagnostic.file?.fileName ?? ""}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`);
    expect(problems).toEqual([]);
  }, 60_000);

  it("writes keys that are not identifiers as strings", () => {
    const value = { plain: 1, "with-dash": [true, null, "x"], nested: { "0key": {} }, empty: [] };
    expect(new Function(`return (${tsLiteral(value)});`)()).toEqual(value);
    expect(tsLiteral(value)).toContain(`"with-dash": [`);
    expect(tsLiteral(value)).toContain(`plain: 1,`);
  });
});

const browserFound = existsSync(CHROMIUM);
const ci = process.env.CI === "true";
if (!browserFound && !ci) {
  console.warn(`test/docs.test.ts: rendered-docs checks SKIPPED, no Chromium at ${CHROMIUM} (apt-get install chromium). In CI they fail instead.`);
}

describe.skipIf(!browserFound && !ci)("docs/index.html in Chromium", () => {
  let work: string;
  let html: string;
  let context: BrowserContext;
  let page: Page;
  /** What a reader sees on opening the page. */
  let firstScreen: { title: string; text: string };
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  /** Per operation: the text of its whole section, and the lines of its request body schema. */
  const rendered = new Map<string, { section: string; bodyLines: Set<string> }>();

  beforeAll(async () => {
    if (!browserFound) throw new Error(`CI=true but no Chromium at ${CHROMIUM}; .ci/run installs it`);
    work = await mkdtemp(path.join(tmpdir(), "hwcloud-docs-test-"));
    const { out } = await buildDocs({ out: path.join(work, "index.html") });
    html = await readFile(out, "utf8");

    context = await chromium.launchPersistentContext(path.join(work, "profile"), {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1440, height: 900 },
    });
    context.on("request", (request) => requests.push(request.url()));
    // Recorded above, then refused: the test itself never reaches the network.
    await context.route(
      (url) => !["file:", "data:", "blob:"].includes(url.protocol),
      (route) => route.abort("blockedbyclient"),
    );
    page = context.pages()[0] ?? (await context.newPage());
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    page.on("pageerror", (error) => consoleErrors.push(String(error)));

    await page.goto(pathToFileURL(out).href, { waitUntil: "load" });
    await page.locator("h1").first().waitFor();
    // Settled once the search index is built: the search box stops saying "Loading...".
    await page.locator('[data-testid="search-trigger"]', { hasText: "Search" }).waitFor();
    await mkdir(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, "docs.png") });
    firstScreen = { title: await page.title(), text: await page.locator("#api-content").innerText() };

    // A reader's path: open the service in the menu, then the operation.
    const menu = page.locator('[data-component-name="Menu/Menu"]').first();
    for (const entry of table) {
      const item = menu.getByText(entry.summary, { exact: true });
      if (!(await item.isVisible())) await menu.getByText(entry.tag, { exact: true }).click();
      await item.click();
      // Redoc anchors each operation as `<tag>/<operationid>` and its request body under `/request/body`.
      const section = page.locator(`[id="${entry.tag.toLowerCase()}/${entry.operationId.toLowerCase()}"]`);
      await section.waitFor();
      const body = section.locator('[id$="/request/body"]');
      const bodyLines = entry.body === undefined ? new Set<string>() : (await body.waitFor(), await readScrolling(page, body));
      rendered.set(entry.operationId, { section: plainText(await section.innerText()), bodyLines });
      if (entry === table[0]) await page.screenshot({ path: path.join(SCREENSHOTS, "docs-operation.png") });
    }
  }, 90_000);

  afterAll(async () => {
    await context?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it("is titled after the project and opens with the client's introduction", async () => {
    expect(firstScreen.title).toMatch(/^hwcloud-typed/);
    expect(firstScreen.text).toMatch(/^hwcloud-typed/);
    for (const topic of ["createClient(", "Authentication", "Retries and timeouts", "Errors", "mock cloud"]) {
      expect(firstScreen.text).toContain(topic);
    }
  });

  it("groups the operations of each service under its tag in the menu", async () => {
    const menu = page.locator('[data-component-name="Menu/Menu"]').first();
    for (const tag of new Set(table.map((entry) => entry.tag))) {
      expect(await menu.getByText(tag, { exact: true }).isVisible()).toBe(true);
    }
  });

  it.each(table)("shows $operationId with its method and path", ({ operationId, method, path: route }) => {
    const { section } = rendered.get(operationId)!;
    expect(section).toMatch(new RegExp(`${method}\\s+${escapeRegExp(route)}`));
  });

  it.each(table.filter((entry) => entry.body !== undefined))("lists the request body fields of $operationId", ({ operationId }) => {
    const fields = bodyFieldNames(operationId);
    expect(fields.length).toBeGreaterThan(0);
    // Each field heads its own line, followed by its type.
    const { bodyLines } = rendered.get(operationId)!;
    expect(fields.filter((field) => !bodyLines.has(field))).toEqual([]);
  });

  it("is where each method's JSDoc points", async () => {
    const methods = await readFile("generated/methods.ts", "utf8");
    for (const entry of table) {
      const anchor = `${entry.tag.toLowerCase()}/${entry.operationId.toLowerCase()}`;
      expect(methods).toContain(`Docs: \`docs/index.html#${anchor}\``);
      expect(rendered.get(entry.operationId)?.section).toBeTruthy();
    }
  });

  it.each(table)("shows the $operationId TypeScript sample", ({ operationId, service, methodName }) => {
    const { section } = rendered.get(operationId)!;
    expect(section).toContain(SAMPLE_LABEL);
    expect(section).toContain(`client.${service}.${methodName}(`);
  });

  it("logs no console error", () => {
    expect(consoleErrors).toEqual([]);
  });

  it("makes no request beyond its own file", () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => !/^(file|data|blob):/.test(url))).toEqual([]);
  });

  it("references no remote script, stylesheet, image or font", () => {
    expect(html).not.toMatch(/<(script|img|iframe)[^>]+src=["']?https?:/i);
    expect(html).not.toMatch(/<link[^>]+href=["']?https?:/i);
    expect(html).not.toMatch(/url\(\s*["']?https?:|@import\s+["']?(url\()?\s*["']?https?:/i);
    expect(html).not.toMatch(/fonts\.googleapis|cdn\.redoc\.ly/);
  });
});
