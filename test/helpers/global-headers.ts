/**
 * Whether `run` reads the global `Headers`: the first read makes Node load its
 * whole fetch stack (about 15 ms and 4 MB at start-up), so the Node request
 * path must not name it when it is handed plain records.
 */
export async function readsGlobalHeaders(run: () => unknown): Promise<boolean> {
  const original = Object.getOwnPropertyDescriptor(globalThis, "Headers")!;
  const value: unknown = original.get ? original.get.call(globalThis) : original.value;
  let read = false;
  Object.defineProperty(globalThis, "Headers", {
    configurable: true,
    get: () => {
      read = true;
      return value;
    },
  });
  try {
    await run();
  } finally {
    Object.defineProperty(globalThis, "Headers", original);
  }
  return read;
}
