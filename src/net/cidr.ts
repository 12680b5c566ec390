// IPv4/IPv6 addresses and CIDR ranges as bigints, for trusted-proxy and ban-list checks.

export interface Cidr {
  readonly text: string;
  readonly v6: boolean;
  readonly base: bigint;
  readonly bits: number;
}

function parseV4(s: string): bigint | null {
  const parts = s.split(".");
  if (parts.length !== 4) return null;
  let n = 0n;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return null;
    const v = Number(p);
    if (v > 255) return null;
    n = (n << 8n) | BigInt(v);
  }
  return n;
}

function parseV6(s: string): bigint | null {
  let text = s;
  let tail: bigint | null = null;
  const lastColon = text.lastIndexOf(":");
  if (text.includes(".", lastColon)) {
    // IPv4-mapped / embedded IPv4 tail: ::ffff:1.2.3.4
    tail = parseV4(text.slice(lastColon + 1));
    if (tail === null) return null;
    text = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(":") : [];
  const rest = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...rest];
  let n = 0n;
  for (const g of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
    n = (n << 16n) | BigInt(Number.parseInt(g, 16));
  }
  if (tail !== null) n = (n & ~0xffffffffn) | tail;
  return n;
}

/** Parses an IP address; IPv4-mapped IPv6 (::ffff:a.b.c.d) is returned as plain IPv4. */
export function parseIp(input: string): { v6: boolean; value: bigint } | null {
  const s = input.trim().replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  if (!s.includes(":")) {
    const v = parseV4(s);
    return v === null ? null : { v6: false, value: v };
  }
  const v = parseV6(s);
  if (v === null) return null;
  if (v >> 32n === 0xffffn) return { v6: false, value: v & 0xffffffffn };
  return { v6: true, value: v };
}

export function parseCidr(input: string): Cidr | null {
  const [addr, len, extra] = input.trim().split("/");
  if (addr === undefined || extra !== undefined) return null;
  const ip = parseIp(addr);
  if (!ip) return null;
  const max = ip.v6 ? 128 : 32;
  let bits = max;
  if (len !== undefined) {
    if (!/^\d{1,3}$/.test(len)) return null;
    bits = Number(len);
    if (bits > max) return null;
  }
  const mask = bits === 0 ? 0n : ((1n << BigInt(bits)) - 1n) << BigInt(max - bits);
  return { text: input.trim(), v6: ip.v6, base: ip.value & mask, bits };
}

export function cidrContains(cidr: Cidr, ip: string): boolean {
  const parsed = parseIp(ip);
  if (!parsed || parsed.v6 !== cidr.v6) return false;
  const max = cidr.v6 ? 128 : 32;
  const shift = BigInt(max - cidr.bits);
  return parsed.value >> shift === cidr.base >> shift;
}

/**
 * The unit rate limits and automatic bans apply to: an IPv4 address, or the /64 of an IPv6 one
 * (a single host usually has a whole /64 to rotate through).
 */
export function abuseSubject(ip: string): string {
  const parsed = parseIp(ip);
  if (!parsed) return ip;
  if (!parsed.v6) return [24, 16, 8, 0].map((s) => Number((parsed.value >> BigInt(s)) & 255n)).join(".");
  const prefix = parsed.value >> 64n;
  const groups = [48n, 32n, 16n, 0n].map((s) => ((prefix >> s) & 0xffffn).toString(16));
  return `${groups.join(":")}::/64`;
}
