import { fingerprint } from '../../nodes/shared/helpers/fingerprint';

test('the same text has the same fingerprint; texts differing in one character or in order do not', () => {
	const body = JSON.stringify({ id: 'a', status: 'done', output: null });
	expect(fingerprint(body)).toBe(fingerprint(String(body)));
	expect(fingerprint(body)).toMatch(/^\d+:[0-9a-f]{16}$/);
	const others = [
		JSON.stringify({ id: 'a', status: 'done', output: 'https://x/video.mp4' }),
		JSON.stringify({ status: 'done', id: 'a', output: null }),
		body.replace('done', 'dona'),
	];
	for (const other of others) expect(fingerprint(other)).not.toBe(fingerprint(body));
	const many = new Set(Array.from({ length: 20_000 }, (_, k) => fingerprint(`{"id":"${k}"}`)));
	expect(many.size).toBe(20_000);
});
