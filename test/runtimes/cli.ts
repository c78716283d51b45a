/**
 * The smoke test as a command, for Node, Deno and Bun:
 * `<runtime> cli.ts '<SmokeConfig as JSON>'` prints the calls' lines as JSON.
 */
import { runSmoke } from "./smoke.ts";

try {
  console.log(JSON.stringify(await runSmoke(JSON.parse(process.argv[2] ?? "{}"))));
} catch (error) {
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
  process.exitCode = 1;
}
