/**
 * Microseconds per SDK-HMAC-SHA256 signature on each hash back-end, plus the
 * official SDK signer for scale. A quick measurement, not a test:
 *
 *   npx tsx --conditions=hwcloud-typed:source bench/auth-signer.ts
 */
import { createRequire } from "node:module";
import { Bench } from "tinybench";
import * as nodeCrypto from "../src/auth/crypto.node.ts";
import * as webCrypto from "../src/auth/crypto.web.ts";
import { createSigner } from "../src/auth/signer.ts";

const credentials = { ak: "HPUAEXAMPLEACCESSKEY", sk: "exampleSecretKey/with+symbols=AndDigits0123456789" };
const projectId = "0bcc05efb100f2a92f53c011f262dfa0";
const date = new Date("2026-01-02T03:04:05Z");
const payload = { traffic_mirror_session: { name: "session-1", description: "é".repeat(40), priority: 10, enabled: true } };

const request = {
  method: "PUT",
  url: new URL(`https://vpc.cn-north-4.myhuaweicloud.com/v3/${projectId}/vpc/traffic-mirror-sessions/e3e6f6fd-6e3a-4b55-9e0e-31d2d3cf1c23`),
  headers: new Headers({ "content-type": "application/json", "x-project-id": projectId }),
  body: new TextEncoder().encode(JSON.stringify(payload)),
};

const require = createRequire(import.meta.url);
const { AKSKSigner } = require("@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner");
const sdkRequest = {
  method: "PUT",
  endpoint: request.url.href,
  headers: { "content-type": "application/json", "X-Project-Id": projectId, "X-Sdk-Date": "20260102T030405Z" },
  queryParams: {},
  data: payload,
};
const sdkCredentials = { getAk: () => credentials.ak, getSk: () => credentials.sk };

const signNode = createSigner(nodeCrypto);
const signWeb = createSigner(webCrypto);

const bench = new Bench({ time: 2_000, warmup: true });
bench
  .add("hwcloud-typed sign(), node:crypto", () => signNode(request, credentials, date))
  .add("hwcloud-typed sign(), Web Crypto", () => signWeb(request, credentials, date))
  .add("official SDK AKSKSigner.sign (sync, for scale)", () => AKSKSigner.sign(sdkRequest, sdkCredentials));
await bench.run();

for (const task of bench.tasks) {
  const result = task.result;
  if (result.state !== "completed") throw new Error(`${task.name}: ${result.state}`);
  const microseconds = (milliseconds: number) => (milliseconds * 1000).toFixed(1).padStart(7);
  console.log(
    `${task.name.padEnd(50)} mean ${microseconds(result.latency.mean)} µs  p50 ${microseconds(result.latency.p50)} µs  ±${result.latency.rme.toFixed(1)}%  (${result.latency.samplesCount} samples)`,
  );
}
