// The real client IP: the socket peer, or — only when that peer is a trusted proxy — the
// right-most X-Forwarded-For hop that is not itself a trusted proxy.
import { cidrContains, parseCidr, parseIp, type Cidr } from "../net/cidr.ts";

export const compileCidrs = (list: readonly string[]): Cidr[] => list.map((s) => parseCidr(s)).filter((c): c is Cidr => c !== null);

/** "::ffff:10.0.0.1" → "10.0.0.1"; other addresses unchanged. */
export function displayIp(ip: string): string {
  return ip.startsWith("::") && /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(ip) ? ip.slice(7) : ip;
}

export function resolveClientIp(socketIp: string | undefined, forwardedFor: string | null, trusted: readonly Cidr[]): string | undefined {
  if (!socketIp) return undefined;
  const isTrusted = (ip: string) => trusted.some((c) => cidrContains(c, ip));
  if (!forwardedFor || !isTrusted(socketIp)) return displayIp(socketIp);
  const hops = forwardedFor.split(",").map((h) => h.trim()).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (!parseIp(hop)) return displayIp(socketIp); // a forged or garbled header: trust nothing in it
    if (!isTrusted(hop)) return displayIp(hop);
  }
  return hops.length ? displayIp(hops[0]!) : displayIp(socketIp);
}
