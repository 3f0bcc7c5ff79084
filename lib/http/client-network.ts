import ipaddr from "ipaddr.js";

// Whom a per-IP limit counts. One IPv4 address is one client (or one NAT); an IPv6 subscriber is
// given a whole /64 (RFC 6177, RIPE-690) and can take a fresh address from it for every request,
// so IPv6 is counted by its /64 network. An IPv4-mapped IPv6 address (::ffff:192.0.2.1, as a
// dual-stack socket reports IPv4 peers) is its IPv4 address.

/** The key a per-IP limit counts `ip` under: the IPv4 address, or the IPv6 address's /64 network. */
export function rateLimitKeyOf(ip: string): string {
  if (!ipaddr.isValid(ip)) return ip;
  const address = ipaddr.process(ip);
  if (address.kind() === "ipv4") return address.toString();
  const network = (address as ipaddr.IPv6).parts.slice(0, 4).concat([0, 0, 0, 0]);
  return `${new ipaddr.IPv6(network).toString()}/64`;
}
