/** AI Avatar against the simulator: the three ways to give scenes, the look options, prices, preview and render. */
import type { INodeParameters } from 'n8n-workflow';

import { rl, useSimulator } from '../harness/fixture';
import { failureOf, runCreatify } from '../harness/n8n';
import { PERSONAS } from '../simulator/personas';
import { VOICES } from '../simulator/urlToVideo';

const { sim, credentials } = useSimulator({ videoMs: 60 });
const FAST_POLL = { pollIntervalSeconds: 1, maxPollIntervalSeconds: 1, download: 'none' };
const AVATAR = PERSONAS[0].id;
const OTHER_AVATAR = PERSONAS[1].id;
const VOICE = VOICES[0].accents[0].id;
const OTHER_VOICE = VOICES[1].accents[0].id;

const avatarVideo = (extra: INodeParameters = {}, options: INodeParameters = {}) => ({
	resource: 'aiAvatar',
	operation: 'createVideo',
	script: '={{ $json.script }}',
	avatar: rl(AVATAR),
	voice: rl(VOICE),
	...extra,
	options: { ...FAST_POLL, ...options },
});
const sent = () => sim.paidAttempts().map((r) => r.body as Record<string, unknown>);

describe('Create Video', () => {
	test('one scene from the form, with the look and video options: the video comes out paired, 5 credits', async () => {
		const { items, error } = await runCreatify({
			parameters: avatarVideo(
				{ aspectRatio: '16x9' },
				{
					avatarStyle: 'circle',
					backgroundUrl: 'https://cdn.example.com/studio.png',
					captionSetting: { style: 'normal-black', hidden: false },
					ctaText: 'Shop now',
					musicUrl: 'https://cdn.example.com/music.mp3',
					musicVolume: 0.3,
					name: 'Spring',
				},
			),
			items: [{ script: 'Meet the new bottle.' }],
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		expect(sent()).toEqual([
			{
				video_inputs: [
					{
						character: { type: 'avatar', avatar_id: AVATAR, avatar_style: 'circle' },
						voice: { type: 'text', input_text: 'Meet the new bottle.', voice_id: VOICE },
						background: { type: 'image', url: 'https://cdn.example.com/studio.png' },
						caption_setting: { style: 'normal-black', hidden: false },
					},
				],
				aspect_ratio: '16x9',
				background_music: { url: 'https://cdn.example.com/music.mp3', volume: 0.3 },
				cta_end: { cta_caption: { caption: 'Shop now' } },
				name: 'Spring',
			},
		]);
		expect(items[0]).toMatchObject({
			json: { status: 'done', output: expect.stringMatching(/video\.mp4$/) },
			pairedItem: { item: 0 },
		});
		expect(sim.credits).toBe(995);
	});

	test('a scene list: each scene with its avatar, voice and background, in order', async () => {
		const scenes = {
			scene: [
				{ script: 'First, the problem.', avatarId: AVATAR, voiceId: VOICE },
				{
					script: 'Then, the answer.',
					avatarId: OTHER_AVATAR,
					voiceId: OTHER_VOICE,
					backgroundUrl: 'https://cdn.example.com/b-roll.mp4',
					backgroundType: 'video',
				},
			],
		};
		const { items, error } = await runCreatify({
			parameters: avatarVideo({ scenesFrom: 'list', scenes }, { visualStyle: 'FullAvatar' }),
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		expect(items[0].json.status).toBe('done');
		expect(sent()[0].video_inputs).toEqual([
			{
				character: { type: 'avatar', avatar_id: AVATAR },
				voice: { type: 'text', input_text: 'First, the problem.', voice_id: VOICE },
				visual_style: 'FullAvatar',
			},
			{
				character: { type: 'avatar', avatar_id: OTHER_AVATAR },
				voice: { type: 'text', input_text: 'Then, the answer.', voice_id: OTHER_VOICE },
				background: { type: 'video', url: 'https://cdn.example.com/b-roll.mp4' },
				visual_style: 'FullAvatar',
			},
		]);
	});

	test('JSON scenes are sent as given; JSON without an avatar is refused before anything is paid', async () => {
		const scene = {
			character: { type: 'avatar', avatar_id: AVATAR, scale: 1.2 },
			voice: { type: 'text', input_text: 'As given.', voice_id: VOICE, volume: 0.8 },
			transition_effect: { transition_in: 'fade', transition_out: null },
		};
		const good = await runCreatify({
			parameters: avatarVideo({ scenesFrom: 'json', videoInputs: JSON.stringify([scene]) }),
			credentials: credentials(),
		});
		expect(good.error).toBeUndefined();
		expect(sent()[0].video_inputs).toEqual([scene]);
		const bad = await runCreatify({
			parameters: avatarVideo({
				scenesFrom: 'json',
				videoInputs: JSON.stringify([scene, { voice: { input_text: 'Who?' } }]),
			}),
			credentials: credentials(),
		});
		expect(bad.error?.message).toMatch(
			/Video Inputs \(JSON\) scene 2 has no valid character\.avatar_id/,
		);
		expect(sim.paidAttempts()).toHaveLength(1);
	});

	test('a scene script over 2,000 characters is refused naming the scene and the item; nothing is paid', async () => {
		const scenes = {
			scene: [
				{ script: 'Short.', avatarId: AVATAR, voiceId: VOICE },
				{ script: 'x'.repeat(2001), avatarId: AVATAR, voiceId: VOICE },
			],
		};
		const { items } = await runCreatify({
			parameters: avatarVideo({ scenesFrom: 'list', scenes }),
			items: [{}, {}],
			credentials: credentials(),
			continueOnFail: true,
		});
		expect(failureOf(items[0])?.message).toMatch(
			/Script is 2001 characters long \(scene 2\); Creatify accepts at most 2000 per scene/,
		);
		expect(items[1].pairedItem).toEqual({ item: 1 });
		expect(sim.paidAttempts()).toHaveLength(0);
	});

	test("credits are estimated from the script (15 characters a second): a 60 s script needs 10, the model's price per second", async () => {
		const script = 'A'.repeat(900);
		sim.credits = 9;
		const refused = await runCreatify({
			parameters: avatarVideo(),
			items: [{ script }],
			credentials: credentials(),
		});
		expect(refused.error?.message).toBe(
			'Not enough Creatify credits for this run: it needs 10, the account has 9',
		);
		const capped = await runCreatify({
			parameters: avatarVideo({}, { modelVersion: 'aurora_v1', maxCreditsPerRun: 59 }),
			items: [{ script }],
			credentials: credentials(),
		});
		expect(capped.error?.message).toBe(
			'This run would spend 60 Creatify credits, more than Max Credits per Run (59)',
		);
		expect(sim.paidAttempts()).toHaveLength(0);
	});
});

describe('Create Preview, then Render', () => {
	test('a preview (1 credit) with its player link, then its render (4 credits) on the same job', async () => {
		const preview = await runCreatify({
			parameters: avatarVideo({ operation: 'createPreview' }),
			items: [{ script: 'Preview me.' }],
			credentials: credentials(),
		});
		expect(preview.error).toBeUndefined();
		const job = preview.items[0].json as { id: string; preview: string; output: unknown };
		expect(job.preview).toMatch(/^https:\/\/app\.creatify\.ai\/preview\?layout=/);
		expect(job.output).toBeNull();
		expect(sim.paidAttempts('preview')).toHaveLength(1);
		expect(sim.credits).toBe(999);
		const renderJob = () =>
			runCreatify({
				parameters: {
					resource: 'aiAvatar',
					operation: 'render',
					avatarVideoId: rl(job.id),
					options: FAST_POLL,
				},
				credentials: credentials(),
			});
		const render = await renderJob();
		expect(render.error).toBeUndefined();
		expect(render.items[0].json).toMatchObject({ id: job.id, status: 'done' });
		expect(render.items[0].json.output).toMatch(/video\.mp4$/);
		expect(sim.credits).toBe(995);
		const again = await renderJob();
		expect(again.error?.message).toMatch(/has its video already/);
		expect(sim.paidAttempts('render')).toHaveLength(1);
	});
});

describe('AI Avatar V1 (lipsync v1)', () => {
	const lipsync = (extra: INodeParameters = {}, options: INodeParameters = {}) => ({
		resource: 'aiAvatarV1',
		operation: 'createVideo',
		avatar: rl(AVATAR),
		script: '={{ $json.script }}',
		voice: rl(VOICE),
		aspectRatio: '1x1',
		...extra,
		options: { ...FAST_POLL, ...options },
	});

	test("a script on a green screen with v1's caption options: the fields as Creatify's page names them", async () => {
		const { items, error } = await runCreatify({
			parameters: lipsync(
				{},
				{
					greenScreen: true,
					noMusic: true,
					captionStyle: 'deep-blue',
					captionOffsetY: 0.3,
					name: 'Keyed',
				},
			),
			items: [{ script: 'Hello from a green screen.' }],
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		expect(sim.paidAttempts('lipsyncs')[0].body).toEqual({
			creator: AVATAR,
			aspect_ratio: '1x1',
			text: 'Hello from a green screen.',
			accent: VOICE,
			green_screen: true,
			no_music: true,
			caption_style: 'deep-blue',
			caption_offset_y: '0.3',
			name: 'Keyed',
		});
		expect(items[0].json).toMatchObject({ status: 'done', output: expect.stringMatching(/mp4$/) });
	});

	test('a transparent background comes as a WebM: downloaded with its own extension and type', async () => {
		const { items, error } = await runCreatify({
			parameters: lipsync({}, { transparentBackground: true, download: 'video' }),
			items: [{ script: 'See through me.' }],
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		expect(items[0].json.output).toMatch(/video\.webm$/);
		const file = items[0].binary?.data;
		expect([file?.fileName, file?.mimeType]).toEqual([
			`${String(items[0].json.id)}.webm`,
			'video/webm',
		]);
	});

	test('an audio file is priced by Audio Length; without it the item is not counted, and an account short of credits is refused by Creatify, unpaid', async () => {
		const audio = (seconds?: number) =>
			lipsync(
				{ speechFrom: 'audio', audioUrl: 'https://cdn.example.com/voice.mp3?seconds=50' },
				seconds ? { audioSeconds: seconds } : {},
			);
		sim.credits = 9;
		const counted = await runCreatify({ parameters: audio(50), credentials: credentials() });
		expect(counted.error?.message).toBe(
			'Not enough Creatify credits for this run: it needs 10, the account has 9',
		);
		const uncounted = await runCreatify({ parameters: audio(), credentials: credentials() });
		// not counted, so sent: Creatify's own refusal, before it spent anything
		expect(uncounted.error?.message).toBe('Not enough Creatify credits');
		expect(sim.paidAttempts('lipsyncs')).toHaveLength(1);
		expect(sim.credits).toBe(9);
	});
});
