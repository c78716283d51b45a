/**
 * Interleaved measurement, so a burst of machine noise falls on all tasks
 * alike rather than on whichever ran during it. Two orders, since the order
 * itself moves the figures: "rotated" runs a block of calls of each task per
 * round, the order of tasks rotated per round (each task's code stays hot in
 * the CPU's caches through its block); "fixed" makes one call of each task
 * per round, always in the same order, as an application mixing several kinds
 * of work would (each call finds its caches cooled by the others).
 */

export type Order = "rotated" | "fixed";

export interface Task {
  name: string;
  run: () => unknown;
}

function rotated<T>(items: readonly T[], by: number): T[] {
  const shift = by % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}

/** Milliseconds of each sequential call: `calls` per task per round, in `order`. */
export async function latencies(
  tasks: readonly Task[],
  { order, rounds, calls, warmup }: { order: Order; rounds: number; calls: number; warmup: number },
): Promise<Map<string, number[]>> {
  for (const task of tasks) for (let i = 0; i < warmup; i++) await task.run();
  const samples = new Map(tasks.map((task) => [task.name, [] as number[]]));
  for (let round = 0; round < rounds; round++) {
    for (const task of order === "rotated" ? rotated(tasks, round) : tasks) {
      const own = samples.get(task.name)!;
      for (let i = 0; i < calls; i++) {
        const started = performance.now();
        await task.run();
        own.push(performance.now() - started);
      }
    }
  }
  return samples;
}

/** Calls per second of `concurrency` callers each making `callsEach` calls back to back; one figure per round. */
export async function throughputs(
  tasks: readonly Task[],
  { rounds, concurrency, callsEach }: { rounds: number; concurrency: number; callsEach: number },
): Promise<Map<string, number[]>> {
  const worker = async (task: Task) => {
    for (let i = 0; i < callsEach; i++) await task.run();
  };
  // Warm up at full concurrency, so every contender has its connections open.
  for (const task of tasks) await Promise.all(Array.from({ length: concurrency }, () => worker(task)));
  const rates = new Map(tasks.map((task) => [task.name, [] as number[]]));
  for (let round = 0; round < rounds; round++) {
    for (const task of rotated(tasks, round)) {
      const started = performance.now();
      await Promise.all(Array.from({ length: concurrency }, () => worker(task)));
      rates.get(task.name)!.push((concurrency * callsEach * 1000) / (performance.now() - started));
    }
  }
  return rates;
}

/** Operations per second, one figure per round, each round's batch sized to last about `batchMs`. */
export async function rates(
  tasks: readonly Task[],
  { rounds, batchMs }: { rounds: number; batchMs: number },
): Promise<Map<string, number[]>> {
  const batch = new Map<string, number>();
  for (const task of tasks) {
    let count = 0;
    const started = performance.now();
    while (performance.now() - started < batchMs) {
      const pending = task.run();
      if (pending instanceof Promise) await pending;
      count++;
    }
    batch.set(task.name, Math.max(count, 1));
  }
  const results = new Map(tasks.map((task) => [task.name, [] as number[]]));
  for (let round = 0; round < rounds; round++) {
    for (const task of rotated(tasks, round)) {
      const count = batch.get(task.name)!;
      const started = performance.now();
      for (let i = 0; i < count; i++) {
        // A synchronous task is not charged a microtask per operation.
        const pending = task.run();
        if (pending instanceof Promise) await pending;
      }
      results.get(task.name)!.push((count * 1000) / (performance.now() - started));
    }
  }
  return results;
}

