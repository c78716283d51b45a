/**
 * The benchmark's loopback server, run in its own process (bench/run.ts forks
 * it) so its work does not share an event loop with the clients measured.
 * It is the tests' loopback server, keeping no log. Every request is read
 * whole and answered with a small 200: IAM's project list for
 * `GET /v3/projects`, the same UpdateVpcPeering answer for any other method
 * and path.
 *
 * Tells its parent the port over IPC, and exits when the parent disconnects.
 */
import { startServer } from "../test/helpers/loopback-server.ts";

const body = Buffer.from(
  JSON.stringify({
    peering: {
      name: "bench",
      id: "22b76469-08e3-4937-8c1d-7aad34892be1",
      request_vpc_info: { vpc_id: "9daeac7c-a98f-430f-8e38-67f9c044e299", tenant_id: "f65e9ebc-ed5d-418b-a931-9a723718ba4e" },
      accept_vpc_info: { vpc_id: "f583c072-0bb8-4e19-afb2-afb7c1693be5", tenant_id: "059a737356594b41b447b557bf0aae56" },
      status: "ACTIVE",
    },
  }),
);
const projects = Buffer.from(
  JSON.stringify({
    projects: [
      {
        id: "89cd04f168b84af6be287f71730fdb4b",
        name: "cn-north-4",
        domain_id: "d78cbac186b744899480f25bd022f468",
        parent_id: "d78cbac186b744899480f25bd022f468",
        enabled: true,
        is_domain: false,
        description: "",
        links: { self: "https://iam.myhuaweicloud.com/v3/projects/89cd04f168b84af6be287f71730fdb4b" },
      },
    ],
    links: { self: "https://iam.myhuaweicloud.com/v3/projects?name=cn-north-4", previous: null, next: null },
  }),
);
const headersOf = (answer: Buffer) => ({
  "Content-Type": "application/json",
  "Content-Length": String(answer.length),
  "X-Request-Id": "0f5d2a1e8b4c4e6f9a7d3c2b1a0e9f8d",
});
const peeringHeaders = headersOf(body);
const projectsHeaders = headersOf(projects);

const server = await startServer(
  (request, response) => {
    const listing = request.method === "GET" && request.url.startsWith("/v3/projects");
    if (listing) response.writeHead(200, projectsHeaders).end(projects);
    else response.writeHead(200, peeringHeaders).end(body);
  },
  { record: false, keepAliveTimeout: 60_000 },
);
process.send?.({ port: server.port });

process.on("disconnect", () => process.exit(0));
