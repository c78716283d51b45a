/**
 * Bundle size of a small app that creates a client and makes one
 * UpdateVpcPeering call, and of one that makes the same call through
 * `hwcloud-typed/core` with the one operation it imports: esbuild, bundled
 * and minified, then gzipped. For the browser, the `#crypto` and
 * `#transport` imports resolve to their Web variants by condition. The app
 * imports the package by its name, through its `exports`, as a user's does.
 */
import { builtinModules } from "node:module";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build, type Metafile } from "esbuild";
import { operations } from "../generated/operations.ts";

const root = fileURLToPath(new URL("..", import.meta.url));

const OURS_APP = `
import { createClient } from "hwcloud-typed";
const client = createClient({ credentials: { ak: "AK", sk: "SK" }, projectId: "0bcc05efb100f2a92f53c011f262dfa0" });
console.log(await client.vpc.updateVpcPeering({ peering_id: "22b76469", body: { peering: { name: "bench" } } }));
`;

const CORE_APP = `
import { call, createCore } from "hwcloud-typed/core";
import { UpdateVpcPeering } from "hwcloud-typed/operations";
const core = createCore({ credentials: { ak: "AK", sk: "SK" }, projectId: "0bcc05efb100f2a92f53c011f262dfa0" });
console.log(await call(core, UpdateVpcPeering, { peering_id: "22b76469", body: { peering: { name: "bench" } } }));
`;

const OFFICIAL_APP = `
import { BasicCredentials } from "@huaweicloud/huaweicloud-sdk-core";
import { VpcClient, UpdateVpcPeeringOption, UpdateVpcPeeringRequest, UpdateVpcPeeringRequestBody } from "@huaweicloud/huaweicloud-sdk-vpc/v2/public-api";
const credentials = new BasicCredentials().withAk("AK").withSk("SK").withProjectId("0bcc05efb100f2a92f53c011f262dfa0");
const client = VpcClient.newBuilder().withCredential(credentials).withEndpoint("https://vpc.cn-north-4.myhuaweicloud.com").build();
const body = new UpdateVpcPeeringRequestBody().withPeering(new UpdateVpcPeeringOption().withName("bench"));
console.log(await client.updateVpcPeering(new UpdateVpcPeeringRequest().withPeeringId("22b76469").withBody(body)));
`;

export type Platform = "node" | "browser";

export interface BundleSize {
  minifiedBytes: number;
  gzipBytes: number;
  /** Minified bytes per package in node_modules, and per top folder of our own (src/, generated/). */
  byPackage: Map<string, number>;
  /** Set when the app does not bundle for the platform as is; the size is then with these left unresolved. */
  unresolved?: string[];
  /** Minified bytes from generated/validators. */
  validatorBytes: number;
  /** Operations other than UpdateVpcPeering whose descriptor (its path template) is in the bundle. */
  otherOperations: string[];
}

const NODE_BUILTINS = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

async function bundle(app: string, platform: Platform, external: string[] = []) {
  return build({
    stdin: { contents: app, resolveDir: root, loader: "ts", sourcefile: "app.ts" },
    bundle: true,
    minify: true,
    write: false,
    metafile: true,
    platform,
    format: "esm",
    target: "es2022",
    conditions: ["hwcloud-typed:source"],
    external,
    logLevel: "silent",
  });
}

async function measure(app: string, platform: Platform): Promise<BundleSize> {
  let result;
  let unresolved: string[] | undefined;
  try {
    result = await bundle(app, platform);
  } catch (error) {
    const errors = (error as { errors?: { text: string }[] }).errors ?? [];
    const missing = errors.map((e) => /Could not resolve "([^"]+)"/.exec(e.text)?.[1]).filter((name) => name !== undefined);
    if (missing.length === 0 || missing.length !== errors.length) throw error;
    unresolved = [...new Set(missing)].sort();
    result = await bundle(app, platform, NODE_BUILTINS);
  }
  const output = result.outputFiles[0]!.contents;
  const text = new TextDecoder().decode(output);
  return {
    minifiedBytes: output.byteLength,
    gzipBytes: gzipSync(output, { level: 9 }).byteLength,
    byPackage: packageShares(result.metafile),
    ...(unresolved ? { unresolved } : {}),
    validatorBytes: Object.values(result.metafile.outputs)
      .flatMap((out) => Object.entries(out.inputs))
      .filter(([path]) => /generated\/validators\/[^/]+\.[jt]s$/.test(path))
      .reduce((sum, [, input]) => sum + input.bytesInOutput, 0),
    otherOperations: Object.values(operations)
      .filter((operation) => operation.id !== "UpdateVpcPeering" && text.includes(JSON.stringify(operation.path)))
      .map((operation) => operation.id),
  };
}

function packageShares(metafile: Metafile): Map<string, number> {
  const shares = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
      const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
      // Our own code by top folder: src/, and generated/ (the compiled validators are most of it).
      const name = match?.[1] ?? `${path.split("/")[0]}/`;
      shares.set(name, (shares.get(name) ?? 0) + bytesInOutput);
    }
  }
  return shares;
}

export async function bundleSizes(): Promise<{ ours: Record<Platform, BundleSize>; core: Record<Platform, BundleSize>; official: Record<Platform, BundleSize> }> {
  return {
    ours: { node: await measure(OURS_APP, "node"), browser: await measure(OURS_APP, "browser") },
    core: { node: await measure(CORE_APP, "node"), browser: await measure(CORE_APP, "browser") },
    official: { node: await measure(OFFICIAL_APP, "node"), browser: await measure(OFFICIAL_APP, "browser") },
  };
}
