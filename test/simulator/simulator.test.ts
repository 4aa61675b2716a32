/** The simulator must be a faithful stand-in: these tests hold it to the API notes. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { FAMILIES } from '../../nodes/shared/families';
import { createJob } from './jobRequests';
import { CreatifySimulator } from './server';

const sim = new CreatifySimulator({ imageMs: 60, videoMs: 80 });
const auth = () => ({
	'x-api-id': sim.apiId,
	'x-api-key': sim.apiKey,
	'content-type': 'application/json',
});
const call = async (
	method: string,
	path: string,
	body?: unknown,
	headers: Record<string, string> = auth(),
) => {
	const response = await fetch(`${sim.url}${path}`, {
		method,
		headers,
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	return { status: response.status, body: text ? JSON.parse(text) : undefined };
};

// a receiver for webhook deliveries
const received: unknown[] = [];
const receiver = createServer((req, res) => {
	let data = '';
	req.on('data', (c) => (data += c));
	req.on('end', () => {
		received.push(JSON.parse(data));
		res.end('ok');
	});
});
let hook = '';

beforeAll(async () => {
	await sim.start();
	await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
	hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});
beforeEach(() => {
	sim.reset();
	received.length = 0;
});
afterAll(async () => {
	await sim.stop();
	await new Promise((r) => receiver.close(r));
});

test('auth: missing and wrong keys are 401 in DRF style', async () => {
	expect(await call('GET', '/api/remaining_credits/', undefined, {})).toEqual({
		status: 401,
		body: { detail: 'Authentication credentials were not provided.' },
	});
	expect(
		(await call('GET', '/api/remaining_credits/', undefined, { ...auth(), 'x-api-key': 'x' }))
			.status,
	).toBe(401);
});

test('the full lifecycle with credit costs and a webhook for each step', async () => {
	const created = await call('POST', '/api/product_to_videos/gen_image/', {
		product_url: 'https://shop.example.com/a.png',
		aspect_ratio: '1x1',
		webhook_url: hook,
	});
	expect(created.status).toBe(200);
	expect(created.body).toMatchObject({
		status: 'initializing',
		aspect_ratio: '1x1',
		type: 'product_anyshot',
	});
	expect(created.body.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}-07:00$/);
	const id = created.body.id;
	await sim.waitForStatus(id, ['image_generating']);
	const ready = await sim.waitForStatus(id, ['image_generated']);
	expect(ready.generated_photo_url).toBe(`${sim.url}/media/${id}/preview.png`);
	const video = await call('POST', `/api/product_to_videos/${id}/gen_video/`, {
		motion_style: 'talking',
		webhook_url: hook,
	});
	expect(video.body.status).toBe('video_generating');
	const done = await sim.waitForStatus(id, ['video_generated']);
	expect(done.generated_video_url).toBe(`${sim.url}/media/${id}/video.mp4`);
	expect(sim.credits).toBe(1000 - 1 - 3);
	await sim.settleWebhooks();
	expect(received.map((t) => (t as { status: string }).status)).toEqual([
		'image_generated',
		'video_generated',
	]);
	expect(sim.webhookDeliveries.map((d) => d.responseStatus)).toEqual([200, 200]);
});

test('failures carry failed_reason, at the image step and at the video step', async () => {
	const bad = await call('POST', '/api/product_to_videos/gen_image/', {
		product_url: 'https://x.example.com/fail-image.png',
		webhook_url: hook,
	});
	const failed = await sim.waitForStatus(bad.body.id, ['failed', 'image_generated']);
	expect(failed).toMatchObject({
		status: 'failed',
		failed_reason: expect.stringContaining('product'),
	});
	const task = sim.seedTask();
	await call('POST', `/api/product_to_videos/${task.id}/gen_video/`, {
		video_prompt: 'please fail-video',
	});
	expect(await sim.waitForStatus(task.id, ['failed', 'video_generated'])).toMatchObject({
		status: 'failed',
	});
	await sim.settleWebhooks();
	expect(received).toHaveLength(1);
});

test('gen_video needs image_generated; regen_image returns a new task', async () => {
	const busy = sim.seedTask({ status: 'image_generating' });
	const refused = await call('POST', `/api/product_to_videos/${busy.id}/gen_video/`, {});
	expect(refused.status).toBe(400);
	expect(Array.isArray(refused.body)).toBe(true);
	const source = sim.seedTask();
	const regen = await call('POST', `/api/product_to_videos/${source.id}/regen_image/`, {});
	expect(regen.body).toMatchObject({
		regen_type: 'regen_image',
		regen_source_id: source.id,
		status: 'initializing',
	});
	expect(regen.body.id).not.toBe(source.id);
});

test('validation errors in the field shape; insufficient credits at zero', async () => {
	const invalid = await call('POST', '/api/product_to_videos/gen_image/', { aspect_ratio: '4x3' });
	expect(invalid).toEqual({
		status: 400,
		body: {
			product_url: ['This field is required.'],
			aspect_ratio: ['"4x3" is not a valid choice.'],
		},
	});
	sim.reset({ credits: 2 });
	const task = sim.seedTask();
	const poor = await call('POST', `/api/product_to_videos/${task.id}/gen_video/`, {});
	expect(poor.status).toBe(400);
	expect(poor.body.detail).toMatch(/^Insufficient credits/);
	expect(sim.credits).toBe(2);
});

test('list by ids: order kept, unknown skipped, over 100 refused', async () => {
	const a = sim.seedTask();
	const b = sim.seedTask();
	const unknown = '00000000-0000-4000-8000-000000000000';
	const listed = await call('GET', `/api/product_to_videos/?ids=${b.id},${unknown},${a.id}`);
	expect(listed.body.map((t: { id: string }) => t.id)).toEqual([b.id, a.id]);
	const many = Array.from({ length: 101 }, () => unknown).join(',');
	expect((await call('GET', `/api/product_to_videos/?ids=${many}`)).status).toBe(400);
});

test('personas: filters and pages', async () => {
	const women = await call('GET', '/api/personas/?gender=f');
	expect(women.body.length).toBeGreaterThan(0);
	expect(women.body.every((p: { gender: string }) => p.gender === 'f')).toBe(true);
	const page = await call('GET', '/api/personas/paginated/?page=2&page_size=25');
	expect(page.body).toMatchObject({ count: 60, results: expect.any(Array) });
	expect(page.body.results).toHaveLength(25);
	expect(page.body.next).toContain('page=3');
	expect(page.body.previous).toContain('page=1');
});

test('webhook faults: duplicates, lost deliveries, a stale video status', async () => {
	sim.webhook = { copies: 3 };
	const one = sim.seedTask({ webhook_url: hook });
	await call('POST', `/api/product_to_videos/${one.id}/gen_video/`, { webhook_url: hook });
	await sim.waitForStatus(one.id, ['video_generated']);
	await sim.settleWebhooks();
	expect(received).toHaveLength(3);

	received.length = 0;
	sim.webhook = { lose: true };
	const two = sim.seedTask();
	await call('POST', `/api/product_to_videos/${two.id}/gen_video/`, { webhook_url: hook });
	await sim.waitForStatus(two.id, ['video_generated']);
	await sim.settleWebhooks();
	expect(received).toHaveLength(0);

	sim.webhook = { staleVideoStatus: true };
	const three = sim.seedTask();
	await call('POST', `/api/product_to_videos/${three.id}/gen_video/`, { webhook_url: hook });
	await sim.waitForStatus(three.id, ['video_generated']);
	await sim.settleWebhooks();
	expect(received).toEqual([expect.objectContaining({ id: three.id, status: 'video_generating' })]);
});

test('media: real files of the configured size, streamed', async () => {
	sim.reset({ videoBytes: 3 * 1024 * 1024 + 7 });
	const task = sim.seedTask({ status: 'video_generated', generated_video_url: 'x' });
	const response = await fetch(`${sim.url}/media/${task.id}/video.mp4`);
	expect(response.headers.get('content-type')).toBe('video/mp4');
	const bytes = Buffer.from(await response.arrayBuffer());
	expect(bytes.length).toBe(3 * 1024 * 1024 + 7);
	expect(bytes.subarray(4, 8).toString()).toBe('ftyp');
	const png = Buffer.from(
		await (await fetch(`${sim.url}/media/${task.id}/preview.png`)).arrayBuffer(),
	);
	expect(png.subarray(1, 4).toString()).toBe('PNG');
	expect((await fetch(`${sim.url}/media/nope/video.mp4`)).status).toBe(404);
});

test('fault injection: status, raw body, delay, and drops', async () => {
	sim.inject({
		path: '/api/remaining_credits/',
		status: 503,
		rawBody: '<html>down</html>',
		headers: { 'retry-after': '7' },
	});
	const down = await fetch(`${sim.url}/api/remaining_credits/`, { headers: auth() });
	expect([down.status, down.headers.get('retry-after'), await down.text()]).toEqual([
		503,
		'7',
		'<html>down</html>',
	]);
	sim.inject({ path: '/api/remaining_credits/', delayMs: 150 });
	const started = Date.now();
	expect((await call('GET', '/api/remaining_credits/')).status).toBe(200);
	expect(Date.now() - started).toBeGreaterThanOrEqual(140);
	sim.inject({ path: /gen_image/, drop: 'after' });
	await expect(
		call('POST', '/api/product_to_videos/gen_image/', {
			product_url: 'https://a.example.com/x.png',
		}),
	).rejects.toThrow();
	expect(sim.tasks.size).toBe(1);
	expect(sim.paidAttempts()).toEqual([
		expect.objectContaining({ outcome: 'fault', processed: true }),
	]);
});

test('counts the paid requests in flight at once, delays included; free requests do not count', async () => {
	sim.inject({ path: '/api/product_to_videos/gen_image/', delayMs: 100, times: 2 });
	const image = { product_url: 'https://shop.example.com/a.png' };
	await Promise.all([
		call('POST', '/api/product_to_videos/gen_image/', image),
		call('POST', '/api/product_to_videos/gen_image/', image),
		call('GET', '/api/remaining_credits/'),
	]);
	expect(sim.peakPaidInFlight).toBe(2);
	expect(sim.paidInFlight).toBe(0);
	await call('POST', '/api/product_to_videos/gen_image/', image);
	expect(sim.peakPaidInFlight).toBe(2);
	sim.reset();
	expect(sim.peakPaidInFlight).toBe(0);
});

describe('URL to Video', () => {
	test('a page becomes a link; pages without media or unreadable ones are the documented 400s', async () => {
		const created = await call('POST', '/api/links/', { url: 'https://shop.example.com/p/1' });
		expect(created.status).toBe(200);
		expect(created.body).toMatchObject({
			id: expect.any(String),
			url: 'https://shop.example.com/p/1',
			link: { url: 'https://shop.example.com/p/1', image_urls: expect.any(Array) },
		});
		expect(await call('POST', '/api/links/', { url: 'https://x.example.com/no-media' })).toEqual({
			status: 400,
			body: ['Link must have at least one image or one video.'],
		});
		expect(await call('POST', '/api/links/', { url: 'https://x.example.com/scrape-fail' })).toEqual(
			{
				status: 400,
				body: ['Failed to scrape url: https://x.example.com/scrape-fail'],
			},
		);
		expect(sim.credits).toBe(1000);
	});

	test('a video costs 5 credits per started 30 s, moves through its statuses and calls back with the documented subset', async () => {
		const link = sim.urlToVideo.seedLink();
		const video = await call('POST', '/api/link_to_videos/', {
			link: link.id,
			video_length: 45,
			webhook_url: hook,
		});
		expect(video.body).toMatchObject({ status: 'pending', credits_used: 10, link: link.id });
		expect(sim.credits).toBe(990);
		const seen = new Set<string>();
		for (let i = 0; i < 60 && !seen.has('done'); i++) {
			seen.add((await call('GET', `/api/link_to_videos/${video.body.id}/`)).body.status);
			await new Promise((r) => setTimeout(r, 5));
		}
		expect([...seen]).toEqual(expect.arrayContaining(['in_queue', 'running', 'done']));
		await sim.settleWebhooks();
		expect(received).toEqual([
			{
				id: video.body.id,
				status: 'done',
				failed_reason: null,
				video_output: `${sim.url}/media/${video.body.id}/video.mp4`,
				video_thumbnail: `${sim.url}/media/${video.body.id}/thumbnail.jpg`,
			},
		]);
		const thumbnail = await fetch(`${sim.url}/media/${video.body.id}/thumbnail.jpg`);
		expect(thumbnail.headers.get('content-type')).toBe('image/jpeg');
	});

	test('a video of an unknown link, or with a bad length, is refused and costs nothing', async () => {
		const unknown = '3f2b8c1e-9a4d-4c1b-8e2f-5a6b7c8d9e0f';
		expect((await call('POST', '/api/link_to_videos/', { link: unknown })).status).toBe(400);
		const link = sim.urlToVideo.seedLink();
		const bad = await call('POST', '/api/link_to_videos/', { link: link.id, video_length: 7 });
		expect(bad).toEqual({ status: 400, body: { video_length: ['"7" is not a valid choice.'] } });
		expect(sim.credits).toBe(1000);
	});

	test('list by IDs takes at most 100', async () => {
		const ids = Array.from({ length: 101 }, () => '3f2b8c1e-9a4d-4c1b-8e2f-5a6b7c8d9e0f');
		expect((await call('GET', `/api/link_to_videos/?ids=${ids.join(',')}`)).status).toBe(400);
	});
});

describe('Text to Speech', () => {
	test('a voice-over costs 1 credit per started 30 s of audio and calls back with the audio as video_output', async () => {
		const script = 'a'.repeat(14 * 45); // 45 s of audio
		const created = await call('POST', '/api/text_to_speech/', { script, webhook_url: hook });
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({ status: 'pending', duration: 45, credits_used: 2 });
		expect(sim.credits).toBe(998);
		await sim.waitForStatus(created.body.id, ['done']);
		await sim.settleWebhooks();
		expect(received).toEqual([
			{
				id: created.body.id,
				status: 'done',
				failed_reason: null,
				video_output: `${sim.url}/media/${created.body.id}/audio.mp3`,
			},
		]);
		const audio = await fetch(`${sim.url}/media/${created.body.id}/audio.mp3`);
		expect(audio.headers.get('content-type')).toBe('audio/mpeg');
	});

	test('a script over 8,000 characters or an unknown accent is refused and costs nothing', async () => {
		const long = await call('POST', '/api/text_to_speech/', { script: 'a'.repeat(8001) });
		expect(long).toEqual({
			status: 400,
			body: { script: ['Ensure this field has no more than 8000 characters.'] },
		});
		const accent = '3f2b8c1e-9a4d-4c1b-8e2f-5a6b7c8d9e0f';
		const unknown = await call('POST', '/api/text_to_speech/', { script: 'Hi', accent });
		expect(unknown.status).toBe(400);
		expect(sim.credits).toBe(1000);
	});
});

describe('one job of every family through the API', () => {
	test.each(FAMILIES.map((family) => family.name))(
		'%s: the job is created and calls back when it ends',
		async (family) => {
			const id = await createJob(sim, family, hook);
			await sim.waitForStatus(id, ['done', 'image_generated']);
			await sim.settleWebhooks();
			expect(received).toEqual([expect.objectContaining({ id })]);
		},
	);
});
