import {
	chunk,
	choiceProblem,
	httpUrlProblem,
	isUuid,
	normalizeAspectRatio,
	productUrlProblem,
	splitIds,
	commaList,
	uuidProblem,
} from '../../nodes/shared/helpers/validation';

const ID = '3f2b8c1e-9a4d-4c1b-8e2f-5a6b7c8d9e0f';

describe('isUuid / uuidProblem', () => {
	test.each([ID, ID.toUpperCase()])('accepts %s', (value) => {
		expect(isUuid(value)).toBe(true);
		expect(uuidProblem('Task ID', value)).toBeUndefined();
	});
	test.each([
		'',
		'abc',
		`${ID}x`,
		` ${ID}`,
		'3f2b8c1e9a4d4c1b8e2f5a6b7c8d9e0f',
		42,
		null,
		undefined,
	])('rejects %p and names the field', (value) => {
		expect(isUuid(value)).toBe(false);
		expect(uuidProblem('Task ID', value)).toMatch(/^Task ID must be .*UUID/);
	});
});

describe('productUrlProblem', () => {
	test('accepts a direct https image link', () => {
		expect(productUrlProblem('https://shop.example.com/p/bottle.png')).toBeUndefined();
	});
	test('rejects empty, non-URL, non-http and too-long values with a reason', () => {
		expect(productUrlProblem('')).toMatch(/empty/);
		expect(productUrlProblem('bottle.png')).toMatch(/not a valid URL/);
		expect(productUrlProblem('ftp://example.com/a.png')).toMatch(/http:\/\/ or https:\/\//);
		const long = `https://example.com/${'a'.repeat(190)}.png`;
		expect(productUrlProblem(long)).toMatch(/at most 200/);
		expect(productUrlProblem(`https://example.com/${'a'.repeat(176)}.png`)).toBeUndefined();
	});
});

test('httpUrlProblem accepts http(s) only', () => {
	expect(httpUrlProblem('Webhook URL', 'https://n8n.example.com/webhook/x')).toBeUndefined();
	expect(httpUrlProblem('Webhook URL', 'n8n.example.com')).toMatch(
		/Webhook URL must be an http\(s\) URL/,
	);
	expect(httpUrlProblem('Webhook URL', 'mailto:a@b.c')).toMatch(/must be an http/);
});

test('choiceProblem lists the allowed values', () => {
	expect(choiceProblem('Motion Style', 'talking', ['talking', 'display'])).toBeUndefined();
	expect(choiceProblem('Motion Style', 'dance', ['talking', 'display'])).toBe(
		'Motion Style must be one of "talking", "display", got "dance"',
	);
	expect(choiceProblem('Motion Style', '', ['talking', ''])).toBeUndefined();
	expect(choiceProblem('Motion Style', 'x', ['talking', ''])).toBe(
		'Motion Style must be one of "talking", "" (blank), got "x"',
	);
});

test('normalizeAspectRatio turns 9:16 into 9x16', () => {
	expect(normalizeAspectRatio(' 9:16 ')).toBe('9x16');
	expect(normalizeAspectRatio('16x9')).toBe('16x9');
	expect(normalizeAspectRatio(undefined)).toBeUndefined();
});

test('commaList takes a list as it is, or text split on commas, trimmed, empties dropped', () => {
	expect(commaList(' BenefitsV2, DIY ,, ')).toEqual(['BenefitsV2', 'DIY']);
	expect(commaList([' a ', 'b', ''])).toEqual(['a', 'b']);
	expect(commaList(undefined)).toEqual([]);
});

test('splitIds splits on commas, spaces and new lines and drops duplicates', () => {
	expect(splitIds(` a, b\nc;;a `)).toEqual(['a', 'b', 'c']);
	expect(splitIds('')).toEqual([]);
	expect(splitIds(undefined)).toEqual([]);
	expect(splitIds(['x', ' y ', 'x'])).toEqual(['x', 'y']);
});

test('chunk cuts into groups of at most n', () => {
	expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
	expect(chunk([], 100)).toEqual([]);
	const ids = Array.from({ length: 250 }, (_, i) => i);
	expect(chunk(ids, 100).map((c) => c.length)).toEqual([100, 100, 50]);
});
