/** URL to Video previews and renders against the simulator: Create Previews, Render, waiting, prices, trigger. */
import type { INodeParameters } from 'n8n-workflow';

import { rl, useCallbacks, useSimulator } from '../harness/fixture';
import { runCreatify } from '../harness/n8n';
import { executionsForOneJob } from '../harness/webhook';

const { sim, credentials } = useSimulator({ videoMs: 80 });
const { newTrigger, resumed } = useCallbacks();
const FAST_POLL = { pollIntervalSeconds: 1, maxPollIntervalSeconds: 1 };
const PAGE = 'https://shop.example.com/products/bottle';
const STYLES = ['AvatarBubbleTemplate', 'FullScreenTemplate'];

const previewsOf = (extra: INodeParameters = {}, options: INodeParameters = {}) => ({
	resource: 'urlToVideo',
	operation: 'createPreviews',
	url: '={{ $json.url }}',
	visualStyles: STYLES,
	videoLength: 30,
	options: { ...FAST_POLL, ...options },
	...extra,
});
const renderOf = (videoId: string, extra: INodeParameters = {}, options: INodeParameters = {}) => ({
	resource: 'urlToVideo',
	operation: 'render',
	videoId: rl(videoId),
	options: { ...FAST_POLL, download: 'none', ...options },
	...extra,
});
const posts = (path: RegExp) =>
	sim.requests.filter((r) => r.method === 'POST' && path.test(r.path));

/** Previews of one page, finished; returns the job record. */
async function finishedPreviews(styles = STYLES) {
	const { items, error } = await runCreatify({
		parameters: previewsOf({ visualStyles: styles }),
		items: [{ url: PAGE }],
		credentials: credentials(),
	});
	expect(error).toBeUndefined();
	sim.requests.length = 0;
	return items[0].json as {
		id: string;
		previews: Array<{ media_job: string; visual_style: string }>;
	};
}

describe('Create Previews', () => {
	test('a page becomes a link, then previews in each style; the job comes out with its previews', async () => {
		const { items, error } = await runCreatify({
			parameters: previewsOf({}, { name: 'Spring' }),
			items: [{ url: PAGE }, { url: `${PAGE}-2` }],
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		const [first] = posts(/preview_list_async/);
		expect(first.body).toEqual({
			link: expect.any(String),
			aspect_ratio: '9x16',
			video_length: 30,
			language: 'en',
			name: 'Spring',
			visual_styles: STYLES,
		});
		expect(items.map((i) => [i.json.status, i.pairedItem])).toEqual([
			['done', { item: 0 }],
			['done', { item: 1 }],
		]);
		expect(items[0].json.previews).toEqual(
			STYLES.map((visual_style) => ({
				media_job: expect.any(String),
				visual_style,
				url: expect.stringContaining('https://app.creatify.ai/preview'),
				aspect_ratio: '9x16',
			})),
		);
		expect(items[0].json.video_output).toBeNull();
		expect(items[0].binary).toBeUndefined();
	});

	test('Check Credits First counts 1 credit per 30 s of each preview, and stops before paying', async () => {
		sim.reset({ credits: 7 });
		const { error } = await runCreatify({
			parameters: previewsOf({ videoLength: 45 }, { checkCredits: true }),
			items: [{ url: PAGE }, { url: `${PAGE}-2` }],
			credentials: credentials(),
		});
		// two 45 s previews per item: 2 × 2 × 2 blocks of 30 s
		expect(error?.message).toBe(
			'Not enough Creatify credits for this run: it needs 8, the account has 7',
		);
		expect(sim.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
	});

	test('no visual style is an input error naming the item; styles may come as text', async () => {
		const bad = await runCreatify({
			parameters: previewsOf({ visualStyles: '={{ $json.styles }}' }),
			items: [
				{ url: PAGE, styles: 'DynamicProductTemplate, FullScreenTemplate' },
				{ url: PAGE, styles: ' ' },
			],
			credentials: credentials(),
		});
		expect(bad.error?.message).toBe(
			'Visual Styles is empty: choose at least one style to preview (item 1)',
		);
		expect(sim.requests).toHaveLength(0);
	});

	test('from a link: no page is scraped', async () => {
		const link = sim.urlToVideo.seedLink();
		const { items, error } = await runCreatify({
			parameters: previewsOf({ previewsFrom: 'link', linkId: rl(link.id), waitMode: 'none' }),
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		expect(posts(/^\/api\/links\/$/)).toHaveLength(0);
		expect(posts(/preview_list_async/)[0].body).toMatchObject({ link: link.id });
		expect(items[0].json.status).toBe('pending');
	});

	test('Wait for Creatify Callback resumes with the finished previews', async () => {
		const { items, error } = await resumed({
			parameters: previewsOf({ waitMode: 'callback' }),
			items: [{ url: PAGE }],
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ status: 'done', video_output: null });
		expect(items[0].json.previews).toHaveLength(2);
	});
});

describe('Render', () => {
	test('the chosen preview becomes the video (render_single_preview), waited for and downloaded', async () => {
		const job = await finishedPreviews();
		const chosen = job.previews[1];
		const { items, error } = await runCreatify({
			parameters: renderOf(job.id, { preview: chosen.media_job }, { download: 'video' }),
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		expect(posts(/render/).map((r) => [r.path, r.body])).toEqual([
			[`/api/link_to_videos/${job.id}/render_single_preview/`, { media_job: chosen.media_job }],
		]);
		expect(items[0].json).toMatchObject({
			id: job.id,
			status: 'done',
			visual_style: chosen.visual_style,
			video_output: `${sim.url}/media/${job.id}/video.mp4`,
		});
		expect(items[0].binary?.data).toMatchObject({ mimeType: 'video/mp4' });
	});

	test('a job with one preview renders with /render/ when no preview is named', async () => {
		const job = await finishedPreviews(['FullScreenTemplate']);
		const { items, error } = await runCreatify({
			parameters: renderOf(job.id),
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		expect(posts(/render/).map((r) => [r.path, r.body])).toEqual([
			// Creatify's page shows no body for it
			[`/api/link_to_videos/${job.id}/render/`, undefined],
		]);
		expect(items[0].json.status).toBe('done');
	});

	test('several previews and none named, an unknown preview, or previews not ready: refused unpaid', async () => {
		const job = await finishedPreviews();
		const none = await runCreatify({ parameters: renderOf(job.id), credentials: credentials() });
		expect(none.error?.message).toBe(
			`Video ${job.id} has 2 previews: choose one in Preview (its media_job): ${job.previews[0].media_job} (AvatarBubbleTemplate), ${job.previews[1].media_job} (FullScreenTemplate) (item 0)`,
		);
		expect(none.error?.description).toMatch(/No render was requested and no credits were spent/);
		const unknown = await runCreatify({
			parameters: renderOf(job.id, { preview: 'not-a-preview' }),
			credentials: credentials(),
		});
		expect(unknown.error?.message).toMatch(/has no preview "not-a-preview"; its previews are/);
		const started = await runCreatify({
			parameters: previewsOf({ waitMode: 'none' }),
			items: [{ url: PAGE }],
			credentials: credentials(),
		});
		const early = await runCreatify({
			parameters: renderOf(started.items[0].json.id as string),
			credentials: credentials(),
		});
		expect(early.error?.message).toMatch(/has no finished previews yet \(status "pending"\)/);
		expect(posts(/render/)).toHaveLength(0);
	});

	test('a job rendered already, or named by two items of one run, is not paid for again', async () => {
		const job = await finishedPreviews();
		const media = job.previews[0].media_job;
		const twice = await runCreatify({
			parameters: renderOf(job.id, { preview: media }),
			items: [{}, {}],
			credentials: credentials(),
			continueOnFail: true,
		});
		expect(twice.items[0].json.status).toBe('done');
		expect(twice.items[1].json.error).toMatchObject({
			message: `Video ${job.id} is rendered by an earlier item of this run (item 1)`,
		});
		const again = await runCreatify({
			parameters: renderOf(job.id, { preview: job.previews[1].media_job }),
			credentials: credentials(),
		});
		expect(again.error?.message).toMatch(
			/has its video already \(status "done"\): rendering it again would be paid again/,
		);
		expect(posts(/render/)).toHaveLength(1);
	});

	test('Check Credits First counts 4 credits per 30 s of the video', async () => {
		const job = await finishedPreviews();
		sim.credits = 3;
		const { error } = await runCreatify({
			parameters: renderOf(job.id, { preview: job.previews[0].media_job }, { checkCredits: true }),
			credentials: credentials(),
		});
		expect(error?.message).toBe(
			'Not enough Creatify credits for this run: it needs 4, the account has 3',
		);
		expect(posts(/render/)).toHaveLength(0);
	});

	test('Wait for Creatify Callback resumes with the rendered video', async () => {
		const job = await finishedPreviews();
		const { items, error } = await resumed({
			parameters: renderOf(job.id, { preview: job.previews[0].media_job, waitMode: 'callback' }),
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			id: job.id,
			status: 'done',
			video_output: `${sim.url}/media/${job.id}/video.mp4`,
		});
	});
});

test('the Creatify Trigger emits a finished preview list as "previewReady" when that event is chosen', async () => {
	const trigger = newTrigger(
		{ jobTypes: ['urlToVideo'], events: ['previewReady', 'videoReady'] },
		credentials(),
	);
	const { id, executions } = await executionsForOneJob(sim, trigger, async (webhookUrl) => {
		const created = await runCreatify({
			parameters: previewsOf({ waitMode: 'none' }, { webhookUrl }),
			items: [{ url: PAGE }],
			credentials: credentials(),
		});
		return created.items[0].json.id as string;
	});
	expect(executions).toHaveLength(1);
	expect(executions[0][0].json).toMatchObject({ id, event: 'previewReady', jobType: 'urlToVideo' });
	expect(executions[0][0].json.previews).toHaveLength(2);

	// the default events leave previews out
	sim.reset();
	const byDefault = newTrigger({ jobTypes: ['urlToVideo'] }, credentials());
	const quiet = await executionsForOneJob(sim, byDefault, async (webhookUrl) => {
		const created = await runCreatify({
			parameters: previewsOf({ waitMode: 'none' }, { webhookUrl }),
			items: [{ url: PAGE }],
			credentials: credentials(),
		});
		return created.items[0].json.id as string;
	});
	expect(quiet.executions).toHaveLength(0);
});

test('the trigger emits "previewReady" and then, when the chosen preview is rendered, "videoReady" for the same job', async () => {
	const trigger = newTrigger(
		{ jobTypes: ['urlToVideo'], events: ['previewReady', 'videoReady'] },
		credentials(),
	);
	await trigger.start();
	const created = await runCreatify({
		parameters: previewsOf({ waitMode: 'none' }, { webhookUrl: trigger.url }),
		items: [{ url: PAGE }],
		credentials: credentials(),
	});
	const id = created.items[0].json.id as string;
	await sim.waitForStatus(id, ['done']);
	await sim.settleWebhooks();
	const job = sim.urlToVideo.videos.get(id)!;
	const media = (job.previews as Array<{ media_job: string }>)[0].media_job;
	const rendered = await runCreatify({
		parameters: renderOf(id, { preview: media }, { webhookUrl: trigger.url }),
		credentials: credentials(),
	});
	expect(rendered.error).toBeUndefined();
	await sim.settleWebhooks();
	expect(trigger.executions.map((e) => [e[0].json.id, e[0].json.event])).toEqual([
		[id, 'previewReady'],
		[id, 'videoReady'],
	]);
});
