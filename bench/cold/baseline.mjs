// Cold start of a bare Node process making the same call with node:http, for scale.
const started = performance.now();
const [port] = process.argv.slice(2);
const { request } = await import("node:http");
const payload = JSON.stringify({ peering: { name: "bench" } });
const text = await new Promise((resolve, reject) => {
  const outgoing = request(
    { host: "127.0.0.1", port, method: "PUT", path: "/v2.0/vpc/peerings/22b76469-08e3-4937-8c1d-7aad34892be1", headers: { "Content-Type": "application/json" } },
    (response) => {
      let data = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => (data += chunk));
      response.on("end", () => resolve(data));
      response.on("error", reject);
    },
  );
  outgoing.on("error", reject);
  outgoing.end(payload);
});
const settledAt = performance.timeOrigin + performance.now();
const importAndCallMs = settledAt - performance.timeOrigin - started;
if (JSON.parse(text).peering?.id !== "22b76469-08e3-4937-8c1d-7aad34892be1") throw new Error("unexpected answer");
process.stdout.write(JSON.stringify({ importAndCallMs, settledAt, maxRssKb: process.resourceUsage().maxRSS }));
