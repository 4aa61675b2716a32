/** Pure rules of waiting for renders: how long to wait between status checks, and whether Creatify can call back. */
import type { BackoffPolicy } from './backoff';

export function pollPolicy(initialSeconds: number, maxSeconds: number): BackoffPolicy {
	const initialMs = Math.max(1, initialSeconds) * 1000;
	return { initialMs, maxMs: Math.max(initialMs, maxSeconds * 1000), factor: 1.5 };
}

/** Hosts another machine cannot call back: loopback, private ranges, link-local and local names. */
export function isLocalHost(hostname: string): boolean {
	const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
	if (
		host === 'localhost' ||
		host.endsWith('.localhost') ||
		host.endsWith('.local') ||
		host.endsWith('.internal')
	) {
		return true;
	}
	if (host === '::1' || host.startsWith('fe80:') || host.startsWith('fc') || host.startsWith('fd'))
		return true;
	const ipv4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(host);
	if (!ipv4) return !host.includes('.');
	const [a, b] = [Number(ipv4[1]), Number(ipv4[2])];
	return (
		a === 127 ||
		a === 10 ||
		a === 0 ||
		(a === 172 && b >= 16 && b <= 31) ||
		(a === 192 && b === 168) ||
		(a === 169 && b === 254)
	);
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

/** Builds the URL of this node's waiting webhook from n8n's resume URL (which may carry a signature query). */
export function nodeResumeUrl(resumeUrl: string, nodeId: string): string {
	const url = new URL(resumeUrl);
	url.pathname = `${url.pathname.replace(/\/+$/, '')}/${nodeId}`;
	return url.toString();
}
