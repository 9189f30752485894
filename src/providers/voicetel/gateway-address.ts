/**
 * A VoiceTel gateway is `host[:port]`, where the host is a routable public IPv4 address or a
 * hostname. Nothing here touches the network: hostnames are judged on their syntax alone.
 */
export type GatewayAddress = { host: string; port?: number };

type Range = { base: number; bits: number };

/**
 * IPv4 ranges that never route on the public Internet (IANA special-purpose registry).
 * Deliberate mock choice: the documentation ranges 192.0.2.0/24, 198.51.100.0/24 and
 * 203.0.113.0/24 are NOT listed, so they are accepted: the spec's own examples use them, and a
 * client's tests should be able to send exactly what the documentation shows.
 */
const UNROUTABLE: Range[] = [
  range('0.0.0.0', 8), // "this network"
  range('10.0.0.0', 8), // private
  range('100.64.0.0', 10), // carrier-grade NAT
  range('127.0.0.0', 8), // loopback
  range('169.254.0.0', 16), // link-local
  range('172.16.0.0', 12), // private
  range('192.0.0.0', 24), // IETF protocol assignments
  range('192.88.99.0', 24), // deprecated 6to4 relay anycast
  range('192.168.0.0', 16), // private
  range('198.18.0.0', 15), // benchmarking
  range('224.0.0.0', 4), // multicast
  range('240.0.0.0', 4), // reserved, and the broadcast address
];

/** Special-use names that by definition never resolve to a public address (RFC 6761). */
const UNROUTABLE_TLDS = new Set(['invalid', 'localhost']);
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const DIGITS_AND_DOTS = /^[0-9.]+$/;
const PORT = /^[1-9][0-9]{0,4}$/;

/** The gateway's host and port, or undefined when it is malformed or not routable. */
export function parseGateway(text: string): GatewayAddress | undefined {
  const parts = text.split(':');
  if (parts.length > 2) return undefined; // IPv6 and stray colons: VoiceTel routes IPv4 only
  const [host, portText] = parts;
  let port: number | undefined;
  if (portText !== undefined) {
    if (!PORT.test(portText) || Number(portText) > 65535) return undefined;
    port = Number(portText);
  }
  const routable = DIGITS_AND_DOTS.test(host) ? isPublicIpv4(host) : isPublicHostname(host);
  return routable ? { host: host.toLowerCase().replace(/\.$/, ''), port } : undefined;
}

/**
 * What makes two gateways the same: the host (case-insensitive) and the port as written. A gateway
 * without a port and the same one with `:5060` are different rows, as two strings are in the
 * provider's table.
 */
export function gatewayKey(address: GatewayAddress): string {
  return address.port === undefined ? address.host : `${address.host}:${address.port}`;
}

function isPublicIpv4(host: string): boolean {
  const value = ipv4Value(host);
  if (value === undefined) return false;
  return !UNROUTABLE.some(({ base, bits }) => (value >>> (32 - bits)) === (base >>> (32 - bits)));
}

/** The address as an unsigned 32-bit number, for a strict dotted quad (no leading zeros). */
function ipv4Value(host: string): number | undefined {
  const octets = host.split('.');
  if (octets.length !== 4) return undefined;
  let value = 0;
  for (const octet of octets) {
    if (!/^(?:0|[1-9][0-9]{0,2})$/.test(octet) || Number(octet) > 255) return undefined;
    value = value * 256 + Number(octet);
  }
  return value;
}

/**
 * A fully qualified name (at least two labels) whose top-level label is not numeric: a single
 * label like `pbx` or `localhost` can only resolve inside a private network.
 */
function isPublicHostname(host: string): boolean {
  if (host.length > 253) return false;
  const labels = host.toLowerCase().replace(/\.$/, '').split('.');
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) return false;
  const tld = labels[labels.length - 1];
  return !/^[0-9]+$/.test(tld) && !UNROUTABLE_TLDS.has(tld);
}

function range(address: string, bits: number): Range {
  return { base: ipv4Value(address)!, bits };
}
