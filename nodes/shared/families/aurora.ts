/**
 * Aurora: an image and a voice recording become a talking video.
 * Create: https://docs.creatify.ai/api-reference/aurora/post-aurora (image and audio are file URLs, png, jpg, jpeg
 * or webp and mp3 or wav; name at most 255; prompt_guidance_scale 0 to 10, default 1; model_version; ttl_days;
 * output_upload_url; webhook_url at most 200; the request may be JSON, form or multipart; statuses pending,
 * in_queue, running, failed, done, rejected)
 * Get one: https://docs.creatify.ai/api-reference/aurora/get-aurora- ; list (`ids`, at most 100, no paginated
 * variant): https://docs.creatify.ai/api-reference/aurora/get-aurora
 * Models and prices: https://docs.creatify.ai/api-documentation/aurora/model-aurora-1 (aurora_v1 1 credit per
 * second, aurora_v1_fast 0.5, up to 5 minutes of audio) and /model-aurora-2 (aurora_v2 priced by resolution:
 * 480p 0.4, 720p 0.7 (default), 1080p 1.4, 2k 2.8 credits per second; up to 59.7 s of audio, 14.375 s at 2k).
 * Billing is per second of audio rounded up; failed videos are refunded. The webhook body was not shown in the
 * docs: the trigger reads the job back with GET /api/aurora/{id}/ before trusting it.
 */
import type { IDataObject } from 'n8n-workflow';

import { jobLabel, text } from '../helpers/labels';
import { jobSchema } from '../helpers/schemas';
import type { JobFamily, StepCost } from './types';
import { MP4_VIDEO, videoStep } from './types';

export const AURORA_MODELS = ['aurora_v1', 'aurora_v1_fast', 'aurora_v2'] as const;
export const AURORA_RESOLUTIONS = ['480p', '720p', '1080p', '2k'] as const;
export const IMAGE_EXTENSIONS = ['png', 'jpg', 'jpeg', 'webp'] as const;
export const AUDIO_EXTENSIONS = ['mp3', 'wav'] as const;

const V2_CREDITS_PER_SECOND: Record<string, number> = {
	'480p': 0.4,
	'720p': 0.7,
	'1080p': 1.4,
	'2k': 2.8,
};

/** What one second of audio costs with a model (and, for aurora_v2, a resolution; 720p by default). */
function auroraCreditsPerSecond(model: unknown, resolution: unknown): number {
	if (model === 'aurora_v1_fast') return 0.5;
	if (model === 'aurora_v2') return V2_CREDITS_PER_SECOND[String(resolution ?? '720p')] ?? 0.7;
	return 1;
}

/** The longest audio, in seconds, a model takes. */
export function auroraMaxSeconds(model: unknown, resolution: unknown): number {
	if (model !== 'aurora_v2') return 300;
	return resolution === '2k' ? 14.375 : 59.7;
}

/** Credits for an audio of `seconds`, billed per started second; 0 when the length is not known. */
export function auroraCredits(seconds: number, model: unknown, resolution: unknown): number {
	if (!(seconds > 0)) return 0;
	const credits = Math.ceil(seconds) * auroraCreditsPerSecond(model, resolution);
	return Math.round(credits * 10) / 10;
}

/** The audio's length is not sent to Creatify: it reaches the cost as the plan's `audio_seconds` fact. */
const perSecondOfAudio: StepCost = {
	credits: (body: IDataObject) =>
		auroraCredits(Number(body.audio_seconds ?? 0), body.model_version, body.resolution),
	text: 'Creatify credits per second of audio: 1 (Aurora 1), 0.5 (Aurora 1 Fast), 0.4 to 2.8 by resolution (Aurora 2)',
};

export const aurora: JobFamily<'aurora'> = {
	name: 'aurora',
	displayName: 'Aurora',
	resourceLabel: 'Aurora (Talking Video)',
	aliases: ['aurora', 'talking avatar'],
	noun: 'Aurora Video',
	path: ['aurora'],
	schema: jobSchema(['video_output', 'preview', 'name']),
	steps: [videoStep(perSecondOfAudio)],
	failed: ['failed', 'rejected'],
	recordFields: ['model_version', 'image', 'audio', 'text_prompt', 'prompt_guidance_scale'],
	files: [MP4_VIDEO],
	label: (video) => jobLabel(video, text(video.name), 'Aurora video'),
	failureAdvice:
		"Check the image (png, jpg, jpeg or webp, one clear face) and the audio (mp3 or wav, within the model's length); a rejected video broke a content rule. Failed videos are refunded.",
};
