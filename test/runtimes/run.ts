/**
 * Runs smoke.ts under each runtime asked for, each against its own mock
 * cloud started here by Node, and checks what the mock received: ten calls,
 * all answered 200, five signed with AK/SK and five with a token. Then runs
 * faults.ts against misbehaving servers (fault-servers.ts) and checks that
 * each call ended in the typed error Node gives, within its time.
 *
 *   tsx --conditions=hwcloud-typed:source test/runtimes/run.ts --consumer DIR \
 *     [--node BIN] [--deno BIN] [--bun BIN] [--chromium BIN]
 *
 * DIR is a project with hwcloud-typed installed (test/package/consumers.sh
 * makes one from the packed tarball, one from a git URL, one from a path), so
 * each runtime resolves the package as installed, with its own conditions.
 */
import { execFile } from "node:child_process";
import { copyFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs, promisify } from "node:util";
import { build } from "esbuild";
import { MOCK_AK, MOCK_SK, MOCK_TOKEN, type MockCloud, startMockCloud } from "hwcloud-typed/mock";
import { chromium } from "playwright-core";
import { startServer } from "../helpers/loopback-server.ts";
import { type Runtime, startFaultServers } from "./fault-servers.ts";
import type { FaultOutcome, FaultsConfig } from "./faults.ts";
import type { SmokeConfig } from "./smoke.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const run = promisify(execFile);
const { values: options } = parseArgs({
  options: {
    consumer: { type: "string" },
    node: { type: "string" },
    deno: { type: "string" },
    bun: { type: "string" },
    chromium: { type: "string" },
  },
});
if (!options.consumer) throw new Error("--consumer DIR is required");
const consumer = path.resolve(options.consumer);
const project = path.basename(consumer);

const OPERATIONS = ["UpdateVpcPeering", "UpdateTrafficMirrorSession", "CinderUpdateSnapshot", "UpdateDataSource", "UpdateEndpointRoutetable"];

/** Runs the smoke test (`runSmoke`) or the fault test (`runFaults`) with its config, giving what it returned. */
type Runner = {
  (test: "runSmoke", config: SmokeConfig): Promise<string[]>;
  (test: "runFaults", config: FaultsConfig): Promise<FaultOutcome[]>;
};

/** A runtime given as a binary running cli.ts in the consumer project. */
function command(binary: string, args: string[]): Runner {
  return (async (test: string, config: unknown) => {
    const mode = test === "runFaults" ? "faults" : "smoke";
    const { stdout } = await run(binary, [...args, "cli.ts", mode, JSON.stringify(config)], { cwd: consumer, timeout: 120_000 });
    return JSON.parse(stdout.trim().split("\n").at(-1)!);
  }) as Runner;
}

/** Headless Chromium on a page from another loopback origin, running the esbuild bundle of browser.ts. */
function browser(executablePath: string): Runner {
  return (async (test: "runSmoke" | "runFaults", config: unknown) => {
    const bundle = await build({
      entryPoints: [path.join(consumer, "browser.ts")],
      absWorkingDir: consumer,
      bundle: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      write: false,
      logLevel: "silent",
    });
    const script = bundle.outputFiles[0]!.text;
    const page = await startServer((request, response) => {
      if (request.url === "/smoke.js") response.writeHead(200, { "Content-Type": "text/javascript" }).end(script);
      else response.writeHead(200, { "Content-Type": "text/html" }).end('<!doctype html><script type="module" src="/smoke.js"></script>');
    });
    const launched = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });
    try {
      const tab = await launched.newPage();
      const errors: string[] = [];
      tab.on("pageerror", (error) => errors.push(error.message));
      await tab.goto(`${page.origin}/`);
      await tab.waitForFunction(() => "runSmoke" in globalThis, undefined, { timeout: 30_000 });
      const result = await tab.evaluate(
        ([name, testConfig]) => (globalThis as unknown as Record<string, (config: unknown) => Promise<unknown>>)[name]!(testConfig),
        [test, config] as const,
      );
      if (errors.length > 0) throw new Error(`page errors: ${errors.join("; ")}`);
      return result;
    } finally {
      await launched.close();
      await page.close();
    }
  }) as Runner;
}

/** What the mock must have received from one smoke run; the first problem found, or undefined. */
function problemWith(cloud: MockCloud, userAgent: (value: string | undefined) => boolean): string | undefined {
  const seen = cloud.requests.map((request) => `${request.auth?.ok ? request.auth.scheme : "none"} ${request.operation} ${request.status}`);
  const expected = ["aksk", "token"].flatMap((scheme) => OPERATIONS.map((operation) => `${scheme} ${operation} 200`));
  if (seen.join("\n") !== expected.join("\n")) return `the mock received:\n  ${seen.join("\n  ")}`;
  const agents = new Set(cloud.requests.map((request) => request.headers["user-agent"]));
  for (const agent of agents) if (!userAgent(agent)) return `unexpected User-Agent ${JSON.stringify(agent)}`;
  return undefined;
}

const runtimes: Array<[string, Runtime, Runner, (agent: string | undefined) => boolean]> = [];
const ours = (agent: string | undefined) => agent === "hwcloud-typed";
if (options.node) runtimes.push([`node ${await version(options.node)}`, "node", command(options.node, []), ours]);
// faults.ts counts on Deno refusing every address but 127.0.0.1.
if (options.deno) runtimes.push([`deno ${await version(options.deno)}`, "deno", command(options.deno, ["run", "--allow-net=127.0.0.1"]), ours]);
if (options.bun) runtimes.push([`bun ${await version(options.bun)}`, "bun", command(options.bun, ["run"]), ours]);
// A browser sends its own User-Agent, which the client must neither set nor sign.
if (options.chromium) runtimes.push(["chromium", "chromium", browser(options.chromium), (agent) => agent !== undefined && !ours(agent)]);

await Promise.all(["smoke.ts", "faults.ts", "cli.ts", "browser.ts"].map((file) => copyFile(path.join(here, file), path.join(consumer, file))));

let passed = 0;
let failed = 0;
for (const [name, runtime, runner, userAgentOk] of runtimes) {
  const cloud = await startMockCloud();
  const faults = await startFaultServers(runtime);
  const started = performance.now();
  try {
    const config: SmokeConfig = { endpoints: cloud.endpoints, resources: cloud.resources, ak: MOCK_AK, sk: MOCK_SK, token: MOCK_TOKEN };
    const lines = await runner("runSmoke", config);
    const problem = lines.length === 10 ? problemWith(cloud, userAgentOk) : `the smoke test reported ${lines.length} calls`;
    if (problem) throw new Error(problem);
    const outcomes = await runner("runFaults", { scenarios: faults.scenarios, ak: MOCK_AK, sk: MOCK_SK, securityToken: "security-token-8e2f61" });
    const wrong = faults.check(outcomes);
    if (wrong.length > 0) throw new Error(`faults:\n  ${wrong.join("\n  ")}`);
    passed++;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`✓ ${name} (${project}): 5 operations with AK/SK and with a token, ${outcomes.length} faults (${seconds} s)`);
  } catch (error) {
    failed++;
    // A failed command's message repeats the whole config; its stderr says what went wrong.
    const stderr = (error as { stderr?: string } | null)?.stderr;
    const detail = stderr ? stderr.trim() : error instanceof Error ? error.message : String(error);
    console.log(`✗ ${name} (${project}): ${detail}`);
  } finally {
    await cloud.close();
    await faults.close();
  }
}
console.log(`runtimes: ${passed} passed, ${failed} failed`);
if (failed > 0 || passed === 0) process.exitCode = 1;

async function version(binary: string): Promise<string> {
  const { stdout } = await run(binary, ["--version"]);
  return stdout.trim().split("\n")[0]!.replace(/^deno /, "").split(" ")[0]!;
}
