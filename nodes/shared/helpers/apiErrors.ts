/**
 * Creatify's error bodies are not formally documented. Three shapes are seen: `{"detail": "..."}`,
 * `{"field": ["message", ...]}` and a bare array of strings. These helpers turn any of them into one line.
 */

const MAX_MESSAGE_LENGTH = 500;

function flatten(value: unknown): string[] {
	if (value === null || value === undefined) return [];
	if (typeof value === 'string') return value.trim() === '' ? [] : [value.trim()];
	if (typeof value === 'number' || typeof value === 'boolean') return [String(value)];
	if (Array.isArray(value)) return value.flatMap(flatten);
	if (typeof value === 'object') {
		return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) => {
			const texts = flatten(inner);
			if (['detail', 'message', 'error', 'non_field_errors', 'errors'].includes(key)) return texts;
			return texts.map((text) => `${key}: ${text}`);
		});
	}
	return [];
}

/** The API's own words for an error body, or undefined when the body says nothing readable. */
export function apiErrorMessage(body: unknown): string | undefined {
	let parsed = body;
	if (typeof body === 'string') {
		const text = body.trim();
		if (text === '') return undefined;
		try {
			parsed = JSON.parse(text);
		} catch {
			// an HTML error page from a proxy says nothing useful beyond its status code
			return text.startsWith('<') ? undefined : text.slice(0, MAX_MESSAGE_LENGTH);
		}
	}
	const message = flatten(parsed).join('; ');
	return message === '' ? undefined : message.slice(0, MAX_MESSAGE_LENGTH);
}

export function isInsufficientCredits(message: string | undefined): boolean {
	return (
		message !== undefined && /\b(insufficient|enough|out of|no(\s+more)?)\s+credit/i.test(message)
	);
}

/** Network failures where the request certainly never reached the server. */
const NOT_SENT_CODES = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
]);
/** Failures after the request may have reached the server (it may have been processed). */
const IN_FLIGHT_CODES = new Set([
	'ECONNRESET',
	'ETIMEDOUT',
	'ECONNABORTED',
	'EPIPE',
	'ESOCKETTIMEDOUT',
	'ERR_BAD_RESPONSE',
	'ERR_STREAM_PREMATURE_CLOSE',
]);

export type NetworkFailure = 'notSent' | 'inFlight';

/**
 * n8n wraps request failures in its own error and replaces Node's message ("connect ECONNREFUSED …") with a
 * friendlier sentence, dropping the original error. These are the sentences (n8n's COMMON_ERRORS) and the raw
 * texts, so the code can be recovered from whichever form arrives.
 */
const CODE_TEXTS: Array<[RegExp, string]> = [
	[/ECONNREFUSED|refused the connection/i, 'ECONNREFUSED'],
	[/ENOTFOUND|incorrect host|GETADDRINFO/i, 'ENOTFOUND'],
	[/EAI_AGAIN|DNS server returned an error/i, 'EAI_AGAIN'],
	[/EHOSTUNREACH|host is unreachable/i, 'EHOSTUNREACH'],
	[/ENETUNREACH/i, 'ENETUNREACH'],
	[/ECONNRESET|socket hang up|closed unexpectedly/i, 'ECONNRESET'],
	[/ECONNABORTED|connection was aborted/i, 'ECONNABORTED'],
	[/ETIMEDOUT|ESOCKETTIMEDOUT|timeout of \d+ms exceeded|timed out/i, 'ETIMEDOUT'],
	[/EPIPE/i, 'EPIPE'],
];

function texts(error: object): string[] {
	const { message, description, messages } = error as {
		message?: unknown;
		description?: unknown;
		messages?: unknown;
	};
	return [message, description, ...(Array.isArray(messages) ? messages : [])].filter(
		(t): t is string => typeof t === 'string',
	);
}

/** Finds the network error code of a failed request, looking through n8n's wrapping. */
export function networkErrorCode(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 6 && current && typeof current === 'object'; depth++) {
		const code = (current as { code?: unknown }).code;
		if (typeof code === 'string' && (NOT_SENT_CODES.has(code) || IN_FLIGHT_CODES.has(code))) {
			return code;
		}
		for (const text of texts(current)) {
			const match = CODE_TEXTS.find(([pattern]) => pattern.test(text));
			if (match) return match[1];
		}
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
}

export function classifyNetworkError(code: string | undefined): NetworkFailure | undefined {
	if (code === undefined) return undefined;
	if (NOT_SENT_CODES.has(code)) return 'notSent';
	return 'inFlight';
}
