import { useSimulator } from '../harness/fixture';
import { loadOptionsContext, runCreatify } from '../harness/n8n';
import { PERSONAS } from '../simulator/personas';
import { VOICES } from '../simulator/urlToVideo';
import { listSearch } from '../../nodes/Creatify/methods/listSearch';
import { FAMILIES } from '../../nodes/shared/families';
import { jobPickerMethod } from '../../nodes/shared/families/names';
import { createJob } from '../simulator/jobRequests';

const {
	searchAvatars,
	searchLinks,
	searchVoices,
	searchProductVideoJobs: searchTasks,
	searchUrlToVideoJobs: searchLinkVideos,
} = listSearch;

const { sim, credentials } = useSimulator();

test('the task picker lists tasks newest first, named by image file, status and date', async () => {
	const older = sim.seedTask({
		product_url: 'https://x.example.com/img/red-shoe.png',
		created_at: '2026-11-01T10:00:00.000000-07:00',
	});
	const newer = sim.seedTask({
		product_url: 'https://x.example.com/img/blue-cup.jpg',
		status: 'video_generated',
		created_at: '2026-11-20T09:30:00.000000-07:00',
	});
	const ctx = loadOptionsContext({ operation: 'get' }, credentials());
	const { results } = await searchTasks.call(ctx);
	expect(results.map((r) => r.value)).toEqual([newer.id, older.id]);
	expect(results[0].name).toBe(
		`blue-cup.jpg · video_generated · 2026-11-20 09:30 · ${newer.id.slice(0, 8)}`,
	);
	const filtered = await searchTasks.call(ctx, 'SHOE');
	expect(filtered.results.map((r) => r.value)).toEqual([older.id]);
});

test('the avatar picker pages through the paginated endpoint', async () => {
	const ctx = loadOptionsContext({ operation: 'generateImage' }, credentials());
	const first = await searchAvatars.call(ctx);
	expect(first.results).toHaveLength(50);
	expect(first.paginationToken).toBe('2');
	expect(first.results[0]).toEqual({ name: 'Ava A. (f, adult, casual)', value: PERSONAS[0].id });
	const second = await searchAvatars.call(ctx, undefined, first.paginationToken as string);
	expect(second.results).toHaveLength(10);
	expect(second.paginationToken).toBeUndefined();
	expect(sim.requests.map((r) => r.query)).toEqual([
		{ page: '1', page_size: '50' },
		{ page: '2', page_size: '50' },
	]);
});

test('a picker with a wrong key shows the credential error', async () => {
	const ctx = loadOptionsContext({ operation: 'get' }, credentials({ apiKey: 'nope' }));
	await expect(searchTasks.call(ctx)).rejects.toThrow(
		'Creatify rejected the credentials (HTTP 401)',
	);
});

test('the link picker names links by page title and pages through /api/links/paginated/', async () => {
	const mug = sim.urlToVideo.seedLink('https://shop.example.com/products/mug', {
		title: 'Blue Mug',
	});
	const hat = sim.urlToVideo.seedLink('https://shop.example.com/products/hat', {
		title: 'Red Hat',
	});
	const ctx = loadOptionsContext(
		{ resource: 'urlToVideo', operation: 'createVideo' },
		credentials(),
	);
	const { results, paginationToken } = await searchLinks.call(ctx);
	expect(results).toEqual([
		{ name: `Red Hat · ${hat.id.slice(0, 8)}`, value: hat.id },
		{ name: `Blue Mug · ${mug.id.slice(0, 8)}`, value: mug.id },
	]);
	expect(paginationToken).toBeUndefined();
	expect((await searchLinks.call(ctx, 'mug')).results.map((r) => r.value)).toEqual([mug.id]);
	expect(sim.requests[0]).toMatchObject({ path: '/api/links/paginated/', query: { page: '1' } });
});

test('the voice picker lists every accent of every voice, searchable', async () => {
	const ctx = loadOptionsContext(
		{ resource: 'urlToVideo', operation: 'createVideo' },
		credentials(),
	);
	const { results } = await searchVoices.call(ctx);
	expect(results.map((r) => r.value)).toEqual(VOICES.flatMap((v) => v.accents.map((a) => a.id)));
	expect(results[1].name).toBe('Aria · British · female');
	const leo = await searchVoices.call(ctx, 'austral');
	expect(leo.results.map((r) => r.name)).toEqual(['Leo · Australian · male']);
});

test('the URL to Video picker lists videos by name and status', async () => {
	const link = sim.urlToVideo.seedLink();
	const ctx = loadOptionsContext({ resource: 'urlToVideo', operation: 'get' }, credentials());
	const { error } = await runCreatify({
		parameters: {
			resource: 'urlToVideo',
			operation: 'createVideo',
			linkId: { __rl: true, mode: 'id', value: link.id },
			waitMode: 'none',
			options: { name: 'Summer ad' },
		},
		credentials: credentials(),
	});
	expect(error).toBeUndefined();
	const { results } = await searchLinkVideos.call(ctx);
	expect(results).toHaveLength(1);
	expect(results[0].name).toMatch(/^Summer ad · pending · \d{4}-\d\d-\d\d \d\d:\d\d · /);
});

describe('every picker of the node answers from the API', () => {
	const jobs = new Map<string, string>();
	beforeEach(async () => {
		// a job of every family (URL to Video's also makes a link); nobody listens for their callbacks
		for (const family of FAMILIES)
			jobs.set(jobPickerMethod(family), await createJob(sim, family.name, 'http://127.0.0.1:9/'));
	});

	test.each(Object.keys(listSearch) as Array<keyof typeof listSearch>)('%s', async (method) => {
		const ctx = loadOptionsContext({}, credentials());
		const { results } = await listSearch[method].call(ctx);
		expect(results.length).toBeGreaterThan(0);
		for (const result of results)
			expect(result).toEqual(
				expect.objectContaining({ name: expect.any(String), value: expect.any(String) }),
			);
		const job = jobs.get(method);
		if (job) expect(results.map((r) => r.value)).toContain(job);
	});
});
