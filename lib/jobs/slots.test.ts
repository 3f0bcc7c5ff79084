import { describe, expect, it } from "vitest";
import { createSlots } from "./slots";

describe("worker slots", () => {
  it("never runs more tasks at once than it has slots, and runs every task", async () => {
    const slots = createSlots(3);
    let running = 0;
    let most = 0;
    const gates: Array<() => void> = [];
    const started: number[] = [];
    const tasks = Array.from({ length: 10 }, (_, index) =>
      slots.run(async () => {
        running += 1;
        most = Math.max(most, running);
        started.push(index);
        await new Promise<void>((resolve) => gates.push(resolve));
        running -= 1;
        return index;
      }),
    );
    // Let each started task finish in turn; the waiting ones take the freed slots in order.
    while (started.length < 10 || running > 0) {
      await new Promise((resolve) => setImmediate(resolve));
      expect(running).toBeLessThanOrEqual(3);
      gates.shift()?.();
    }
    expect(await Promise.all(tasks)).toEqual([...Array(10).keys()]);
    expect(most).toBe(3);
    expect(started).toEqual([...Array(10).keys()]);
    expect([slots.busy, slots.waiting]).toEqual([0, 0]);
  });

  it("frees the slot of a task that fails", async () => {
    const slots = createSlots(1);
    await expect(slots.run(() => Promise.reject(new Error("step failed")))).rejects.toThrow("step failed");
    expect(await slots.run(async () => "next")).toBe("next");
    expect(slots.busy).toBe(0);
  });
});
