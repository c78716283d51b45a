/**
 * The runtime tests as a command, for Node, Deno and Bun:
 * `<runtime> cli.ts smoke '<SmokeConfig as JSON>'` prints the calls' lines as JSON,
 * `<runtime> cli.ts faults '<FaultsConfig as JSON>'` the fault test's outcomes.
 */
import { runFaults } from "./faults.ts";
import { runSmoke } from "./smoke.ts";

try {
  const config = JSON.parse(process.argv[3] ?? "{}");
  console.log(JSON.stringify(process.argv[2] === "faults" ? await runFaults(config) : await runSmoke(config)));
} catch (error) {
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
  process.exitCode = 1;
}
