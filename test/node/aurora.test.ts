/** Aurora against the simulator: talking videos from URLs or uploaded files, with waiting, errors and the trigger. */

import { itemWithFiles, useSimulator } from '../harness/fixture';
import { failureOf, runCreatify } from '../harness/n8n';
import { DEFAULT_AUDIO_SECONDS } from '../simulator/aurora';
import type { ReceivedFile } from '../simulator/multipart';

const { sim, credentials } = useSimulator({ videoMs: 80 });
const FAST_POLL = { pollIntervalSeconds: 1, maxPollIntervalSeconds: 1 };
const IMAGE = 'https://cdn.example.com/people/presenter.png';
const AUDIO = 'https://cdn.example.com/voice/hello.mp3?seconds=12';

const animate = (options: object = {}, extra: object = {}) => ({
	resource: 'aurora',
	imageUrl: '={{ $json.image }}',
	audioUrl: '={{ $json.audio }}',
	options: { ...FAST_POLL, ...options },
	...extra,
});
const posts = () => sim.paidAttempts('aurora');

const withFiles = itemWithFiles;
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(3000, 1)]);
const MP3 = Buffer.concat([Buffer.from('ID3'), Buffer.alloc(48_000 - 3, 2)]);

describe('Aurora Create', () => {
	test('is the default operation: image and audio URLs become a finished talking video, attached', async () => {
		const { items, error } = await runCreatify({
			parameters: animate({ download: 'video', name: 'Welcome', textPrompt: 'soft light' }),
			items: [{ image: IMAGE, audio: AUDIO }],
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		const id = items[0].json.id as string;
		expect(items[0].json).toMatchObject({ status: 'done', credits_used: 12, duration: 12 });
		expect(items[0].json.video_output).toBe(`${sim.url}/media/${id}/video.mp4`);
		expect(items[0].binary?.data).toMatchObject({ mimeType: 'video/mp4', fileName: `${id}.mp4` });
		expect(posts().map((r) => r.body)).toEqual([
			{
				image: IMAGE,
				audio: AUDIO,
				model_version: 'aurora_v1',
				name: 'Welcome',
				text_prompt: 'soft light',
			},
		]);
		expect(posts()[0].headers['content-type']).toMatch(/^application\/json/);
	});

	test('files from earlier nodes are sent as multipart parts named image and audio, with the other fields', async () => {
		const { items, error } = await runCreatify({
			parameters: animate(
				{ download: 'none', promptGuidanceScale: 2.5, ttlDays: 3 },
				{
					imageSource: 'binary',
					audioSource: 'binary',
					imageBinaryProperty: 'portrait',
					model: 'aurora_v2',
					resolution: '480p',
				},
			),
			items: [
				withFiles({
					portrait: { bytes: PNG, mimeType: 'image/png', fileName: 'face.png' },
					audio: { bytes: MP3, mimeType: 'audio/mpeg', fileName: 'line.mp3' },
				}),
			],
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		const body = posts()[0].body as Record<string, string | ReceivedFile>;
		expect(posts()[0].headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
		expect(body).toEqual({
			model_version: 'aurora_v2',
			resolution: '480p',
			prompt_guidance_scale: '2.5',
			ttl_days: '3',
			image: {
				fileName: 'face.png',
				type: 'image/png',
				size: PNG.length,
				head: expect.stringContaining('PNG'),
			},
			audio: {
				fileName: 'line.mp3',
				type: 'audio/mpeg',
				size: MP3.length,
				head: expect.stringMatching(/^ID3/),
			},
		});
		// 48,000 bytes are 3 s of audio to the simulator: 3 s at 0.4 credits
		expect(items[0].json).toMatchObject({ status: 'done', duration: 3, credits_used: 1.2 });
	});

	test.each([
		[{ image: 'not a url' }, {}, /Image URL must be one http\(s\) URL without spaces/],
		[{ audio: '' }, {}, /Audio URL is empty/],
		[
			{ seconds: 20 },
			{ model: 'aurora_v2', resolution: '2k' },
			/The audio is 20 s long; aurora_v2 at 2k takes at most 14.375 s/,
		],
		[{ scale: 11 }, {}, /Prompt Guidance Scale must be 0 to 10, got "11"/],
		[{ source: 'binary' }, {}, /The item has no binary field "data" for the image/],
	])(
		'bad input in one item stops the run before anything is sent (%#)',
		async (json, extra, message) => {
			const { error } = await runCreatify({
				parameters: {
					...animate({ promptGuidanceScale: '={{ $json.scale ?? 1 }}' }),
					audioSeconds: '={{ $json.seconds ?? 0 }}',
					imageSource: '={{ $json.source ?? "url" }}',
					...extra,
				},
				items: [
					{ image: IMAGE, audio: AUDIO },
					{ image: IMAGE, audio: AUDIO, ...json },
				],
				credentials: credentials(),
			});
			expect(error?.message).toMatch(message);
			expect(error?.message).toContain('(item 1)');
			expect(error?.description).toMatch(/Nothing was sent to Creatify/);
			expect(sim.requests).toHaveLength(0);
		},
	);

	test('a binary file of the wrong kind is named with its type before anything is sent', async () => {
		const { error } = await runCreatify({
			parameters: animate({}, { audioSource: 'binary' }),
			items: [
				{
					...withFiles({ audio: { bytes: PNG, mimeType: 'image/png', fileName: 'oops.png' } }),
					json: { image: IMAGE },
				},
			],
			credentials: credentials(),
		});
		expect(error?.message).toBe(
			'The audio in binary field "audio" is image/png (.png); Creatify takes mp3, wav files (item 0)',
		);
		expect(sim.requests).toHaveLength(0);
	});

	test('Check Credits First prices the known audio lengths by model and stops before anything is sent', async () => {
		sim.reset({ credits: 20 });
		const { error } = await runCreatify({
			parameters: animate(
				{ checkCredits: true },
				{ audioSeconds: '={{ $json.seconds }}', model: 'aurora_v2', resolution: '1080p' },
			),
			items: [
				{ image: IMAGE, audio: AUDIO, seconds: 10.2 },
				{ image: IMAGE, audio: AUDIO, seconds: 4 },
				{ image: IMAGE, audio: AUDIO, seconds: 0 },
			],
			credentials: credentials(),
		});
		// 11 s and 4 s at 1.4 credits per second; the third item's length is not known
		expect(error?.message).toBe(
			'Not enough Creatify credits for this run: it needs 21, the account has 20',
		);
		expect(sim.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
		// three items of 3 s at 0.7 credits: a sum counted to a tenth of a credit
		sim.reset({ credits: 6 });
		const tenths = await runCreatify({
			parameters: animate({ checkCredits: true }, { audioSeconds: 3, model: 'aurora_v2' }),
			items: [1, 2, 3].map(() => ({ image: IMAGE, audio: AUDIO })),
			credentials: credentials(),
		});
		expect(tenths.error?.message).toBe(
			'Not enough Creatify credits for this run: it needs 6.3, the account has 6',
		);
	});

	test('a rejected video is an error item that says so, with its reason', async () => {
		const { items } = await runCreatify({
			parameters: animate(),
			items: [{ image: 'https://cdn.example.com/reject-me.png', audio: AUDIO }],
			credentials: credentials(),
			continueOnFail: true,
		});
		const record = failureOf(items[0])!.task!;
		expect(failureOf(items[0])?.message).toBe(
			`Aurora Video ${record.id} was rejected: The image breaks the content policy.`,
		);
	});

	test('an upload refused with 429 is sent again whole, with the file read anew', async () => {
		sim.inject({
			method: 'POST',
			path: '/api/aurora/',
			status: 429,
			headers: { 'retry-after': '0' },
		});
		const { items, error } = await runCreatify({
			parameters: animate(
				{},
				{ waitMode: 'none', imageSource: 'binary', imageBinaryProperty: 'data' },
			),
			items: [
				{
					...withFiles({ data: { bytes: PNG, mimeType: 'image/png', fileName: 'face.png' } }),
					json: { audio: AUDIO },
				},
			],
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		expect(posts()).toHaveLength(2);
		expect(posts().map((r) => (r.body as Record<string, ReceivedFile>).image.size)).toEqual([
			PNG.length,
			PNG.length,
		]);
		expect(items[0].json.status).toBe('pending');
	});
});

describe('Aurora audio lengths', () => {
	test("a voice-over URL is priced by its own length; another audio by Creatify's default", async () => {
		const speech = await runCreatify({
			parameters: { resource: 'textToSpeech', script: 'x'.repeat(140), options: FAST_POLL },
			credentials: credentials(),
		});
		const created = await runCreatify({
			parameters: animate({}, { waitMode: 'none' }),
			items: [
				{ image: IMAGE, audio: speech.items[0].json.output },
				{ image: IMAGE, audio: 'https://cdn.example.com/a.wav' },
			],
			credentials: credentials(),
		});
		expect(created.items.map((i) => i.json.duration)).toEqual([10, DEFAULT_AUDIO_SECONDS]);
	});
});
