/** Where Creatify's API is: the credential's Base URL, or Creatify's own, without a trailing slash. */
export const DEFAULT_BASE_URL = 'https://api.creatify.ai';

export function normalizeBaseUrl(value: unknown): string {
	const text = typeof value === 'string' && value.trim() !== '' ? value.trim() : DEFAULT_BASE_URL;
	return text.replace(/\/+$/, '');
}
