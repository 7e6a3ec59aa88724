// The pieces of the pace: even spacing, a hard bound per second measured at the calls, and a queue that lets a free chat go first.
import { describe, expect, it } from "vitest";
import { Pacer, PickQueue, SendGate } from "../../src/outbox/rate.js";

const busiest = (times: number[]) => Math.max(...times.map((t0) => times.filter((t) => t >= t0 && t < t0 + 1000).length));

describe("SendGate", () => {
  it("never lets more than 30 calls through in any second, even when timers wake late and bunch", async () => {
    const gate = new SendGate(30);
    const at: number[] = [];
    // The event loop stalls now and then (a busy machine): every timer due meanwhile fires at once.
    const stall = setInterval(() => {
      const until = performance.now() + 120;
      while (performance.now() < until) {
        // busy
      }
    }, 300);
    await Promise.all(
      Array.from({ length: 75 }, async () => {
        await gate.pass(1);
        at.push(performance.now());
      }),
    );
    clearInterval(stall);
    expect(busiest(at)).toBeLessThanOrEqual(30);
    // And it does not fall far behind the rate: 75 calls at 30/s take about 2.5 s.
    expect(Math.max(...at) - Math.min(...at)).toBeLessThan(4000);
  });

  it("lets everything through at once when there is no limit (the console)", async () => {
    const gate = new SendGate(Number.POSITIVE_INFINITY);
    const t0 = performance.now();
    await Promise.all(Array.from({ length: 1000 }, () => gate.pass(1)));
    expect(performance.now() - t0).toBeLessThan(200);
  });
});

describe("Pacer", () => {
  it("spaces bookings one interval apart and never books two at once", () => {
    const p = new Pacer(10);
    expect(p.reserve(0, 1)).toBe(0);
    expect(p.reserve(0, 1)).toBe(100);
    expect(p.reserve(50, 2)).toBe(150);
    expect(p.wait(50)).toBe(350);
    p.take(1000, 1);
    expect(p.wait(1000)).toBe(100);
  });
});

describe("PickQueue", () => {
  it("takes the first item a test accepts, keeps the order of the rest, and puts a retry in front", () => {
    const q = new PickQueue<number>();
    for (let i = 1; i <= 5; i++) q.push(i);
    expect(q.take((n) => n % 2 === 0)).toBe(2);
    expect(q.take(() => true)).toBe(1);
    q.unshift(9);
    expect([...q]).toEqual([9, 3, 4, 5]);
    expect(q.size).toBe(4);
    expect(q.take((n) => n > 100)).toBeUndefined();
  });

  it("stays correct over many takes (the sweep of taken items)", () => {
    const q = new PickQueue<number>();
    for (let i = 0; i < 5000; i++) q.push(i);
    const out: number[] = [];
    for (let i = 0; i < 4000; i++) out.push(q.take(() => true) as number);
    expect(out.slice(0, 3)).toEqual([0, 1, 2]);
    expect(q.size).toBe(1000);
    expect([...q][0]).toBe(4000);
  });
});
