/** URL to Video against the simulator: links, paid videos, waiting, errors and downloads. */
import type { INodeParameters } from 'n8n-workflow';

import { rl, useSimulator } from '../harness/fixture';
import { failureOf, runCreatify } from '../harness/n8n';
import { PERSONAS } from '../simulator/personas';
import { VOICES } from '../simulator/urlToVideo';

const { sim, credentials } = useSimulator({ videoMs: 80 });

const PAGE = 'https://shop.example.com/products/bottle';
const FAST_POLL = { pollIntervalSeconds: 1, maxPollIntervalSeconds: 1 };
const pages = (...urls: string[]) => urls.map((url) => ({ url }));

function createFromUrl(
	extra: INodeParameters = {},
	options: INodeParameters = {},
): INodeParameters {
	return {
		resource: 'urlToVideo',
		operation: 'createFromUrl',
		url: '={{ $json.url }}',
		options: { ...FAST_POLL, ...options },
		...extra,
	};
}

const linkPosts = () => sim.requests.filter((r) => r.method === 'POST' && r.path === '/api/links/');
const videoPosts = () => sim.paidAttempts('link_to_videos');

describe('Create Video From URL', () => {
	test('is the default operation: each page becomes a link, then a finished video, paired to its row', async () => {
		const urls = [
			PAGE,
			'https://shop.example.com/products/mug',
			'https://shop.example.com/products/hat',
		];
		const { items, error } = await runCreatify({
			parameters: { resource: 'urlToVideo', url: '={{ $json.url }}', options: FAST_POLL },
			items: pages(...urls),
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		expect(items.map((i) => [i.json.status, i.pairedItem])).toEqual([
			['done', { item: 0 }],
			['done', { item: 1 }],
			['done', { item: 2 }],
		]);
		expect(linkPosts().map((r) => r.body)).toEqual(urls.map((url) => ({ url })));
		// each video was made from its own page's link
		for (const [index, item] of items.entries()) {
			const link = sim.urlToVideo.links.get(item.json.link as string);
			expect(link?.url).toBe(urls[index]);
			expect(item.json.video_output).toMatch(/\/video\.mp4$/);
		}
		const firstVideoPost = videoPosts().find(
			(r) => (r.body as { link: string }).link === items[0].json.link,
		);
		expect(firstVideoPost?.body).toEqual({
			link: items[0].json.link,
			aspect_ratio: '9x16',
			video_length: 30,
			language: 'en',
		});
		expect(sim.credits).toBe(1000 - 3 * 5);
	});

	test('video settings and options become the documented fields', async () => {
		const voice = VOICES[0].accents[1].id;
		const avatar = PERSONAS[2].id;
		const { error } = await runCreatify({
			parameters: createFromUrl(
				{
					aspectRatio: '16:9',
					videoLength: 45,
					language: 'de',
					targetPlatform: 'TikTok',
					targetAudience: 'Runners',
					scriptStyle: 'DIY',
					visualStyle: 'FullScreenTemplate',
				},
				{
					name: 'Bottle ad',
					overrideAvatar: rl(avatar, 'list'),
					overrideVoice: rl(voice),
					overrideScript: 'Stay hydrated.',
					backgroundMusicUrl: 'https://cdn.example.com/music.mp3',
					backgroundMusicVolume: 0.2,
					voiceoverVolume: 1,
					noCta: true,
					noCaption: false,
					captionSetting: { style: 'normal-black', fontSize: 40, offsetY: 0.4, hidden: false },
					webhookUrl: 'https://n8n.example.com/webhook/x/creatify',
					download: 'none',
				},
			),
			items: pages(PAGE),
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		const { link, ...sent } = videoPosts()[0].body as Record<string, unknown>;
		expect(link).toBe(sim.urlToVideo.links.keys().next().value);
		expect(sent).toEqual({
			aspect_ratio: '16x9',
			video_length: 45,
			language: 'de',
			target_platform: 'TikTok',
			target_audience: 'Runners',
			script_style: 'DIY',
			visual_style: 'FullScreenTemplate',
			name: 'Bottle ad',
			override_avatar: avatar,
			override_voice: voice,
			override_script: 'Stay hydrated.',
			background_music_url: 'https://cdn.example.com/music.mp3',
			background_music_volume: 0.2,
			voiceover_volume: 1,
			no_cta: true,
			no_caption: false,
			caption_setting: {
				style: 'normal-black',
				font_size: 40,
				hidden: false,
				offset: { x: 0, y: 0.4 },
			},
			webhook_url: 'https://n8n.example.com/webhook/x/creatify',
		});
		// 45 s costs two 30 s blocks
		expect(sim.credits).toBe(1000 - 10);
	});

	const perRow: INodeParameters = {
		aspectRatio: '={{ $json.ratio ?? "9x16" }}',
		videoLength: '={{ $json.seconds ?? 30 }}',
	};
	test.each([
		[
			{ url: 'ftp://shop.example.com/p' },
			/URL must be an http\(s\) URL, got "ftp:\/\/shop.example.com\/p"/,
		],
		[{ url: '' }, /URL is empty/],
		[{ url: PAGE, ratio: '4x5' }, /Aspect Ratio must be one of "16x9", "1x1", "9x16", got "4x5"/],
		[{ url: PAGE, seconds: 12.5 }, /Video Length must be a whole number of seconds/],
	])('a bad item (%j) stops the run before anything is sent', async (row, message) => {
		const { error } = await runCreatify({
			parameters: createFromUrl(perRow),
			items: [{ url: PAGE }, row],
			credentials: credentials(),
		});
		expect(error?.message).toMatch(message);
		expect(error?.message).toContain('(item 1)');
		expect(sim.requests.filter((r) => r.method !== 'GET')).toHaveLength(0);
	});

	test('a bad volume is an error item under Continue On Fail; the other items go on', async () => {
		const { items } = await runCreatify({
			parameters: createFromUrl({}, { voiceoverVolume: '={{ $json.volume }}' }),
			items: [
				{ url: PAGE, volume: 0.5 },
				{ url: PAGE, volume: 3 },
			],
			credentials: credentials(),
			continueOnFail: true,
		});
		expect(items[0].json.status).toBe('done');
		expect(failureOf(items[1])?.message).toMatch(
			/Voice-Over Volume must be a number from 0 to 1, got 3/,
		);
		expect(videoPosts()).toHaveLength(1);
	});

	test('pages Creatify cannot use fail their items with the URL and the reason; nothing is paid for them', async () => {
		const bad = ['https://shop.example.com/scrape-fail', 'https://shop.example.com/no-media'];
		const { items, error } = await runCreatify({
			parameters: createFromUrl(),
			items: pages(PAGE, ...bad),
			credentials: credentials(),
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(items[0].json.status).toBe('done');
		expect(failureOf(items[1])?.message).toBe(
			`Creatify refused the request for the page ${bad[0]} (HTTP 400): Failed to scrape url: ${bad[0]}`,
		);
		expect(failureOf(items[2])?.message).toBe(
			`Creatify refused the request for the page ${bad[1]} (HTTP 400): Link must have at least one image or one video.`,
		);
		expect(failureOf(items[2])?.description).toMatch(/nothing was spent/);
		expect(videoPosts()).toHaveLength(1);
		expect(sim.credits).toBe(1000 - 5);
	});

	test('without Continue On Fail a scrape failure stops the run, naming the item and the URL', async () => {
		const bad = 'https://shop.example.com/scrape-fail';
		const { error } = await runCreatify({
			parameters: createFromUrl(),
			items: pages(bad),
			credentials: credentials(),
		});
		expect(error?.message).toContain(`for the page ${bad}`);
		expect(error?.description).toMatch(/nothing was spent/);
		expect(videoPosts()).toHaveLength(0);
	});

	test('a style Creatify does not know is sent as given and its 400 names the field', async () => {
		const { error } = await runCreatify({
			parameters: createFromUrl({ visualStyle: '={{ "NoSuchStyle" }}' }),
			items: pages(PAGE),
			credentials: credentials(),
		});
		expect(videoPosts()[0].body).toMatchObject({ visual_style: 'NoSuchStyle' });
		expect(error?.message).toMatch(
			/\(HTTP 400\): visual_style: "NoSuchStyle" is not a valid choice/,
		);
	});

	test('failed and rejected videos are error items with failed_reason and the video ID', async () => {
		const { items, error } = await runCreatify({
			parameters: createFromUrl({}, { overrideScript: '={{ $json.script }}' }),
			items: [
				{ url: PAGE, script: 'fine' },
				{ url: PAGE, script: 'fail-video' },
				{ url: PAGE, script: 'reject-video' },
			],
			credentials: credentials(),
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		const record = (i: number) => failureOf(items[i])!.task!;
		expect(items[0].json.status).toBe('done');
		expect(failureOf(items[1])?.message).toBe(
			`Video ${record(1).id} failed: ${record(1).failed_reason}`,
		);
		expect(record(1).failed_reason).toMatch(/Rendering failed/);
		expect(failureOf(items[2])?.message).toBe(
			`Video ${record(2).id} was rejected: ${record(2).failed_reason}`,
		);
		expect(failureOf(items[2])).toMatchObject({ taskId: record(2).id });
	});

	test('a failure without Continue On Fail lists every video already paid for', async () => {
		const { error } = await runCreatify({
			parameters: createFromUrl({}, { overrideScript: '={{ $json.script }}' }),
			items: [
				{ url: PAGE, script: 'fine' },
				{ url: PAGE, script: 'fail-video' },
			],
			credentials: credentials(),
		});
		expect(error?.message).toMatch(/^Video .* failed: Rendering failed/);
		expect(sim.urlToVideo.videos.size).toBe(2);
		for (const id of sim.urlToVideo.videos.keys()) expect(error?.description).toContain(id);
	});

	test('once one page fails (no Continue On Fail), items whose link arrives later are not paid for', async () => {
		const bad = 'https://shop.example.com/scrape-fail';
		// the good pages are answered 300 ms later than the bad one: by then the run has stopped
		const good = (body: unknown) => !String((body as { url?: string }).url).includes('scrape-fail');
		sim.inject({ method: 'POST', path: '/api/links/', when: good, delayMs: 300, times: 3 });
		const { error } = await runCreatify({
			parameters: createFromUrl({ waitMode: 'none' }),
			items: pages(bad, `${PAGE}-1`, `${PAGE}-2`, `${PAGE}-3`),
			credentials: credentials(),
		});
		expect(error?.message).toContain(`for the page ${bad}`);
		expect(linkPosts()).toHaveLength(4);
		expect(videoPosts()).toHaveLength(0);
		expect(sim.credits).toBe(1000);
	});

	test('a refused video request names the link already made, to reuse it', async () => {
		const { error } = await runCreatify({
			parameters: createFromUrl({ visualStyle: '={{ "NoSuchStyle" }}' }),
			items: pages(PAGE),
			credentials: credentials(),
		});
		const [linkId] = [...sim.urlToVideo.links.keys()];
		expect(error?.description).toContain(`The page's link ${linkId} was created first`);
	});

	test('volumes from a spreadsheet cell (text) are sent as numbers', async () => {
		const { error } = await runCreatify({
			parameters: createFromUrl({ waitMode: 'none' }, { voiceoverVolume: '={{ "0.25" }}' }),
			items: pages(PAGE),
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		expect(videoPosts()[0].body).toMatchObject({ voiceover_volume: 0.25 });
	});

	test('the paid video request is not repeated after a 502 that may have been processed', async () => {
		sim.inject({ method: 'POST', path: '/api/link_to_videos/', status: 502, processFirst: true });
		const { error } = await runCreatify({
			parameters: createFromUrl({ waitMode: 'none' }),
			items: pages(PAGE),
			credentials: credentials(),
		});
		expect(error?.message).toContain('Creatify server error (HTTP 502)');
		expect(error?.description).toMatch(/look for the video with the Get Many operation/);
		expect(videoPosts()).toHaveLength(1);
		expect(sim.urlToVideo.videos.size).toBe(1);
	});

	test('the link request is not repeated after a dropped connection either', async () => {
		sim.inject({ method: 'POST', path: '/api/links/', drop: 'after' });
		const { error } = await runCreatify({
			parameters: createFromUrl({ waitMode: 'none' }),
			items: pages(PAGE),
			credentials: credentials(),
		});
		expect(error?.message).toContain(`for the page ${PAGE}`);
		expect(linkPosts()).toHaveLength(1);
		expect(videoPosts()).toHaveLength(0);
	});

	test('Check Credits First counts 5 credits per 30 s of each item and stops before anything is sent', async () => {
		sim.reset({ credits: 14 });
		const { error } = await runCreatify({
			parameters: createFromUrl({ videoLength: '={{ $json.seconds }}' }, { checkCredits: true }),
			items: [
				{ url: PAGE, seconds: 15 },
				{ url: PAGE, seconds: 60 },
			],
			credentials: credentials(),
		});
		expect(error?.message).toBe(
			'Not enough Creatify credits for this run: it needs 15, the account has 14',
		);
		expect(sim.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
	});

	test.each([
		['aurora_v1', 30, 30],
		['aurora_v1_fast', 45, 23],
		['aurora_v2', 15, 11],
		['boreal', 45, 20],
		['standard', 45, 10],
	])(
		'Model Version %s for %i s costs %i credits: the credits check counts what Creatify charges',
		async (model, seconds, credits) => {
			sim.reset({ credits });
			const parameters = createFromUrl(
				{ videoLength: seconds },
				{ modelVersion: model, checkCredits: true },
			);
			const { items, error } = await runCreatify({
				parameters,
				items: pages(PAGE),
				credentials: credentials(),
			});
			expect(error).toBeUndefined();
			expect(items[0].json).toMatchObject({ status: 'done', model_version: model });
			expect(sim.credits).toBe(0);
			sim.reset({ credits: credits - 1 });
			const short = await runCreatify({
				parameters,
				items: pages(PAGE),
				credentials: credentials(),
			});
			expect(short.error?.message).toBe(
				`Not enough Creatify credits for this run: it needs ${credits}, the account has ${credits - 1}`,
			);
		},
	);

	test('a Model Version Creatify does not list, from an expression, is refused before paying', async () => {
		const { error } = await runCreatify({
			parameters: createFromUrl({}, { modelVersion: '={{ "aurora_v9" }}' }),
			items: pages(PAGE),
			credentials: credentials(),
		});
		expect(error?.message).toMatch(/^Model Version must be one of .*, got "aurora_v9" \(item 0\)$/);
		expect(videoPosts()).toHaveLength(0);
	});

	test('polling reads the videos with list calls of at most 100 IDs', async () => {
		const rows = Array.from({ length: 130 }, (_, i) => ({ url: `${PAGE}-${i}` }));
		const { items, error } = await runCreatify({
			parameters: createFromUrl({}, { concurrency: 20 }),
			items: rows,
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		expect(items.every((i) => i.json.status === 'done')).toBe(true);
		const lists = sim.requests.filter(
			(r) => r.method === 'GET' && r.path === '/api/link_to_videos/',
		);
		expect(lists.length).toBeGreaterThan(0);
		for (const list of lists) expect(list.query.ids.split(',').length).toBeLessThanOrEqual(100);
		expect(
			sim.requests.some((r) => r.method === 'GET' && /^\/api\/link_to_videos\/.+\//.test(r.path)),
		).toBe(false);
	}, 60_000);

	test('Download Result attaches the video and the thumbnail as binary data', async () => {
		const { items, error } = await runCreatify({
			parameters: createFromUrl({}, { download: 'all' }),
			items: pages(PAGE),
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		const id = items[0].json.id as string;
		expect(items[0].binary?.data).toMatchObject({ mimeType: 'video/mp4', fileName: `${id}.mp4` });
		expect(items[0].binary?.data_thumbnail).toMatchObject({
			mimeType: 'image/jpeg',
			fileName: `${id}-thumbnail.jpg`,
		});
	});
});

describe('links, Create Video, Get and Get Many', () => {
	const linkFromData = {
		resource: 'urlToVideo',
		operation: 'createLink',
		source: 'productData',
		title: 'Steel bottle',
		imageUrls: '={{ $json.images }}',
	};

	test('Create Link scrapes a page; Update Link changes it; Get Link reads it', async () => {
		const created = await runCreatify({
			parameters: { resource: 'urlToVideo', operation: 'createLink', url: PAGE },
			credentials: credentials(),
		});
		const linkId = created.items[0].json.id as string;
		expect(created.items[0].json).toMatchObject({ url: PAGE, link: { url: PAGE } });
		const updated = await runCreatify({
			parameters: {
				resource: 'urlToVideo',
				operation: 'updateLink',
				linkId: rl(linkId),
				updateFields: {
					logoUrl: 'https://shop.example.com/logo.png',
					imageUrls: 'https://shop.example.com/a.jpg, https://shop.example.com/b.jpg',
				},
			},
			credentials: credentials(),
		});
		expect(updated.error).toBeUndefined();
		const put = sim.requests.find((r) => r.method === 'PUT');
		expect(put?.path).toBe(`/api/links/${linkId}/`);
		expect(put?.body).toEqual({
			logo_url: 'https://shop.example.com/logo.png',
			image_urls: ['https://shop.example.com/a.jpg', 'https://shop.example.com/b.jpg'],
		});
		const read = await runCreatify({
			parameters: { resource: 'urlToVideo', operation: 'getLink', linkId: rl(linkId) },
			credentials: credentials(),
		});
		expect(read.items[0].json.link).toMatchObject({
			logo_url: 'https://shop.example.com/logo.png',
		});
		expect(sim.credits).toBe(1000);
	});

	test('Update Link with nothing to change, or a bad image URL, sends nothing', async () => {
		const link = sim.urlToVideo.seedLink();
		for (const updateFields of [{}, { imageUrls: 'https://ok.example.com/a.jpg, not a url' }]) {
			const { error } = await runCreatify({
				parameters: {
					resource: 'urlToVideo',
					operation: 'updateLink',
					linkId: rl(link.id),
					updateFields,
				},
				credentials: credentials(),
			});
			expect(error?.message).toMatch(
				/Nothing to update|Each of the Image URLs must be one http\(s\) URL without spaces/,
			);
		}
		expect(sim.requests.filter((r) => r.method === 'PUT')).toHaveLength(0);
	});

	test('Create Link from product data spends 1 credit and needs an image or a video', async () => {
		const parameters = linkFromData;
		const { items } = await runCreatify({
			parameters,
			items: [{ images: ['https://cdn.example.com/1.jpg'] }, { images: [] }],
			credentials: credentials(),
			continueOnFail: true,
		});
		expect(items[0].json.link).toMatchObject({
			title: 'Steel bottle',
			image_urls: ['https://cdn.example.com/1.jpg'],
		});
		expect(failureOf(items[1])?.message).toMatch(/Give at least one Image URL or Video URL/);
		const posts = sim.requests.filter((r) => r.path === '/api/links/link_with_params/');
		expect(posts.map((r) => r.body)).toEqual([
			{ title: 'Steel bottle', image_urls: ['https://cdn.example.com/1.jpg'] },
		]);
		expect(sim.credits).toBe(999);
	});

	test('Create Link checks every item before creating any, and a failure lists the links already made', async () => {
		const parameters = linkFromData;
		const bad = await runCreatify({
			parameters,
			items: [{ images: 'https://cdn.example.com/1.jpg' }, { images: 'not a link' }],
			credentials: credentials(),
		});
		expect(bad.error?.message).toMatch(
			/Each of the Image URLs must be one http\(s\) URL without spaces, got "not a link" \(item 1\)/,
		);
		expect(sim.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
	});

	test('Create Link from data stops at a later failure and lists the links already created', async () => {
		sim.inject({ method: 'POST', path: '/api/links/link_with_params/', times: 1 });
		sim.inject({
			method: 'POST',
			path: '/api/links/link_with_params/',
			status: 400,
			body: ['Invalid logo.'],
		});
		const { error } = await runCreatify({
			parameters: {
				resource: 'urlToVideo',
				operation: 'createLink',
				source: 'productData',
				imageUrls: 'https://cdn.example.com/1.jpg',
			},
			items: [{}, {}],
			credentials: credentials(),
		});
		const [created] = [...sim.urlToVideo.links.keys()];
		expect(error?.message).toContain('Invalid logo.');
		expect(error?.description).toContain(`Already created by this execution: item 0: ${created}.`);
	});

	test('image URLs: one per line or comma-separated, and a comma inside a URL is kept', async () => {
		const link = sim.urlToVideo.seedLink();
		const cdn = 'https://res.cdn.example.com/upload/w_300,h_200/bottle.jpg';
		const { error } = await runCreatify({
			parameters: {
				resource: 'urlToVideo',
				operation: 'updateLink',
				linkId: rl(link.id),
				updateFields: {
					imageUrls: `${cdn}, https://cdn.example.com/b.jpg\nhttps://cdn.example.com/c.jpg`,
				},
			},
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		expect(sim.requests.find((r) => r.method === 'PUT')?.body).toEqual({
			image_urls: [cdn, 'https://cdn.example.com/b.jpg', 'https://cdn.example.com/c.jpg'],
		});
	});

	test('Create Video makes a video from a link ID and waits for it', async () => {
		const link = sim.urlToVideo.seedLink();
		const { items, error } = await runCreatify({
			parameters: {
				resource: 'urlToVideo',
				operation: 'createVideo',
				linkId: rl(link.id),
				videoLength: 15,
			},
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ link: link.id, status: 'done', video_length: 15 });
		expect(linkPosts()).toHaveLength(0);
		expect(sim.credits).toBe(995);
	});
});
