// Who the client is behind a proxy: the forwarded headers count only from a proxy the operator named.
import { describe, expect, it } from "vitest";
import { allowedHosts, clientOf, hostName } from "../../src/lib/proxy.js";

const facts = (socket: string, forwardedFor?: string, forwardedProto?: string) => ({ socket, forwardedFor, forwardedProto, urlProtocol: "http:" });

describe("clientOf", () => {
  it("ignores X-Forwarded-* from a socket nobody named", () => {
    expect(clientOf(facts("127.0.0.1", "203.0.113.5", "https"), [])).toEqual({ address: "127.0.0.1", https: false });
    expect(clientOf(facts("198.51.100.1", "203.0.113.5", "https"), ["10.0.0.2"])).toEqual({ address: "198.51.100.1", https: false });
  });

  it("behind a named proxy takes the last address that is not a proxy, and the proxy's scheme", () => {
    expect(clientOf(facts("::ffff:127.0.0.1", "1.2.3.4, 203.0.113.5", "https"), ["loopback"])).toEqual({ address: "203.0.113.5", https: true });
    // A client that writes its own X-Forwarded-For only adds to the left of what the proxy appends.
    expect(clientOf(facts("10.0.0.2", "6.6.6.6, 203.0.113.5, 10.0.0.3"), ["10.0.0.2", "10.0.0.3"])).toEqual({ address: "203.0.113.5", https: false });
  });
});

describe("the desk's host names", () => {
  it("PUBLIC_URL's, DESK_HOST's and this machine's, without ports", () => {
    const hosts = allowedHosts({ publicUrl: "https://HoiNghi.example.gov.vn", deskHost: "0.0.0.0" });
    expect([...hosts].sort()).toEqual(["127.0.0.1", "::1", "hoinghi.example.gov.vn", "localhost"]);
    expect(hostName("[::1]:8080")).toBe("::1");
    expect(hostName("Desk.Example.vn.:443")).toBe("desk.example.vn");
    expect(allowedHosts({ deskHost: "10.0.0.5" }).has("10.0.0.5")).toBe(true);
  });
});
