/**
 * Runs tasks one at a time per key, in arrival order, within this process. Throttling
 * reads the login log and then writes to it: without this, a burst of simultaneous
 * guesses would all read the same count and all get through.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  /**
   * Runs `fn` once it holds every key, taken in the order given. Callers must always
   * list keys of different kinds in the same order (e.g. address before account), so
   * that no two tasks wait for each other.
   */
  async run<T>(keys: readonly string[], fn: () => Promise<T>): Promise<T> {
    const [first, ...rest] = keys;
    if (first === undefined) return fn();
    return this.one(first, () => this.run(rest, fn));
  }

  /** How many keys have a task running or waiting (for tests: it must drop back to 0). */
  get size(): number {
    return this.tails.size;
  }

  private async one<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const before = this.tails.get(key) ?? Promise.resolve();
    const run = before.then(fn, fn);
    const tail = run.catch(() => {});
    this.tails.set(key, tail);
    try {
      return await run;
    } finally {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}
