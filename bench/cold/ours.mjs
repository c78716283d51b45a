// Cold start of hwcloud-typed: import the client from the module URL given,
// make one UpdateVpcPeering call to the loopback port given, report as JSON.
// No process.exit: the parent times how long the process lingers after the call.
const started = performance.now();
const [port, moduleUrl] = process.argv.slice(2);
const { createClient } = await import(moduleUrl);
const base = `http://127.0.0.1:${port}`;
const client = createClient({
  credentials: { ak: "HPUAEXAMPLEACCESSKEY", sk: "exampleSecretKey/with+symbols=AndDigits0123456789" },
  projectId: "0bcc05efb100f2a92f53c011f262dfa0",
  endpoints: { vpc: base },
});
const result = await client.vpc.updateVpcPeering({
  peering_id: "22b76469-08e3-4937-8c1d-7aad34892be1",
  body: { peering: { name: "bench" } },
});
const settledAt = performance.timeOrigin + performance.now();
if (result.peering?.id !== "22b76469-08e3-4937-8c1d-7aad34892be1") throw new Error("unexpected answer");
process.stdout.write(JSON.stringify({ importAndCallMs: settledAt - performance.timeOrigin - started, settledAt, maxRssKb: process.resourceUsage().maxRSS }));
