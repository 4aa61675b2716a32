/** Whether Creatify, calling from the internet, can reach a host: loopback, private and local names cannot. */

/** Hosts another machine cannot call back: loopback, private ranges, link-local and local names. */
export function isLocalHost(hostname: string): boolean {
	const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
	// only an IPv6 literal has a colon; a name such as fdx-automation.example.com is a public name
	if (host.includes(':')) return isLocalIpv6(host);
	if (
		host === 'localhost' ||
		host.endsWith('.localhost') ||
		host.endsWith('.local') ||
		host.endsWith('.internal')
	) {
		return true;
	}
	const ipv4 = parseIpv4(host);
	return ipv4 ? isLocalIpv4(ipv4) : !host.includes('.');
}

function parseIpv4(host: string): [number, number] | undefined {
	const match = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(host);
	return match ? [Number(match[1]), Number(match[2])] : undefined;
}

function isLocalIpv4([a, b]: [number, number]): boolean {
	return (
		a === 127 ||
		a === 10 ||
		a === 0 ||
		(a === 172 && b >= 16 && b <= 31) ||
		(a === 192 && b === 168) ||
		(a === 169 && b === 254)
	);
}

/** Loopback, unspecified, unique-local fc00::/7, link-local fe80::/10, and IPv4-mapped local addresses. */
function isLocalIpv6(host: string): boolean {
	if (host === '::1' || host === '::') return true;
	const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(host);
	if (mapped) return isLocalIpv4(parseIpv4(mapped[1])!);
	// the same written in hex, as URL parsing writes it: ::ffff:7f00:1 is 127.0.0.1
	const mappedHex = /^::ffff:([0-9a-f]{1,4}):[0-9a-f]{1,4}$/.exec(host);
	if (mappedHex) {
		const high = parseInt(mappedHex[1], 16);
		return isLocalIpv4([high >> 8, high & 0xff]);
	}
	// the first group written in full: "fc" alone is 0x00fc, outside fc00::/7
	const first = host.split(':')[0];
	return /^f[cd][0-9a-f]{2}$/.test(first) || /^fe[89ab][0-9a-f]$/.test(first);
}

/**
 * Why Creatify could not call this n8n back, or undefined when it can. A Creatify on the same network (a proxy
 * or the simulator, seen from the credential's base URL) can reach a local n8n.
 */
export function callbackReachabilityProblem(
	callbackUrl: string,
	creatifyBaseUrl: string,
): string | undefined {
	const callbackHost = new URL(callbackUrl).hostname;
	if (!isLocalHost(callbackHost)) return undefined;
	if (isLocalHost(new URL(creatifyBaseUrl).hostname)) return undefined;
	return `Creatify cannot call back ${new URL(callbackUrl).origin}: it is a local or private address. Set n8n's WEBHOOK_URL to an address reachable from the internet, or use Wait for Result: Poll Until Done.`;
}
