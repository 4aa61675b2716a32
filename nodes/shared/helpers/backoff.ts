/** Delays between attempts: exponential, capped, with the server's Retry-After taking precedence. */

export interface BackoffPolicy {
	/** delay before the first retry, ms */
	initialMs: number;
	/** upper bound for any one delay, ms (also caps a Retry-After the server asks for) */
	maxMs: number;
	factor: number;
}

/** The schedule of status checks while polling: from the first interval, growing to the longest. */
export function pollPolicy(initialSeconds: number, maxSeconds: number): BackoffPolicy {
	const initialMs = Math.max(1, initialSeconds) * 1000;
	return { initialMs, maxMs: Math.max(initialMs, maxSeconds * 1000), factor: 1.5 };
}

export function backoffDelay(policy: BackoffPolicy, attempt: number): number {
	const delay = policy.initialMs * Math.pow(policy.factor, Math.max(0, attempt));
	return Math.min(policy.maxMs, Math.round(delay));
}

/**
 * Retry-After is either delta-seconds or an HTTP date (RFC 9110). Returns ms to wait, or undefined when the
 * header is absent or unreadable.
 */
export function parseRetryAfter(header: unknown, now: number = Date.now()): number | undefined {
	const value = Array.isArray(header) ? header[0] : header;
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const text = String(value).trim();
	if (text === '') return undefined;
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
	const date = Date.parse(text);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - now);
}

export function retryDelay(
	policy: BackoffPolicy,
	attempt: number,
	retryAfterHeader: unknown,
	now?: number,
): number {
	const asked = parseRetryAfter(retryAfterHeader, now);
	return asked === undefined ? backoffDelay(policy, attempt) : Math.min(policy.maxMs, asked);
}
