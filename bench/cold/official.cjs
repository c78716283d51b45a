// Cold start of Huawei's official SDK: require it as its samples do, make one
// UpdateVpcPeering call to the loopback port given, report as JSON.
const started = performance.now();
const port = process.argv[2];
const { BasicCredentials } = require("@huaweicloud/huaweicloud-sdk-core");
const vpc = require("@huaweicloud/huaweicloud-sdk-vpc/v2/public-api");

async function main() {
  const credentials = new BasicCredentials()
    .withAk("HPUAEXAMPLEACCESSKEY")
    .withSk("exampleSecretKey/with+symbols=AndDigits0123456789")
    .withProjectId("0bcc05efb100f2a92f53c011f262dfa0");
  const client = vpc.VpcClient.newBuilder().withCredential(credentials).withEndpoint(`http://127.0.0.1:${port}`).build();
  const body = new vpc.UpdateVpcPeeringRequestBody().withPeering(new vpc.UpdateVpcPeeringOption().withName("bench"));
  const result = await client.updateVpcPeering(
    new vpc.UpdateVpcPeeringRequest().withPeeringId("22b76469-08e3-4937-8c1d-7aad34892be1").withBody(body),
  );
  const settledAt = performance.timeOrigin + performance.now();
  const importAndCallMs = settledAt - performance.timeOrigin - started;
  if (result.peering?.id !== "22b76469-08e3-4937-8c1d-7aad34892be1") throw new Error("unexpected answer");
  process.stdout.write(JSON.stringify({ importAndCallMs, settledAt, maxRssKb: process.resourceUsage().maxRSS }));
  // The keep-alive socket would hold the process open for seconds.
  process.exit(0);
}

main().catch((error) => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
