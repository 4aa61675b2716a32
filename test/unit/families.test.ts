import { outputCount } from '../../nodes/shared/families/assetGenerator';
import { aiAvatar, avatarSeconds } from '../../nodes/shared/families/aiAvatar';
import { auroraCredits, auroraMaxSeconds } from '../../nodes/shared/families/aurora';
import { captionSetting } from '../../nodes/Creatify/actions/captions';
import { FAMILIES } from '../../nodes/shared/families';
import { productVideo } from '../../nodes/shared/families/productVideo';
import type { JobFamily } from '../../nodes/shared/families/types';
import { familyStep } from '../../nodes/shared/families/types';
import { estimatedSpeechCredits, textToSpeech } from '../../nodes/shared/families/textToSpeech';
import { modelCredits } from '../../nodes/shared/families/models';
import { urlToVideo } from '../../nodes/shared/families/urlToVideo';
import { jobState, readStatus } from '../../nodes/shared/helpers/status';
import { pageUrlProblem } from '../../nodes/shared/helpers/validation';
import { candidateFamilies, eventFor } from '../../nodes/CreatifyTrigger/verify';

test.each([
	[15, 5],
	[30, 5],
	[31, 10],
	[45, 10],
	[60, 10],
	[90, 15],
])('a %i s video costs %i credits (standard model)', (seconds, credits) => {
	expect(modelCredits('standard', seconds)).toBe(credits);
});

test.each([
	['pending', 'working'],
	['in_queue', 'working'],
	['running', 'working'],
	['done', 'done'],
	['failed', 'failed'],
	['rejected', 'failed'],
	['some_new_status', 'working'],
])('URL to Video status %s is %s', (status, state) => {
	expect(jobState(urlToVideo, 'video', status)).toBe(state);
});

test('trigger events: done is "videoReady", failed and rejected are "failed"', () => {
	expect(eventFor(urlToVideo, 'done')).toBe('videoReady');
	expect(eventFor(urlToVideo, 'rejected')).toBe('failed');
	expect(eventFor(urlToVideo, 'running')).toBeUndefined();
});

test('a callback is asked of the chosen families first, then those knowing its status, then those whose callbacks have its fields', () => {
	const names = (body: Record<string, unknown>, chosen: readonly JobFamily[] = FAMILIES) =>
		candidateFamilies(FAMILIES, chosen, body).map((f) => f.name);
	const id = '3f2b8c1e-9a4d-4c1b-8e2f-5a6b7c8d9e0f';
	const linkVideo = {
		id,
		status: 'done',
		failed_reason: null,
		video_output: 'x',
		video_thumbnail: 'y',
	};
	const speech = { id, status: 'done', failed_reason: null, video_output: 'x' };
	const task = {
		id,
		status: 'failed',
		type: 'product_anyshot',
		product_url: 'x',
		failed_reason: 'r',
	};
	// Aurora's and AI Ad Templates' callback bodies are not documented: they may be any part of the record, so
	// they follow exact fits
	expect(names(linkVideo)).toEqual([
		'urlToVideo',
		'aurora',
		'adTemplate',
		'imageAd',
		'assetGenerator',
		'avatar',
		'aiScript',
		'textToSpeech',
		'aiAvatar',
		'customTemplate',
		'aiAvatarV1',
		'productVideo',
	]);
	// a voice-over's callback and a template video's have the same fields
	expect(names(speech)).toEqual([
		'textToSpeech',
		'customTemplate',
		'urlToVideo',
		'aurora',
		'adTemplate',
		'imageAd',
		'assetGenerator',
		'avatar',
		'aiScript',
		'aiAvatar',
		'aiAvatarV1',
		'productVideo',
	]);
	const avatarVideo = { id, status: 'done', failed_reason: null, output: 'x' };
	expect(names(avatarVideo)[0]).toBe('aiAvatar');
	expect(names({ ...avatarVideo, creator: id, green_screen: false })[0]).toBe('aiAvatarV1');
	expect(names({ ...speech, template_id: id, variables: {} })[0]).toBe('customTemplate');
	expect(names({ ...linkVideo, status: 'failed' })[0]).toBe('urlToVideo');
	expect(names({ ...speech, status: 'failed' })[0]).toBe('textToSpeech');
	expect(names(task)[0]).toBe('productVideo');
	expect(names({ id, status: 'video_generated' })[0]).toBe('productVideo');
	expect(names(linkVideo, [productVideo])).toEqual([
		'productVideo',
		'urlToVideo',
		'aurora',
		'adTemplate',
		'imageAd',
		'assetGenerator',
		'avatar',
		'aiScript',
		'textToSpeech',
		'aiAvatar',
		'customTemplate',
		'aiAvatarV1',
	]);
	expect(names(speech, [textToSpeech])[0]).toBe('textToSpeech');
	// a body with a field only one family's records carry is that family's
	expect(names({ ...speech, inspiration_id: id, output: '[]' })[0]).toBe('adTemplate');
	expect(names({ ...speech, model_version: 'aurora_v1' })[0]).toBe('aurora');
	// records sharing fields: the family whose records have more of the body's fields comes first
	const generation = {
		id,
		status: 'done',
		model_name: 'nano-banana',
		gen_type: 'x',
		input_params: {},
	};
	expect(names(generation).slice(0, 2)).toEqual(['assetGenerator', 'adTemplate']);
	const templateJob = { id, status: 'done', inspiration_id: id, gen_type: 'x', input_params: {} };
	expect(names(templateJob).slice(0, 2)).toEqual(['adTemplate', 'assetGenerator']);
	const auroraVideo = { id, status: 'done', image: 'x', audio: 'y', model_version: 'aurora_v1' };
	expect(names(auroraVideo).slice(0, 2)).toEqual(['aurora', 'imageAd']);
	// a custom avatar's callback says process_status, not status
	const customAvatar = { id, process_status: 'done', creator_name: 'James', gender: 'm' };
	expect(names(customAvatar)[0]).toBe('avatar');
});

test('page URLs: http(s), at most 1000 characters', () => {
	expect(pageUrlProblem(' https://shop.example.com/p/1 ')).toBeUndefined();
	expect(pageUrlProblem('shop.example.com/p/1')).toMatch(/must be an http\(s\) URL/);
	expect(pageUrlProblem(undefined)).toMatch(/URL is empty/);
	expect(pageUrlProblem(`https://x.example.com/${'a'.repeat(1000)}`)).toMatch(/at most 1000/);
});

test('caption settings: only what is set, offsets as one object', () => {
	expect(captionSetting({})).toBeUndefined();
	expect(captionSetting(undefined)).toBeUndefined();
	expect(captionSetting({ textColor: '#fff', fontFamily: '', offsetX: 0.1 })).toEqual({
		text_color: '#fff',
		offset: { x: 0.1, y: 0 },
	});
	expect(captionSetting({ hidden: true, overrideVisualStyle: false })).toEqual({
		hidden: true,
		override_visual_style: false,
	});
});

test.each([
	['', 1],
	['a'.repeat(450), 1],
	['a'.repeat(451), 2],
	['a'.repeat(8000), 18],
])('a script of %#: estimated at %i credits', (script, credits) => {
	expect(estimatedSpeechCredits(script)).toBe(credits);
});

test('voice-over statuses and events', () => {
	expect(jobState(textToSpeech, 'audio', 'running')).toBe('working');
	expect(jobState(textToSpeech, 'audio', 'done')).toBe('done');
	expect(eventFor(textToSpeech, 'done')).toBe('audioReady');
	expect(eventFor(textToSpeech, 'failed')).toBe('failed');
});

test('Aurora prices per started second of audio by model and resolution; unknown length costs nothing yet', () => {
	expect(auroraCredits(10.4, 'aurora_v1', undefined)).toBe(11);
	expect(auroraCredits(10.4, 'aurora_v1_fast', undefined)).toBe(5.5);
	expect(auroraCredits(10.4, 'aurora_v2', '2k')).toBe(30.8);
	expect(auroraCredits(3, 'aurora_v2', undefined)).toBe(2.1);
	expect(auroraCredits(0, 'aurora_v1', undefined)).toBe(0);
	expect(auroraMaxSeconds('aurora_v1_fast', undefined)).toBe(300);
	expect(auroraMaxSeconds('aurora_v2', '1080p')).toBe(59.7);
	expect(auroraMaxSeconds('aurora_v2', '2k')).toBe(14.375);
});

test('URL to Video tells previews from renders by the record: both report pending → done', () => {
	const id = '3f2b8c1e-9a4d-4c1b-8e2f-5a6b7c8d9e0f';
	const previews = [{ media_job: 'm1', visual_style: 'FullScreenTemplate', url: 'https://p' }];
	const view = (record: Record<string, unknown>) => readStatus(urlToVideo, { id, ...record });
	// making previews (or a direct video that has not finished): the preview step works
	expect(view({ status: 'running', previews: [] })).toBe('preview_running');
	expect(jobState(urlToVideo, 'preview', view({ status: 'running' }))).toBe('working');
	expect(jobState(urlToVideo, 'video', view({ status: 'running' }))).toBe('working');
	// previews ready
	const ready = view({ status: 'done', previews });
	expect([ready, eventFor(urlToVideo, ready)]).toEqual(['preview_done', 'previewReady']);
	expect(jobState(urlToVideo, 'preview', ready)).toBe('done');
	expect(jobState(urlToVideo, 'video', ready)).toBe('working');
	// rendering the chosen preview, then done with the video
	const rendering = view({ status: 'running', previews });
	expect([jobState(urlToVideo, 'video', rendering), eventFor(urlToVideo, rendering)]).toEqual([
		'working',
		undefined,
	]);
	const rendered = view({ status: 'done', previews, video_output: 'https://v.mp4' });
	expect([jobState(urlToVideo, 'video', rendered), eventFor(urlToVideo, rendered)]).toEqual([
		'done',
		'videoReady',
	]);
	// a direct video, and failures, read as Creatify says
	expect(view({ status: 'done', video_output: 'https://v.mp4' })).toBe('done');
	expect(view({ status: 'rejected', previews })).toBe('rejected');
});

test('AI Avatar prices a record without scripts as 30 s, never 0; with scripts at 15 characters a second', () => {
	const video = familyStep(aiAvatar, 'video').cost;
	expect(avatarSeconds({})).toBe(30);
	expect(video.credits({ render: true })).toBe(4);
	expect(video.credits({ model_version: 'aurora_v1', video_inputs: [] })).toBe(30);
	const scene = (text: string) => ({ voice: { type: 'text', input_text: text } });
	expect(avatarSeconds({ video_inputs: [scene('x'.repeat(450)), scene('y'.repeat(150))] })).toBe(
		40,
	);
	expect(video.credits({ video_inputs: [scene('x'.repeat(450)), scene('y'.repeat(150))] })).toBe(
		10,
	);
});

test("an Asset Generator request's outputs: the product of its output counts, as given or by default, at most", () => {
	expect(outputCount({})).toBe(1);
	expect(outputCount({ num_images: 3 })).toBe(3);
	expect(outputCount({ num_images: '2' }, { max_images: { default: 4 } })).toBe(8);
	expect(outputCount({}, { num_images: { default: 2 } })).toBe(2);
	expect(outputCount({ num_videos: 1.5, num_images: 0 })).toBe(2);
});
