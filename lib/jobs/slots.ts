// A counting semaphore: at most `size` tasks run at once, the rest wait their turn in order.

export type Slots = {
  run<T>(task: () => Promise<T>): Promise<T>;
  readonly busy: number;
  readonly waiting: number;
};

export function createSlots(size: number): Slots {
  if (!Number.isInteger(size) || size < 1) throw new Error(`A worker needs at least one slot (got ${size}).`);
  let busy = 0;
  const queue: Array<() => void> = [];
  const release = () => {
    const next = queue.shift();
    if (next) next(); // the slot passes straight to the next task
    else busy -= 1;
  };
  return {
    async run(task) {
      if (busy < size) busy += 1;
      else await new Promise<void>((resolve) => queue.push(resolve));
      try {
        return await task();
      } finally {
        release();
      }
    },
    get busy() {
      return busy;
    },
    get waiting() {
      return queue.length;
    },
  };
}
