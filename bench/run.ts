/**
 * `npm run bench`: hwcloud-typed against a hand-written node:http call (the
 * floor), the global fetch and Huawei's official Node SDK, all making the
 * same UpdateVpcPeering call to a loopback server in its own process.
 * Prints one Markdown table; progress goes to stderr.
 */
import { fork } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import * as nodeCrypto from "../src/auth/crypto.node.ts";
import * as webCrypto from "../src/auth/crypto.web.ts";
import { createSigner } from "../src/auth/signer.ts";
import { validateInput } from "../src/validate.ts";
import { operations } from "../generated/operations.ts";
import { type BuiltClient, builtClient } from "./built-client.ts";
import { bundleSizes, type BundleSize } from "./bundle-size.ts";
import { coldStarts, coldVariants } from "./cold-start.ts";
import { allContenders, fixtures, type OurClient, PEERING_ID, PROJECT_ID } from "./contenders.ts";
import { latencies, rates, throughputs } from "./measure.ts";
import { median, p90 } from "./stats.ts";

const CONCURRENCY = 16;
const FLOOR = "node:http keep-alive (floor)";
const OFFICIAL = "official SDK (VpcClient v2)";

interface Row {
  measure: string;
  contender: string;
  median: string;
  p90: string;
  vsFloor: string;
  vsOfficial: string;
}

const rows: Row[] = [];
const verdicts: string[] = [];
const progress = (text: string) => process.stderr.write(`${text}\n`);
const times = (ratio: number) => `${ratio.toFixed(2)}×`;
const ms = (value: number) => `${value.toFixed(3)} ms`;
const perSecond = (value: number) => `${Math.round(value).toLocaleString("en-US")}/s`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function startServer(): Promise<{ port: number; stop: () => void }> {
  const child = fork(fileURLToPath(new URL("server.ts", import.meta.url)), [], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const stop = () => {
    if (child.connected) child.disconnect();
    if (child.exitCode === null) child.kill();
  };
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`bench server exited early (${code})`)));
    child.once("message", (message) => resolve({ port: (message as { port: number }).port, stop }));
  });
}

async function perCall(port: number, built: BuiltClient): Promise<void> {
  const ours: OurClient = { createClient: ((await import(built.url)) as Pick<OurClient, "createClient">).createClient, label: built.label };
  const contenders = allContenders(port, ours).map(({ name, call }) => ({ name, run: call }));
  const OURS = `hwcloud-typed, AK/SK + validation, ${built.label}`;
  progress("per call, sequential ...");
  const samples = await latencies(contenders, { rounds: 30, calls: 200, warmup: 500 });
  const floor = samples.get(FLOOR)!;
  const official = samples.get(OFFICIAL)!;
  for (const [name, own] of samples) {
    rows.push({
      measure: "per call, sequential",
      contender: name,
      median: ms(median(own)),
      p90: ms(p90(own)),
      vsFloor: `${times(median(own) / median(floor))} (p90 ${times(p90(own) / p90(floor))})`,
      vsOfficial: name === OFFICIAL ? "" : `${times(median(official) / median(own))} faster`,
    });
  }
  const aksk = samples.get(OURS)!;
  const ofFloor = median(aksk) / median(floor);
  const speedup = median(official) / median(aksk);
  verdicts.push(`per call (AK/SK + validation, ${built.label}) ≤ 1.4× floor (median): ${times(ofFloor)} — ${ofFloor <= 1.4 ? "met" : "MISSED"}`);
  verdicts.push(`per call (AK/SK + validation, ${built.label}) ≥ 2× faster than the official SDK: ${times(speedup)} — ${speedup >= 2 ? "met" : "MISSED"}`);

  progress(`per call, ${CONCURRENCY} concurrent ...`);
  const throughput = await throughputs(contenders, { rounds: 15, concurrency: CONCURRENCY, callsEach: 40 });
  const floorRate = median(throughput.get(FLOOR)!);
  const officialRate = median(throughput.get(OFFICIAL)!);
  for (const [name, own] of throughput) {
    // p90 of a rate is its slow end: the 10th percentile of calls per second.
    rows.push({
      measure: `throughput, ${CONCURRENCY} concurrent`,
      contender: name,
      median: perSecond(median(own)),
      p90: perSecond(quantileLow(own)),
      vsFloor: `${times(floorRate / median(own))} the time`,
      vsOfficial: name === OFFICIAL ? "" : `${times(median(own) / officialRate)} faster`,
    });
  }
}

function quantileLow(values: number[]): number {
  return -p90(values.map((value) => -value));
}

async function signing(): Promise<void> {
  progress("signing alone ...");
  const credentials = { ak: fixtures.AK, sk: fixtures.SK };
  const url = new URL(`https://vpc.cn-north-4.myhuaweicloud.com${fixtures.PATH}`);
  const request = {
    method: "PUT",
    url,
    headers: new Headers({ "content-type": "application/json", "x-project-id": PROJECT_ID, "user-agent": "hwcloud-typed" }),
    body: new TextEncoder().encode(fixtures.PAYLOAD),
  };
  const signNode = createSigner(nodeCrypto);
  const signWeb = createSigner(webCrypto);

  const require = createRequire(import.meta.url);
  const { AKSKSigner } = require("@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner");
  const { HcClient } = require("@huaweicloud/huaweicloud-sdk-core/HcClient");
  const { BasicCredentials } = require("@huaweicloud/huaweicloud-sdk-core");
  const { ParamCreater } = require("@huaweicloud/huaweicloud-sdk-vpc/v2/VpcClient");
  const sdkCredentials = new BasicCredentials().withAk(fixtures.AK).withSk(fixtures.SK).withProjectId(PROJECT_ID);
  // As test/auth/official-sdk.ts drives it: HcClient.buildRequest substitutes the path, adds X-Project-Id and signs.
  const hcClient = new HcClient(undefined, {}).withEndpoints([url.origin]).withCredential(sdkCredentials);
  const sdkRequest = () => ({
    method: "PUT",
    endpoint: url.href,
    headers: { "content-type": "application/json", "X-Project-Id": PROJECT_ID },
    queryParams: {},
    data: JSON.parse(fixtures.PAYLOAD),
  });
  const peering = { peering_id: PEERING_ID, body: JSON.parse(fixtures.PAYLOAD) };

  const results = await rates(
    [
      { name: "hwcloud-typed sign(), node:crypto", run: () => signNode(request, credentials, new Date()) },
      { name: "hwcloud-typed sign(), Web Crypto", run: () => signWeb(request, credentials, new Date()) },
      { name: "official AKSKSigner.sign", run: () => AKSKSigner.sign(sdkRequest(), sdkCredentials) },
      { name: "official HcClient.buildRequest (path + credentials + sign)", run: () => hcClient.buildRequest(ParamCreater().updateVpcPeering(peering)) },
    ],
    { rounds: 9, batchMs: 300 },
  );
  const official = median(results.get("official AKSKSigner.sign")!);
  for (const [name, own] of results) {
    rows.push({
      measure: "signing alone",
      contender: name,
      median: perSecond(median(own)),
      p90: perSecond(quantileLow(own)),
      vsFloor: "",
      vsOfficial: name.startsWith("official") ? "" : `${times(median(own) / official)} AKSKSigner.sign`,
    });
  }
}

async function validation(): Promise<void> {
  progress("validation alone ...");
  const input = { path: { peering_id: PEERING_ID }, query: {}, header: {}, body: { peering: { name: "bench" } } };
  const results = await rates([{ name: "hwcloud-typed validateInput", run: () => validateInput(operations.UpdateVpcPeering, input) }], {
    rounds: 9,
    batchMs: 200,
  });
  for (const [name, own] of results) {
    rows.push({ measure: "validation alone", contender: name, median: perSecond(median(own)), p90: perSecond(quantileLow(own)), vsFloor: "", vsOfficial: "" });
  }
}

async function coldStart(port: number, built: BuiltClient): Promise<void> {
  progress("cold start ...");
  const variants = coldVariants(built);
  const runs = await coldStarts(variants, port, 9);
  const official = runs.get(variants.at(-1)!.name)!;
  const officialCall = median(official.map((run) => run.importAndCallMs));
  const officialWall = median(official.map((run) => run.wallMs));
  const officialRss = median(official.map((run) => run.maxRssKb));
  const isOfficial = (name: string) => name === variants.at(-1)!.name;
  for (const [name, own] of runs) {
    const call = own.map((run) => run.importAndCallMs);
    const wall = own.map((run) => run.wallMs);
    const rss = own.map((run) => run.maxRssKb);
    rows.push({
      measure: "cold start: import + first call",
      contender: name,
      median: ms(median(call)),
      p90: ms(p90(call)),
      vsFloor: "",
      vsOfficial: isOfficial(name) ? "" : `${times(officialCall / median(call))} faster`,
    });
    rows.push({
      measure: "cold start: spawn to exit",
      contender: name,
      median: ms(median(wall)),
      p90: ms(p90(wall)),
      vsFloor: "",
      vsOfficial: isOfficial(name) ? "" : `${times(officialWall / median(wall))} faster`,
    });
    rows.push({
      measure: "cold start: peak RSS",
      contender: name,
      median: `${(median(rss) / 1024).toFixed(1)} MB`,
      p90: `${(p90(rss) / 1024).toFixed(1)} MB`,
      vsFloor: "",
      vsOfficial: isOfficial(name) ? "" : `${times(officialRss / median(rss))} less`,
    });
    if (name.startsWith("hwcloud-typed")) {
      const speedup = officialCall / median(call);
      verdicts.push(`cold start ≥ 4× faster than the official SDK (${name}): ${times(speedup)} — ${speedup >= 4 ? "met" : "MISSED"}`);
    }
  }
}

async function bundles(): Promise<void> {
  progress("bundle size ...");
  const sizes = await bundleSizes();
  const describe = (size: BundleSize) => {
    const largest = [...size.byPackage].sort((a, b) => b[1] - a[1]).slice(0, 3);
    const parts = largest.map(([name, bytes]) => `${name} ${kb(bytes)}`).join(", ");
    const unresolved = size.unresolved ? `; ${size.unresolved.length} Node built-ins left unresolved (${size.unresolved.join(", ")})` : "";
    return `${kb(size.minifiedBytes)} minified: ${parts}${unresolved}`;
  };
  for (const platform of ["browser", "node"] as const) {
    const ours = sizes.ours[platform];
    const official = sizes.official[platform];
    rows.push({
      measure: `bundle, ${platform}, min+gzip`,
      contender: "hwcloud-typed",
      median: kb(ours.gzipBytes),
      p90: "",
      vsFloor: describe(ours),
      vsOfficial: `${times(official.gzipBytes / ours.gzipBytes)} smaller`,
    });
    rows.push({ measure: `bundle, ${platform}, min+gzip`, contender: "official SDK", median: kb(official.gzipBytes), p90: "", vsFloor: describe(official), vsOfficial: "" });
  }
  const browser = sizes.ours.browser.gzipBytes;
  verdicts.push(`bundle ≤ 8 KB gzip (browser): ${kb(browser)} — ${browser <= 8 * 1024 ? "met" : "MISSED"}`);
}

function printTable(): void {
  const header = ["Measure", "Contender", "Median", "p90 (rates: 10th pct)", "vs floor / notes", "vs official"];
  const lines = [header, header.map(() => "---"), ...rows.map((row) => [row.measure, row.contender, row.median, row.p90, row.vsFloor, row.vsOfficial])];
  console.log(lines.map((cells) => `| ${cells.join(" | ")} |`).join("\n"));
  console.log("");
  for (const verdict of verdicts) console.log(`- ${verdict}`);
}

const started = performance.now();
const built = await builtClient();
const server = await startServer();
try {
  await perCall(server.port, built);
  await signing();
  await validation();
  await coldStart(server.port, built);
  await bundles();
} finally {
  server.stop();
}
printTable();
progress(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
// Keep-alive sockets of the clients measured would hold the process open for seconds.
process.exit(0);
