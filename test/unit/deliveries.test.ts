import { DeliveryBook } from '../../nodes/CreatifyTrigger/deliveries';
import type { DeliveryLog } from '../../nodes/CreatifyTrigger/deliveries';
import { RecentKeys } from '../../nodes/shared/helpers/recentKeys';

describe('DeliveryBook', () => {
	/** what n8n does per webhook request: a fresh copy of the stored static data, saved whole afterwards */
	const load = (stored: DeliveryLog): DeliveryLog => JSON.parse(JSON.stringify(stored));

	test('a task event is new once', () => {
		const book = new DeliveryBook();
		book.attach({}, 0);
		expect(book.record('a:videoReady', 1)).toBe(true);
		expect(book.record('a:videoReady', 2)).toBe(false);
		expect(book.record('a:failed', 3)).toBe(true);
		expect(book.has('a:videoReady')).toBe(true);
		expect(book.has('b:videoReady')).toBe(false);
	});

	test('requests in flight together: whichever copy is saved last holds every record', () => {
		const book = new DeliveryBook();
		let stored: DeliveryLog = {};
		const copies = [load(stored), load(stored), load(stored)];
		for (const copy of copies) book.attach(copy, 0);
		book.record('a:videoReady', 1);
		book.record('b:videoReady', 2);
		book.record('c:videoReady', 3);
		for (const copy of [copies[2], copies[0], copies[1]]) stored = load(copy); // saves land in any order
		expect(Object.keys(stored).sort()).toEqual(['a:videoReady', 'b:videoReady', 'c:videoReady']);
	});

	test('learns what another process saved, and puts back what an overwrite dropped', () => {
		const here = new DeliveryBook();
		here.attach({}, 0);
		here.record('mine:videoReady', 1);
		const theirs = { 'theirs:videoReady': 2 }; // another process saved over ours
		const copy = load(theirs);
		here.attach(copy, 3);
		expect(here.has('theirs:videoReady')).toBe(true);
		expect(copy).toEqual({ 'mine:videoReady': 1, 'theirs:videoReady': 2 });
	});

	test('a copy loaded long ago no longer receives records', () => {
		const book = new DeliveryBook(1000, 60_000);
		const old = {};
		book.attach(old, 0);
		book.attach({}, 61_000);
		book.record('late:videoReady', 61_001);
		expect(old).toEqual({});
	});

	test('keeps the newest entries within the limit (plus a tenth), also after a JSON round trip', () => {
		const book = new DeliveryBook(10);
		let stored: DeliveryLog = {};
		for (let i = 0; i < 30; i++) {
			const copy = load(stored);
			book.attach(copy, i);
			book.record(`k${i}`, i);
			stored = load(copy);
			expect(Object.keys(stored).length).toBeLessThanOrEqual(11);
		}
		expect(Object.keys(stored)).toContain('k29');
		expect(Object.keys(stored)).not.toContain('k0');
		expect(book.has('k29')).toBe(true);
		expect(book.has('k5')).toBe(false);
		// an old key forgotten everywhere counts as new again
		expect(book.record('k0', 31)).toBe(true);
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
