// Who is on the other end of a request, and over which scheme, when a reverse proxy may stand in
// between. The proxy's headers (X-Forwarded-For, X-Forwarded-Proto) are believed only when the
// connection comes from a proxy the operator named (TRUST_PROXY); anyone else could write them.

/** TRUST_PROXY, parsed: "loopback" and/or exact addresses. Empty: no proxy is trusted. */
export type ProxyTrust = readonly string[];

const LOOPBACK = /^(?:127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1)$/;

/** "::ffff:127.0.0.1" → "127.0.0.1"; "[::1]" → "::1". */
export function plainAddress(address: string): string {
  return address
    .trim()
    .replace(/^\[|\]$/g, "")
    .replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "")
    .toLowerCase();
}

/** Whether `address` is a proxy the operator trusts. */
export function trusted(trust: ProxyTrust, address: string | undefined): boolean {
  if (!address) return false;
  const a = plainAddress(address);
  return trust.some((t) => (t === "loopback" ? LOOPBACK.test(a) : plainAddress(t) === a));
}

export interface RequestFacts {
  /** The socket's peer address (undefined when the request did not come over a socket, as in tests). */
  socket: string | undefined;
  forwardedFor: string | undefined;
  forwardedProto: string | undefined;
  /** The scheme of the request's own URL ("http:" or "https:"). */
  urlProtocol: string;
}

/**
 * The client's address and whether it reached us over https. Behind a trusted proxy: the last
 * address of X-Forwarded-For that is not itself a trusted proxy, and the scheme the proxy reports;
 * otherwise the socket's address and the request's own scheme (the headers are ignored).
 */
export function clientOf(facts: RequestFacts, trust: ProxyTrust): { address: string; https: boolean } {
  const socket = facts.socket ? plainAddress(facts.socket) : "local";
  if (!trusted(trust, facts.socket)) return { address: socket, https: facts.urlProtocol === "https:" };
  const hops = (facts.forwardedFor ?? "")
    .split(",")
    .map((s) => plainAddress(s))
    .filter(Boolean);
  let address = socket;
  for (let i = hops.length - 1; i >= 0; i--) {
    address = hops[i] as string;
    if (!trusted(trust, address)) break;
  }
  const proto = (facts.forwardedProto ?? "").split(",")[0]?.trim().toLowerCase();
  return { address, https: proto ? proto === "https" : facts.urlProtocol === "https:" };
}

/** The host name of a Host header, without its port ("[::1]:8080" → "::1", "Desk.Example.vn." → "desk.example.vn"). */
export function hostName(host: string): string {
  const h = host.trim().toLowerCase();
  const name = h.startsWith("[") ? h.slice(1, h.indexOf("]") > 0 ? h.indexOf("]") : undefined) : h.replace(/:\d*$/, "");
  return name.replace(/\.$/, "");
}

const WILDCARDS = new Set(["0.0.0.0", "::", "[::]"]);

/**
 * The host names the desk answers to: PUBLIC_URL's, DESK_HOST (unless a wildcard) and the forms
 * of this machine (localhost, 127.0.0.1, ::1). Any other Host header is refused: a page elsewhere
 * that points its own name at this machine (DNS rebinding) gets nothing.
 */
export function allowedHosts(options: { publicUrl?: string; deskHost: string }): Set<string> {
  const names = new Set(["localhost", "127.0.0.1", "::1"]);
  if (!WILDCARDS.has(options.deskHost)) names.add(hostName(options.deskHost.includes(":") && !options.deskHost.startsWith("[") ? `[${options.deskHost}]` : options.deskHost));
  if (options.publicUrl) names.add(hostName(new URL(options.publicUrl).host));
  return names;
}
