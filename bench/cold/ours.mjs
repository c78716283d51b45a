// Cold start of hwcloud-typed: import the client from the module URL given,
// make one UpdateVpcPeering call to the loopback port given, report as JSON.
const started = performance.now();
const [port, moduleUrl] = process.argv.slice(2);
const { createClient } = await import(moduleUrl);
const base = `http://127.0.0.1:${port}`;
const client = createClient({
  credentials: { ak: "HPUAEXAMPLEACCESSKEY", sk: "exampleSecretKey/with+symbols=AndDigits0123456789" },
  projectId: "0bcc05efb100f2a92f53c011f262dfa0",
  endpoints: { vpc: base, evs: base, dws: base, vpcep: base },
});
const result = await client.vpc.updateVpcPeering({
  peering_id: "22b76469-08e3-4937-8c1d-7aad34892be1",
  body: { peering: { name: "bench" } },
});
const importAndCallMs = performance.now() - started;
if (result.peering?.id !== "22b76469-08e3-4937-8c1d-7aad34892be1") throw new Error("unexpected answer");
process.stdout.write(JSON.stringify({ importAndCallMs, maxRssKb: process.resourceUsage().maxRSS }));
// The keep-alive socket would hold the process open for seconds.
process.exit(0);
