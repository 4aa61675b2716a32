import {
	eventFor,
	hasDelivery,
	MAX_CALLBACK_BYTES,
	parseCallback,
	RecentKeys,
	recordDelivery,
} from '../../nodes/Creatify/helpers/callbacks';

const ID = '3f2b8c1e-9a4d-4c1b-8e2f-5a6b7c8d9e0f';

describe('parseCallback', () => {
	test('reads the raw bytes when n8n kept them', () => {
		const raw = Buffer.from(JSON.stringify({ id: ID, status: 'video_generated', extra: 1 }));
		expect(parseCallback(raw, {})).toEqual({ ok: true, body: { id: ID, status: 'video_generated', extra: 1 } });
	});
	test('falls back to the parsed body', () => {
		expect(parseCallback(undefined, { id: ID })).toEqual({ ok: true, body: { id: ID } });
	});
	test.each([
		['not JSON', Buffer.from('id=1'), 400, 'invalid_json'],
		['an array', Buffer.from('[]'), 400, 'invalid_body'],
		['a string', Buffer.from('"x"'), 400, 'invalid_body'],
		['no id', Buffer.from('{"status":"failed"}'), 400, 'invalid_body'],
		['a non-UUID id', Buffer.from('{"id":"1234"}'), 400, 'invalid_body'],
		['too large', Buffer.alloc(MAX_CALLBACK_BYTES + 1, 32), 413, 'body_too_large'],
	])('rejects %s', (_name, raw, httpStatus, error) => {
		expect(parseCallback(raw, {})).toMatchObject({ ok: false, httpStatus, error });
	});
	test('the message names the field', () => {
		expect(parseCallback(Buffer.from('{"id":"1234"}'), {})).toMatchObject({ message: 'id: must be a task ID (a UUID)' });
	});
});

test('eventFor maps finished statuses and waits on the rest', () => {
	expect(eventFor('video_generated')).toBe('videoReady');
	expect(eventFor('failed')).toBe('failed');
	expect(eventFor('image_generated')).toBe('imageReady');
	expect(eventFor('image_generating')).toBeUndefined();
	expect(eventFor('video_generating')).toBeUndefined();
	expect(eventFor('video_generating', 'image_generated')).toBe('imageReady');
	expect(eventFor('something_new')).toBeUndefined();
	expect(eventFor(undefined)).toBeUndefined();
});

describe('recordDelivery', () => {
	test('a key is new once', () => {
		const log = {};
		expect(recordDelivery(log, 'a:videoReady', 1)).toBe(true);
		expect(recordDelivery(log, 'a:videoReady', 2)).toBe(false);
		expect(recordDelivery(log, 'a:failed', 3)).toBe(true);
		expect(hasDelivery(log, 'a:videoReady')).toBe(true);
	});
	test('keeps only the newest entries, also after a JSON round trip', () => {
		let log: Record<string, number> = {};
		for (let i = 0; i < 5; i++) recordDelivery(log, `k${i}`, i, 3);
		expect(Object.keys(log)).toEqual(['k2', 'k3', 'k4']);
		log = JSON.parse(JSON.stringify(log));
		recordDelivery(log, 'k5', 5, 3);
		expect(Object.keys(log)).toEqual(['k3', 'k4', 'k5']);
		expect(recordDelivery(log, 'k0', 6, 3)).toBe(true);
	});
});

describe('RecentKeys', () => {
	test('a key can be claimed once until released or expired', () => {
		const keys = new RecentKeys(1000, 100);
		expect(keys.claim('a', 0)).toBe(true);
		expect(keys.claim('a', 10)).toBe(false);
		keys.release('a');
		expect(keys.claim('a', 20)).toBe(true);
		expect(keys.claim('a', 999)).toBe(false);
		expect(keys.claim('a', 1021)).toBe(true);
	});
	test('keeps at most `limit` keys, dropping the oldest', () => {
		const keys = new RecentKeys(60_000, 3);
		for (const key of ['a', 'b', 'c', 'd', 'e']) keys.claim(key, 1);
		expect(keys.claim('a', 2)).toBe(true);
		expect(keys.claim('e', 2)).toBe(false);
	});
});
