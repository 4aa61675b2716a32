/** Music against the simulator: the library page by page, its categories, the picker, and URL to Video's use. */
import type { INodeParameters } from 'n8n-workflow';

import { listSearch } from '../../nodes/Creatify/methods/listSearch';
import { rl, useSimulator } from '../harness/fixture';
import { failureOf, loadOptionsContext, runCreatify } from '../harness/n8n';
import { MUSICS } from '../simulator/music';

const { sim, credentials } = useSimulator({ videoMs: 60 });
const musicCalls = () => sim.requests.filter((r) => r.path === '/api/musics/');

test('Get Many with Return All reads every page (Creatify serving fewer per page than asked); a Limit reads one page of that size', async () => {
	const all = await runCreatify({
		parameters: { resource: 'music', operation: 'getMany', returnAll: true },
		credentials: credentials(),
	});
	expect(all.items.map((i) => i.json.url)).toEqual(MUSICS.map((m) => m.url));
	// 100 asked, 50 served (the answer's page_size says so): three pages for 135 tracks
	expect(musicCalls().map((r) => [r.query.page, r.query.page_size])).toEqual([
		['1', '100'],
		['2', '100'],
		['3', '100'],
	]);
	sim.requests.length = 0;
	const some = await runCreatify({
		parameters: {
			resource: 'music',
			operation: 'getMany',
			limit: 5,
			filters: { category: 'Calm', search: 'track 1' },
		},
		credentials: credentials(),
	});
	expect(some.items.map((i) => i.json.name)).toEqual([
		'Calm track 1',
		'Calm track 10',
		'Calm track 11',
		'Calm track 12',
		'Calm track 13',
	]);
	expect(musicCalls().map((r) => r.query)).toEqual([
		{ category: 'Calm', search: 'track 1', page: '1', page_size: '5' },
	]);
});

test('Get Categories lists the categories', async () => {
	const { items } = await runCreatify({
		parameters: { resource: 'music', operation: 'getCategories' },
		credentials: credentials(),
	});
	expect(items.map((i) => i.json.name)).toEqual(['Upbeat', 'Calm', 'Cinematic']);
});

test("the Background Music picker pages through the library, searched by Creatify; a track's value is its URL", async () => {
	const ctx = loadOptionsContext({ resource: 'urlToVideo' }, credentials());
	const first = await listSearch.searchMusics.call(ctx);
	expect(first.results).toHaveLength(50);
	expect(first.results[0]).toMatchObject({ name: 'Upbeat track 1 · Upbeat', value: MUSICS[0].url });
	expect(first.paginationToken).toBe('2');
	const last = await listSearch.searchMusics.call(ctx, undefined, '3');
	expect(last.results).toHaveLength(35);
	expect(last.paginationToken).toBeUndefined();
	const found = await listSearch.searchMusics.call(ctx, 'cinematic track 45');
	expect(found.results.map((r) => r.value)).toEqual([MUSICS.at(-1)!.url]);
});

test("URL to Video sends the picked track's URL as background_music_url; with Background Music URL too, the item is refused unpaid", async () => {
	const video = (options: INodeParameters) => ({
		resource: 'urlToVideo',
		operation: 'createFromUrl',
		url: 'https://shop.example.com/products/lamp',
		waitMode: 'none',
		options,
	});
	const picked = await runCreatify({
		parameters: video({ libraryMusic: rl(MUSICS[3].url, 'list') }),
		credentials: credentials(),
	});
	expect(picked.error).toBeUndefined();
	expect(sim.paidAttempts('link_to_videos')[0].body).toMatchObject({
		background_music_url: MUSICS[3].url,
	});
	const both = await runCreatify({
		parameters: video({
			libraryMusic: rl(MUSICS[3].url, 'list'),
			backgroundMusicUrl: 'https://cdn.example.com/own.mp3',
		}),
		credentials: credentials(),
		continueOnFail: true,
	});
	expect(failureOf(both.items[0])?.message).toMatch(
		/Background Music and Background Music URL are both set/,
	);
	expect(sim.paidAttempts('link_to_videos')).toHaveLength(1);
});
