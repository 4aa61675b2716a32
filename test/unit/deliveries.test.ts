import { DeliveryBook } from '../../nodes/CreatifyTrigger/deliveries';
import type { DeliveryLog } from '../../nodes/CreatifyTrigger/deliveries';
import { RecentKeys } from '../../nodes/shared/helpers/recentKeys';

describe('DeliveryBook', () => {
	/** what n8n does per webhook request: a fresh copy of the stored static data, saved whole afterwards */
	const load = (stored: DeliveryLog): DeliveryLog => JSON.parse(JSON.stringify(stored));

	test('a job event is new once', () => {
		const book = new DeliveryBook();
		const copy = book.attach({}, 0);
		expect(book.record('a:videoReady', 1, copy)).toBe(true);
		expect(book.record('a:videoReady', 2, copy)).toBe(false);
		expect(book.record('a:failed', 3, copy)).toBe(true);
		expect(book.has('a:videoReady')).toBe(true);
		expect(book.has('b:videoReady')).toBe(false);
	});

	test('requests in flight together: whichever copy is saved last holds every record', () => {
		const book = new DeliveryBook();
		let stored: DeliveryLog = {};
		const logs = [load(stored), load(stored), load(stored)];
		const copies = logs.map((log) => book.attach(log, 0));
		book.record('a:videoReady', 1, copies[0]);
		book.record('b:videoReady', 2, copies[1]);
		book.record('c:videoReady', 3, copies[2]);
		for (const log of [logs[2], logs[0], logs[1]]) stored = load(log); // saves land in any order
		expect(Object.keys(stored).sort()).toEqual(['a:videoReady', 'b:videoReady', 'c:videoReady']);
	});

	test('learns what another process saved, and puts back what an overwrite dropped', () => {
		const here = new DeliveryBook();
		here.record('mine:videoReady', 1, here.attach({}, 0));
		const theirs = { 'theirs:videoReady': 2 }; // another process saved over ours
		const log = load(theirs);
		const copy = here.attach(log, 3);
		expect(here.has('theirs:videoReady')).toBe(true);
		here.record('next:videoReady', 4, copy);
		expect(log).toEqual({
			'mine:videoReady': 1,
			'theirs:videoReady': 2,
			'next:videoReady': 4,
		});
	});

	test('a request that records nothing leaves its copy untouched (n8n then does not save it)', () => {
		const book = new DeliveryBook();
		const quiet = {};
		book.attach(quiet, 0);
		book.record('a:videoReady', 1, book.attach({}, 0));
		expect(quiet).toEqual({});
	});

	test("a record dropped by another process's save is put back by the next request, whose copy is then saved", () => {
		const book = new DeliveryBook();
		const first = book.attach({}, 0);
		book.record('a:videoReady', 1, first);
		const quiet = {};
		book.attach(quiet, 1); // while a's own request is still to save it: nothing is missing
		expect(quiet).toEqual({});
		book.close(first);
		const overwritten = { 'theirs:videoReady': 2 }; // another process saved without a
		book.attach(overwritten, 3);
		expect(overwritten).toEqual({ 'a:videoReady': 1, 'theirs:videoReady': 2 });
	});

	test('a full log trimmed by another process: records older than its oldest are not counted as dropped', () => {
		const book = new DeliveryBook(3);
		const mine = book.attach({}, 0);
		book.record('old:videoReady', 1, mine);
		book.close(mine);
		const full = { 'x:videoReady': 5, 'y:videoReady': 6, 'z:videoReady': 7 };
		book.attach(full, 8);
		expect(full).toEqual({ 'x:videoReady': 5, 'y:videoReady': 6, 'z:videoReady': 7 });
	});

	test('a copy loaded long ago no longer receives records', () => {
		const book = new DeliveryBook(1000, 60_000);
		const old = {};
		book.record('first:videoReady', 0, book.attach(old, 0));
		book.record('late:videoReady', 61_001, book.attach({}, 61_000));
		expect(old).toEqual({ 'first:videoReady': 0 });
	});

	test('a copy whose request was answered no longer receives records', () => {
		const book = new DeliveryBook();
		const answered = {};
		const copy = book.attach(answered, 0);
		book.record('first:videoReady', 0, copy);
		book.close(copy);
		const open = {};
		book.record('late:videoReady', 2, book.attach(open, 1));
		expect(answered).toEqual({ 'first:videoReady': 0 });
		expect(open).toEqual({ 'first:videoReady': 0, 'late:videoReady': 2 });
	});

	test('a forgotten delivery leaves the copies saved later, and a copy that still has it does not teach it back', () => {
		const book = new DeliveryBook();
		const saved = {};
		const first = book.attach(saved, 0);
		book.record('gone:videoReady', 1, first);
		const stored = load(saved); // another request saved it before the execution failed to start
		book.forget('gone:videoReady');
		expect(saved).toEqual({});
		const log = load(stored);
		const copy = book.attach(log, 2);
		expect(book.has('gone:videoReady')).toBe(false);
		book.record('other:videoReady', 3, copy);
		expect(log).toEqual({ 'other:videoReady': 3 });
		expect(book.record('gone:videoReady', 4, copy)).toBe(true);
	});

	test('a record reads each open copy a fixed number of times, however long its log', () => {
		// n8n hands static data over as proxies: count what a record does to them
		let operations = 0;
		const counted = (log: DeliveryLog): DeliveryLog =>
			new Proxy(log, {
				get: (target, key) => (operations++, Reflect.get(target, key)),
				set: (target, key, value) => (operations++, Reflect.set(target, key, value)),
				ownKeys: (target) => ((operations += Object.keys(target).length), Reflect.ownKeys(target)),
			});
		const full: DeliveryLog = {};
		for (let i = 0; i < 1000; i++) full[`old${i}:videoReady`] = i;
		const book = new DeliveryBook();
		for (let c = 0; c < 50; c++)
			book.record(`c${c}:videoReady`, 1000, book.attach(counted({ ...full }), 1000));
		const recorder = book.attach({}, 1000);
		book.record('start:videoReady', 1000, recorder);
		operations = 0;
		for (let i = 0; i < 40; i++) book.record(`new${i}:videoReady`, 2000 + i, recorder);
		// two operations per copy and record (1,051 + 40 entries: no trim yet)
		expect(operations).toBeLessThanOrEqual(40 * 50 * 2);
		for (let i = 40; i < 150; i++) book.record(`new${i}:videoReady`, 2000 + i, recorder);
		// the tenth over the limit is reached once: each copy is trimmed once, to the newest 1,000
		expect(operations).toBeLessThan(150 * 50 * 2 + 50 * 1200 * 3);
	});

	test('keeps the newest entries within the limit (plus a tenth), also after a JSON round trip', () => {
		const book = new DeliveryBook(10);
		let stored: DeliveryLog = {};
		for (let i = 0; i < 30; i++) {
			const log = load(stored);
			book.record(`k${i}`, i, book.attach(log, i));
			stored = load(log);
			expect(Object.keys(stored).length).toBeLessThanOrEqual(11);
		}
		expect(Object.keys(stored)).toContain('k29');
		expect(Object.keys(stored)).not.toContain('k0');
		expect(book.has('k29')).toBe(true);
		expect(book.has('k5')).toBe(false);
		// an old key forgotten everywhere counts as new again
		expect(book.record('k0', 31, book.attach(load(stored), 31))).toBe(true);
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
