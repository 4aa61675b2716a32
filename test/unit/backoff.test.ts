import { backoffDelay, parseRetryAfter, retryDelay } from '../../nodes/shared/helpers/backoff';

const policy = { initialMs: 1000, maxMs: 30_000, factor: 2 };

test('backoff grows exponentially up to the cap', () => {
	expect([0, 1, 2, 3, 4, 5, 6].map((a) => backoffDelay(policy, a))).toEqual([
		1000, 2000, 4000, 8000, 16000, 30000, 30000,
	]);
});

describe('parseRetryAfter', () => {
	test('reads delta-seconds', () => {
		expect(parseRetryAfter('3')).toBe(3000);
		expect(parseRetryAfter('0')).toBe(0);
		expect(parseRetryAfter('1.5')).toBe(1500);
		expect(parseRetryAfter(['2'])).toBe(2000);
	});
	test('reads an HTTP date relative to now', () => {
		const now = Date.parse('2026-11-29T10:00:00Z');
		expect(parseRetryAfter('Sun, 29 Nov 2026 10:00:07 GMT', now)).toBe(7000);
		expect(parseRetryAfter('Sun, 29 Nov 2026 09:00:00 GMT', now)).toBe(0);
	});
	test('ignores absent or unreadable values', () => {
		expect(parseRetryAfter(undefined)).toBeUndefined();
		expect(parseRetryAfter('')).toBeUndefined();
		expect(parseRetryAfter('soon')).toBeUndefined();
	});
});

test('retryDelay prefers Retry-After but never waits past the cap', () => {
	expect(retryDelay(policy, 0, '5')).toBe(5000);
	expect(retryDelay(policy, 0, '600')).toBe(30_000);
	expect(retryDelay(policy, 2, undefined)).toBe(4000);
});
