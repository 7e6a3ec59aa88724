// The one HTTP server (issue 16 item 9, issue 15 item 1): slow or greedy clients are cut off, it listens where the operator says.
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/app/config.js";
import { createHttpServer, type HttpLimits, type HttpServer } from "../../src/app/http-server.js";
import { createCapturingLogger } from "../../src/lib/logger.js";
import { createTestApp, type TestApp } from "../helpers/app.js";

let server: HttpServer | undefined;
let h: TestApp | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  if (h) {
    await h.app.http.close();
    await h.close();
  }
  h = undefined;
});

async function start(limits: Partial<HttpLimits> = {}): Promise<{ s: HttpServer; port: number }> {
  const s = createHttpServer({ port: 0, host: "127.0.0.1", logger: createCapturingLogger().logger, limits });
  // The body as it came (JSON text), measured again from what the handler was given.
  s.webhook("/hook", { admit: () => undefined, handle: async (body) => ({ status: 200, json: { ok: true, bytes: JSON.stringify(body).length } }) });
  server = s;
  return { s, port: await s.listen() };
}

/** Opens a raw connection and reports what came back and when it was closed. */
function rawClient(port: number) {
  const socket = net.connect(port, "127.0.0.1");
  let received = "";
  let closed = false;
  socket.on("data", (c) => (received += c.toString()));
  const ended = new Promise<void>((resolve) => {
    socket.on("close", () => {
      closed = true;
      resolve();
    });
    socket.on("error", () => {});
  });
  const connected = new Promise<void>((resolve) => socket.once("connect", () => resolve()));
  return {
    socket,
    connected,
    ended,
    get closed() {
      return closed;
    },
    get received() {
      return received;
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("a client that sends slowly", () => {
  it("a body trickled at 100 bytes every 0.5 s is cut off before it is complete", async () => {
    const { port } = await start({ requestTimeoutMs: 1500, headersTimeoutMs: 1000 });
    const c = rawClient(port);
    await c.connected;
    c.socket.write(`POST /hook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 4000\r\n\r\n`);
    // 4,000 bytes at this pace would take 20 s; the server must not wait for them.
    let chunks = 0;
    while (!c.closed && chunks < 40) {
      c.socket.write("x".repeat(100));
      chunks += 1;
      await Promise.race([sleep(500), c.ended]);
    }
    await Promise.race([c.ended, sleep(3000)]);
    expect(c.closed).toBe(true);
    expect(chunks).toBeLessThan(40);
    // Whatever came back, it was not the handler's answer to a complete body.
    expect(c.received).not.toContain('"bytes":4000');
  });

  it("headers sent a few bytes at a time are cut off too", async () => {
    const { port } = await start({ requestTimeoutMs: 5000, headersTimeoutMs: 1000 });
    const c = rawClient(port);
    await c.connected;
    const head = "GET /ban-to-chuc/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n\r\n";
    let sent = 0;
    while (!c.closed && sent < head.length) {
      c.socket.write(head.slice(sent, sent + 2));
      sent += 2;
      await Promise.race([sleep(250), c.ended]);
    }
    await Promise.race([c.ended, sleep(3000)]);
    expect(c.closed).toBe(true);
    expect(sent).toBeLessThan(head.length);
  });
});

describe("a client that takes too much", () => {
  it("a webhook body above the cap answers 413 and the handler never sees it", async () => {
    const { port } = await start({ maxBodyBytes: 1000 });
    // A JSON string of exactly 1,000 bytes (quotes included), then one of 1,001.
    const small = await fetch(`http://127.0.0.1:${port}/hook`, { method: "POST", body: JSON.stringify("x".repeat(998)) });
    expect(small.status).toBe(200);
    expect(await small.json()).toEqual({ ok: true, bytes: 1000 });
    const big = await fetch(`http://127.0.0.1:${port}/hook`, { method: "POST", body: JSON.stringify("x".repeat(999)) });
    expect(big.status).toBe(413);
  });

  it("connections above the cap are closed at once, and the server serves again once they go", async () => {
    const { port } = await start({ maxConnections: 2 });
    const a = rawClient(port);
    const b = rawClient(port);
    await Promise.all([a.connected, b.connected]);
    await sleep(100);
    const extra = rawClient(port);
    await Promise.race([extra.ended, sleep(3000)]);
    expect(extra.closed).toBe(true);
    expect(a.closed || b.closed).toBe(false);
    a.socket.destroy();
    b.socket.destroy();
    await Promise.all([a.ended, b.ended]);
    await sleep(100);
    const res = await fetch(`http://127.0.0.1:${port}/ban-to-chuc/`);
    expect(res.status).toBe(200);
  });
});

describe("routes", () => {
  it("an unknown path answers 404; the desk's address says the desk is coming, in Vietnamese", async () => {
    h = await createTestApp({ env: { PORT: "0" } });
    const s = await h.app.http.listen();
    const port = await s.listen();
    expect((await fetch(`http://127.0.0.1:${port}/khong-co`)).status).toBe(404);
    const moved = await fetch(`http://127.0.0.1:${port}/ban-to-chuc`, { redirect: "manual" });
    expect(moved.status).toBe(301);
    expect(moved.headers.get("location")).toBe("/ban-to-chuc/");
    const desk = await fetch(`http://127.0.0.1:${port}/ban-to-chuc/`);
    expect(desk.status).toBe(200);
    expect(desk.headers.get("content-type")).toContain("text/html");
    const html = await desk.text();
    expect(html).toContain('lang="vi"');
    expect(html).toContain("Trang làm việc của Ban tổ chức đang được hoàn thiện");
    // Another part of the project mounts the desk later: from then on it answers there.
    s.desk((c) => c.text("bàn làm việc"));
    expect(await (await fetch(`http://127.0.0.1:${port}/ban-to-chuc/don-vi`)).text()).toBe("bàn làm việc");
  });
});

describe("HOST", () => {
  it("is 127.0.0.1 unless the operator says otherwise, and the server listens only there", async () => {
    expect(loadConfig({}).host).toBe("127.0.0.1");
    expect(loadConfig({ HOST: "0.0.0.0" }).host).toBe("0.0.0.0");
    expect(loadConfig({ HOST: "::" }).host).toBe("::");
    expect(() => loadConfig({ HOST: "127.0.0.1; rm -rf /" })).toThrow(/HOST/);
    h = await createTestApp({ env: { PORT: "0" } });
    const s = await h.app.http.listen();
    const address = s.server.address();
    expect(typeof address === "object" && address?.address).toBe("127.0.0.1");
  });

  it("listens on every interface when HOST=0.0.0.0", async () => {
    h = await createTestApp({ env: { PORT: "0", HOST: "0.0.0.0" } });
    const s = await h.app.http.listen();
    const address = s.server.address();
    expect(typeof address === "object" && address?.address).toBe("0.0.0.0");
  });
});
