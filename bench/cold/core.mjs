// Cold start of hwcloud-typed's standalone entries: import `core` and
// `operations` from the module URLs given, make one UpdateVpcPeering call to
// the loopback port given, report as JSON. No process.exit, as in ours.mjs.
const started = performance.now();
const [port, coreUrl, operationsUrl] = process.argv.slice(2);
const [{ call, createCore }, { UpdateVpcPeering }] = await Promise.all([import(coreUrl), import(operationsUrl)]);
const core = createCore({
  credentials: { ak: "HPUAEXAMPLEACCESSKEY", sk: "exampleSecretKey/with+symbols=AndDigits0123456789" },
  projectId: "0bcc05efb100f2a92f53c011f262dfa0",
  endpoints: { vpc: `http://127.0.0.1:${port}` },
});
const result = await call(core, UpdateVpcPeering, {
  peering_id: "22b76469-08e3-4937-8c1d-7aad34892be1",
  body: { peering: { name: "bench" } },
});
const settledAt = performance.timeOrigin + performance.now();
if (result.peering?.id !== "22b76469-08e3-4937-8c1d-7aad34892be1") throw new Error("unexpected answer");
process.stdout.write(JSON.stringify({ importAndCallMs: settledAt - performance.timeOrigin - started, settledAt, maxRssKb: process.resourceUsage().maxRSS }));
