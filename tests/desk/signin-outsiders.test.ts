// Issue 21 item 1: nothing an outsider does keeps an organizer with a good link out of the desk.
// Bad links (as ten <img src=".../vao?t=x"> on any page would send), a crowd behind the reverse
// proxy's one address, double-clicked sign-in buttons; the Host allow-list; the Secure cookie
// behind a named proxy, and proxy headers nobody named ignored.
import { afterEach, describe, expect, it } from "vitest";
import { Client, type ClientFrom, createDeskTest, type DeskTest } from "./helpers.js";

let d: DeskTest | undefined;
afterEach(async () => {
  await d?.stop();
  d = undefined;
});

async function desk(env: Record<string, string> = {}): Promise<DeskTest> {
  d = await createDeskTest({ env });
  return d;
}

/** Ten requests a page of <img> tags would make, from `from`. */
async function tenImages(t: DeskTest, from: ClientFrom): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < 10; i++) statuses.push((await new Client(t.root, from).get("/ban-to-chuc/vao?t=x")).status);
  return statuses;
}

describe("liên kết đúng luôn đăng nhập được", () => {
  it("after ten bad links from the organizer's own address (<img> tags on a page she opened), her link from /web still signs in", async () => {
    const t = await desk();
    const from = { socket: "192.168.1.20" };
    expect(await tenImages(t, from)).toEqual(Array(10).fill(400));
    // The eleventh bad one is answered shortly, and still says what to do.
    const eleventh = await new Client(t.root, from).get("/ban-to-chuc/vao?t=x");
    expect(eleventh.status).toBe(429);
    expect(eleventh.body).toContain("gõ /web");
    const c = new Client(t.root, from);
    const res = await c.open(await t.linkFrom(t.org));
    expect(res.status).toBe(303);
    expect((await c.get("/ban-to-chuc/")).body).toContain("Tổng quan");
  });

  it("behind the reverse proxy (everyone arrives from 127.0.0.1 with X-Forwarded-For), ten bad links from an outsider do not keep the organizer out", async () => {
    for (const env of [{}, { TRUST_PROXY: "loopback" }] as Record<string, string>[]) {
      const t = await desk(env);
      expect(await tenImages(t, { socket: "127.0.0.1", headers: { "x-forwarded-for": "203.0.113.66" } })).toEqual(Array(10).fill(400));
      const c = new Client(t.root, { socket: "127.0.0.1", headers: { "x-forwarded-for": "198.51.100.7" } });
      expect((await c.open(await t.linkFrom(t.org))).status).toBe(303);
      expect((await c.get("/ban-to-chuc/don-vi")).status).toBe(200);
      await t.stop();
      d = undefined;
    }
  });

  it("with TRUST_PROXY, bad links are counted per client behind the proxy, not per the proxy's address", async () => {
    const t = await desk({ TRUST_PROXY: "loopback" });
    await tenImages(t, { socket: "127.0.0.1", headers: { "x-forwarded-for": "203.0.113.66" } });
    expect((await new Client(t.root, { socket: "127.0.0.1", headers: { "x-forwarded-for": "203.0.113.66" } }).get("/ban-to-chuc/vao?t=x")).status).toBe(429);
    // Another client of the same proxy who mistyped a link gets the plain sentence, not the slow-down.
    const other = await new Client(t.root, { socket: "127.0.0.1", headers: { "x-forwarded-for": "198.51.100.7" } }).get("/ban-to-chuc/vao?t=x");
    expect(other.status).toBe(400);
    expect(other.body).toContain("Liên kết đăng nhập không hợp lệ");
  });

  it("a double-clicked sign-in button signs in once; the second press gets a clear sentence, and ten double clicks lock nobody out", async () => {
    const t = await desk();
    const from = { socket: "192.168.1.20" };
    for (let i = 0; i < 10; i++) {
      const link = await t.linkFrom(t.org);
      const token = decodeURIComponent(link.split("t=")[1] as string);
      const first = new Client(t.root, from);
      const second = new Client(t.root, from);
      const [a, b] = await Promise.all([first.post("/ban-to-chuc/vao", { t: token }), second.post("/ban-to-chuc/vao", { t: token })]);
      expect([a.status, b.status].sort()).toEqual([303, 409]);
      const refused = a.status === 409 ? a : b;
      expect(refused.body).toContain("Liên kết đăng nhập này vừa được dùng (có thể do nút &quot;Vào bàn làm việc&quot; được bấm hai lần)");
      expect(refused.headers.get("set-cookie")).toBeNull();
    }
    // Twenty presses later, a new link still works; and a browser that got the first answer's cookie is just let in.
    const c = new Client(t.root, from);
    const link = await t.linkFrom(t.org);
    expect((await c.open(link)).status).toBe(303);
    const token = decodeURIComponent(link.split("t=")[1] as string);
    const again = await c.post("/ban-to-chuc/vao", { t: token });
    expect(again.status).toBe(303);
    expect(again.headers.get("location")).toBe("/ban-to-chuc/");
    // Later than two minutes, the link is simply used.
    t.clock.advance(3 * 60_000);
    const late = await new Client(t.root, from).post("/ban-to-chuc/vao", { t: token });
    expect(late.status).toBe(400);
    expect(late.body).toContain("đã được dùng");
  });
});

describe("chỉ trả lời đúng địa chỉ của bàn làm việc", () => {
  it("refuses a Host that is not PUBLIC_URL's, DESK_HOST or this machine, with a plain page", async () => {
    const t = await desk({ PUBLIC_URL: "https://hoinghi.phongtho.gov.vn" });
    const evil = await new Client(t.root, { origin: "http://rebind.example.com:8080" }).get(await t.linkFrom(t.org));
    expect(evil.status).toBe(421);
    expect(evil.body).toContain("Địa chỉ này không phải địa chỉ của bàn làm việc Ban tổ chức");
    expect(evil.body).not.toContain("Vào bàn làm việc</button>");
    for (const origin of ["https://hoinghi.phongtho.gov.vn", "http://localhost:8080", "http://127.0.0.1:8080", "http://[::1]:8080"]) {
      expect((await new Client(t.root, { origin }).get(await t.linkFrom(t.org))).status).toBe(200);
    }
  });
});

describe("cookie Secure sau proxy", () => {
  const press = async (t: DeskTest, from: ClientFrom) => {
    const token = decodeURIComponent((await t.linkFrom(t.org)).split("t=")[1] as string);
    return new Client(t.root, from).post("/ban-to-chuc/vao", { t: token });
  };

  it("is Secure when the proxy named in TRUST_PROXY reports https", async () => {
    const t = await desk({ TRUST_PROXY: "loopback" });
    const res = await press(t, { socket: "127.0.0.1", headers: { "x-forwarded-proto": "https", "x-forwarded-for": "198.51.100.7" } });
    expect(res.status).toBe(303);
    expect(res.headers.get("set-cookie")).toMatch(/; Secure/);
  });

  it("ignores X-Forwarded-Proto from a proxy nobody named", async () => {
    const t = await desk({ TRUST_PROXY: "10.0.0.2" });
    const res = await press(t, { socket: "127.0.0.1", headers: { "x-forwarded-proto": "https" } });
    expect(res.status).toBe(303);
    expect(res.headers.get("set-cookie")).not.toMatch(/Secure/);
    const none = await desk({});
    expect((await press(none, { socket: "203.0.113.66", headers: { "x-forwarded-proto": "https" } })).headers.get("set-cookie")).not.toMatch(/Secure/);
    await t.stop();
  });
});
