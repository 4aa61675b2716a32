/**
 * Input checks that run before any request is sent, so that a typo never costs credits.
 * Each check returns a message that names the field and says how to fix it, or nothing when the value is fine.
 */

/** A Creatify ID: a UUID. The editor's ID fields check the same pattern. */
export const UUID_PATTERN =
	'[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const UUID = new RegExp(`^${UUID_PATTERN}$`);

export const MAX_PRODUCT_URL_LENGTH = 200;

export function isUuid(value: unknown): value is string {
	return typeof value === 'string' && UUID.test(value);
}

export function uuidProblem(field: string, value: unknown): string | undefined {
	if (isUuid(value)) return undefined;
	const shown = typeof value === 'string' ? `"${value}"` : String(value);
	return `${field} must be a Creatify ID (a UUID such as 3f2b8c1e-9a4d-4c1b-8e2f-5a6b7c8d9e0f), got ${shown}`;
}

/** Creatify needs a direct image link (PNG, JPG or WEBP) of at most 200 characters. */
export function productUrlProblem(value: unknown): string | undefined {
	if (typeof value !== 'string' || value.trim() === '') {
		return 'Product URL is empty: give a direct link to the product image (PNG, JPG or WEBP)';
	}
	let url: URL;
	try {
		url = new URL(value.trim());
	} catch {
		return `Product URL "${value}" is not a valid URL: give a direct http(s) link to the product image`;
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		return `Product URL must start with http:// or https://, got "${url.protocol}"`;
	}
	if (value.trim().length > MAX_PRODUCT_URL_LENGTH) {
		return `Product URL is ${value.trim().length} characters long; Creatify accepts at most ${MAX_PRODUCT_URL_LENGTH}. Use a shorter link (for example without tracking parameters)`;
	}
	return undefined;
}

export const MAX_PAGE_URL_LENGTH = 1000;

/** A product page for URL to Video: an http(s) link of at most 1000 characters. */
export function pageUrlProblem(value: unknown): string | undefined {
	const url = typeof value === 'string' ? value.trim() : '';
	if (url === '')
		return 'URL is empty: give the link of a product page, e.g. https://shop.example.com/p/1';
	const problem = httpUrlProblem('URL', url);
	if (problem) return `${problem}: give the link of a product page`;
	if (url.length > MAX_PAGE_URL_LENGTH)
		return `URL is ${url.length} characters long; Creatify accepts at most ${MAX_PAGE_URL_LENGTH}`;
	return undefined;
}

/** Optional links (showcase image, webhook) only need to be http(s). */
export function httpUrlProblem(field: string, value: unknown): string | undefined {
	if (typeof value !== 'string') return `${field} must be a URL`;
	if (/\s/.test(value)) return `${field} must be one http(s) URL without spaces, got "${value}"`;
	try {
		const url = new URL(value);
		if (url.protocol === 'http:' || url.protocol === 'https:') return undefined;
	} catch {
		// reported below
	}
	return `${field} must be an http(s) URL, got "${value}"`;
}

/**
 * Creatify refuses a webhook_url longer than this (200 on the pages of Text to Speech, Aurora, Product Video,
 * AI Avatar, Custom Templates and custom avatars; the node applies it to every family, since a refusal of a
 * follow-up comes after the first step has been paid).
 */
export const MAX_WEBHOOK_URL_LENGTH = 200;

/** A Webhook URL the user gives: http(s), and short enough for Creatify. */
export function webhookUrlProblem(value: unknown): string | undefined {
	const problem = httpUrlProblem('Webhook URL', value);
	if (problem) return problem;
	const { length } = value as string;
	if (length <= MAX_WEBHOOK_URL_LENGTH) return undefined;
	return `Webhook URL is ${length} characters long; Creatify accepts at most ${MAX_WEBHOOK_URL_LENGTH}. Give a shorter URL (a Creatify Trigger's Production URL is n8n's address plus 54 characters)`;
}

export function choiceProblem(
	field: string,
	value: unknown,
	allowed: readonly string[],
): string | undefined {
	if (typeof value === 'string' && allowed.includes(value)) return undefined;
	const shown = allowed.map((v) => (v === '' ? '"" (blank)' : `"${v}"`)).join(', ');
	return `${field} must be one of ${shown}, got "${String(value)}"`;
}

/** People write aspect ratios as 9:16; Creatify wants 9x16. */
export function normalizeAspectRatio(value: unknown): unknown {
	return typeof value === 'string' ? value.trim().replace(':', 'x') : value;
}

/** Job IDs typed as a list: commas, spaces or new lines separate them; duplicates are dropped. */
/** Entries given as a list, or as text separated by commas: each trimmed, empty ones dropped. */
export function commaList(value: unknown): string[] {
	const parts = Array.isArray(value) ? value : String(value ?? '').split(',');
	return parts.map((part) => String(part).trim()).filter(Boolean);
}

export function splitIds(value: unknown): string[] {
	const parts = Array.isArray(value) ? value.map(String) : String(value ?? '').split(/[\s,;]+/);
	return [...new Set(parts.map((p) => p.trim()).filter((p) => p !== ''))];
}

/**
 * URLs typed as a list: one per line, or separated by commas, semicolons or spaces that come before the next
 * http(s) link (a URL may itself hold commas, e.g. an image CDN's /w_300,h_200/). A list from an expression is
 * taken as it is.
 */
export function splitUrls(value: unknown): string[] {
	const parts = Array.isArray(value)
		? value.map(String)
		: String(value ?? '').split(/\s*\n\s*|[\s,;]+(?=https?:\/\/)/);
	return [...new Set(parts.map((p) => p.trim().replace(/[,;]$/, '')).filter((p) => p !== ''))];
}

export function chunk<T>(values: readonly T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let i = 0; i < values.length; i += size) chunks.push(values.slice(i, i + size));
	return chunks;
}
