import {
	apiErrorMessage,
	classifyNetworkError,
	isInsufficientCredits,
	networkErrorCode,
} from '../../nodes/shared/helpers/apiErrors';

describe('apiErrorMessage reads every error shape Creatify uses', () => {
	test('{"detail": ...}', () => {
		expect(apiErrorMessage({ detail: 'Not found.' })).toBe('Not found.');
	});
	test('field errors', () => {
		expect(
			apiErrorMessage({
				product_url: ['This field is required.'],
				aspect_ratio: ['"4x3" is not a valid choice.'],
			}),
		).toBe('product_url: This field is required.; aspect_ratio: "4x3" is not a valid choice.');
	});
	test('a bare array of strings', () => {
		expect(apiErrorMessage(['Task is not ready.', 'Try later.'])).toBe(
			'Task is not ready.; Try later.',
		);
	});
	test('JSON text, plain text, HTML and empty bodies', () => {
		expect(apiErrorMessage('{"detail":"Throttled."}')).toBe('Throttled.');
		expect(apiErrorMessage('upstream timeout')).toBe('upstream timeout');
		expect(apiErrorMessage('<html><body>502 Bad Gateway</body></html>')).toBeUndefined();
		expect(apiErrorMessage('')).toBeUndefined();
		expect(apiErrorMessage({})).toBeUndefined();
		expect(apiErrorMessage(null)).toBeUndefined();
	});
	test('very long bodies are cut', () => {
		expect(apiErrorMessage({ detail: 'x'.repeat(2000) })?.length).toBe(500);
	});
});

test('isInsufficientCredits recognises the wording', () => {
	expect(isInsufficientCredits('Insufficient credits: needs 3')).toBe(true);
	expect(isInsufficientCredits('You do not have enough credits')).toBe(true);
	expect(isInsufficientCredits('Not found.')).toBe(false);
	expect(isInsufficientCredits(undefined)).toBe(false);
});

describe('network errors', () => {
	test('finds the code in the cause chain', () => {
		const inner = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), {
			code: 'ECONNREFUSED',
		});
		const outer = Object.assign(new Error('wrapped'), { cause: inner });
		expect(networkErrorCode(outer)).toBe('ECONNREFUSED');
		expect(networkErrorCode(new Error('socket hang up'))).toBe('ECONNRESET');
		expect(networkErrorCode(new Error('timeout of 60000ms exceeded'))).toBe('ETIMEDOUT');
		expect(networkErrorCode(new Error('something else'))).toBeUndefined();
	});
	test("recovers the code from n8n's friendlier messages", () => {
		const wrapped = (message: string, messages: string[] = []) =>
			Object.assign(new Error(message), { messages });
		expect(
			networkErrorCode(wrapped('The service refused the connection - perhaps it is offline')),
		).toBe('ECONNREFUSED');
		expect(
			networkErrorCode(
				wrapped('The connection to the server was closed unexpectedly, perhaps it is offline.'),
			),
		).toBe('ECONNRESET');
		expect(
			networkErrorCode(
				wrapped("The connection timed out, consider setting the 'Retry on Fail' option"),
			),
		).toBe('ETIMEDOUT');
		expect(networkErrorCode(wrapped('Something', ['connect ECONNREFUSED 127.0.0.1:9']))).toBe(
			'ECONNREFUSED',
		);
		expect(
			networkErrorCode(
				wrapped(
					'The connection cannot be established, this usually occurs due to an incorrect host (domain) value',
				),
			),
		).toBe('ENOTFOUND');
	});
	test('a refused connection was never sent; a reset may have been processed', () => {
		expect(classifyNetworkError('ECONNREFUSED')).toBe('notSent');
		expect(classifyNetworkError('ENOTFOUND')).toBe('notSent');
		expect(classifyNetworkError('ECONNRESET')).toBe('inFlight');
		expect(classifyNetworkError('ETIMEDOUT')).toBe('inFlight');
		expect(classifyNetworkError(undefined)).toBeUndefined();
	});
});
