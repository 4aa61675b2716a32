/** Image Ads against the simulator: the banners of an image, all of them or the sizes chosen, downloaded. */
import type { INodeParameters } from 'n8n-workflow';

import { useSimulator } from '../harness/fixture';
import { failureOf, runCreatify } from '../harness/n8n';

const { sim, credentials } = useSimulator({ videoMs: 60 });
const IMAGE = 'https://shop.example.com/images/lamp.png';

const banners = (options: INodeParameters = {}) => ({
	resource: 'imageAd',
	operation: 'create',
	imageUrl: '={{ $json.image }}',
	options: { pollIntervalSeconds: 1, download: 'banners', ...options },
});

test('every banner is attached, the first to the binary field and the next to _1, _2, …; 2 credits', async () => {
	const { items, error } = await runCreatify({
		parameters: banners(),
		items: [{ image: IMAGE }],
		credentials: credentials(),
	});
	expect(error).toBeUndefined();
	const [item] = items;
	expect((item.json.output as Array<{ size: string }>).map((b) => b.size)).toEqual([
		'300x250',
		'728x90',
		'160x600',
		'320x50',
	]);
	const id = String(item.json.id);
	expect(
		Object.entries(item.binary ?? {}).map(([field, file]) => [field, file.fileName, file.mimeType]),
	).toEqual([
		['data', `${id}-1.png`, 'image/png'],
		['data_1', `${id}-2.png`, 'image/png'],
		['data_2', `${id}-3.png`, 'image/png'],
		['data_3', `${id}-4.png`, 'image/png'],
	]);
	expect(sim.paidAttempts('iab_images')[0].body).toEqual({ image: IMAGE });
	expect(sim.credits).toBe(998);
});

test('Only Banners picks sizes or names; the record still lists every banner', async () => {
	const { items, error } = await runCreatify({
		parameters: banners({ downloadOnly: '320x50, leaderboard', binaryProperty: 'banner' }),
		items: [{ image: IMAGE }],
		credentials: credentials(),
	});
	expect(error).toBeUndefined();
	const urls = (items[0].json.output as Array<{ url: string }>).map((b) => b.url);
	expect(urls).toHaveLength(4);
	expect(Object.keys(items[0].binary ?? {})).toEqual(['banner', 'banner_1']);
	expect(items[0].binary?.banner.fileName).toBe(`${String(items[0].json.id)}-1.png`);
});

test('Only Banners naming no banner is an error naming the job and the sizes it has', async () => {
	const { items } = await runCreatify({
		parameters: banners({ downloadOnly: '970x250' }),
		items: [{ image: IMAGE }],
		credentials: credentials(),
		continueOnFail: true,
	});
	const failure = failureOf(items[0])!;
	expect(failure.message).toMatch(/Image Ad \S+ finished, but none of its files is named 970x250/);
	expect(failure.message).toContain('300x250 / Medium Rectangle');
	expect(sim.paidAttempts()).toHaveLength(1);
});

test('an image format Creatify does not take is its refusal for the item, unpaid', async () => {
	const { items } = await runCreatify({
		parameters: banners(),
		items: [{ image: 'https://shop.example.com/images/lamp.gif' }, { image: IMAGE }],
		credentials: credentials(),
		continueOnFail: true,
	});
	expect(failureOf(items[0])?.message).toMatch(/formats only/);
	expect(items[1].json.status).toBe('done');
	expect(sim.credits).toBe(998);
});
