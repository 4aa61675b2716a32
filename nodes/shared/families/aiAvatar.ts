/**
 * AI Avatar (Creatify's lipsync v2): one or more of Creatify's avatars speak a script, scene by scene, with
 * captions, backgrounds and a call to action.
 * Create: https://docs.creatify.ai/api-reference/lipsyncs_v2/post-apilipsyncs (video_inputs[] of {character
 * {type avatar, avatar_id at most 50, avatar_style, offset, scale, hidden}, voice {type text, input_text at most
 * 2,000, voice_id, volume}, background {type image|video, url, fit, effect}, caption_setting, transition_effect,
 * visual_style, cta}; aspect_ratio 9x16 (default), 16x9, 1x1; background_music {url, volume}; cta_end; name at
 * most 255; webhook_url at most 200; model_version standard, aurora_v1, aurora_v1_fast)
 * Preview: .../lipsyncs_v2/post-apilipsyncs-preview ("costs 1 credit for every 30 seconds"; the record's
 * `preview` is a link to Creatify's web player, for an iframe)
 * Render: .../lipsyncs_v2/post-apilipsyncs-render ("costs 4 credits for every 30 seconds"; no body; webhook body
 * {id, status, failed_reason, output}, statuses pending, in_queue, running, failed, done)
 * Get one and list (`ids`, at most 100, a plain array; no paginated listing): .../lipsyncs_v2/get-apilipsyncs-
 * and .../get-apilipsyncs
 * The create page's own price could not be read: a direct video is priced as its model_version's description
 * says (standard 5 per 30 s), the same as URL to Video.
 * Lipsync v1 (/api/lipsyncs/) is not served: Creatify recommends v2, and what v1 adds (an audio file instead of a
 * script, green screen, transparent webm) is described in docs/families/ai-avatar.md.
 */
import type { IDataObject } from 'n8n-workflow';

import { jobLabel, text } from '../helpers/labels';
import { jobSchema } from '../helpers/schemas';
import type { ModelVersion } from './models';
import { blocksOf, modelCredits, modelOf } from './models';
import { isPreviewOf, previewPhaseStatus, previewStep, singlePreview } from './previewPhases';
import { estimatedSpeechSeconds } from './textToSpeech';
import type { JobFamily, StepCost } from './types';
import { JPEG_THUMBNAIL, MP4_VIDEO, videoStep } from './types';

export const AVATAR_MODELS: readonly ModelVersion[] = ['standard', 'aurora_v1', 'aurora_v1_fast'];
export const AVATAR_ASPECT_RATIOS = ['9x16', '16x9', '1x1'] as const;
export const MAX_SCENE_SCRIPT_LENGTH = 2000;
export const MAX_AVATAR_ID_LENGTH = 50;
export const PREVIEW_CREDITS_PER_30_SECONDS = 1;
export const RENDER_CREDITS_PER_30_SECONDS = 4;
/** The length a video is priced at when nothing tells it */
const UNKNOWN_LENGTH_SECONDS = 30;

/** The scripts of a request's scenes. */
function scripts(videoInputs: unknown): string[] {
	if (!Array.isArray(videoInputs)) return [];
	return videoInputs.map((scene: IDataObject) => {
		const voice = scene?.voice as IDataObject | undefined;
		return typeof voice?.input_text === 'string' ? voice.input_text : '';
	});
}

/**
 * A video's length: Creatify's `duration` once known (a cost fact of a render), else estimated from the scripts
 * at Text to Speech's pace (15 characters a second), at least one second per scene; 30 s without any script.
 */
export function avatarSeconds(body: IDataObject): number {
	if (typeof body.duration === 'number' && body.duration > 0) return body.duration;
	const scenes = scripts(body.video_inputs);
	// a record without its scenes (or scenes without scripts) is priced as 30 s, as a template video is
	if (scenes.every((script) => script === '')) return UNKNOWN_LENGTH_SECONDS;
	return scenes.reduce((total, script) => total + Math.max(1, estimatedSpeechSeconds(script)), 0);
}

/** A direct video at its model's price; the render of a preview at 4 per 30 s with the standard model. */
const perVideo: StepCost = {
	credits: (body) => {
		const model = modelOf(body, AVATAR_MODELS);
		const seconds = avatarSeconds(body);
		if (body.render && model === 'standard')
			return blocksOf(seconds) * RENDER_CREDITS_PER_30_SECONDS;
		return modelCredits(model, Math.ceil(seconds));
	},
	text: '5 Creatify credits per 30 seconds of video with the standard model (4 when rendering a preview; the length is estimated from the script before sending)',
};

const perPreview: StepCost = {
	credits: (body) => blocksOf(avatarSeconds(body)) * PREVIEW_CREDITS_PER_30_SECONDS,
	text: `${PREVIEW_CREDITS_PER_30_SECONDS} Creatify credit per 30 seconds of preview (the length is estimated from the script)`,
};

const FAILED = ['failed', 'rejected'];

export const aiAvatar: JobFamily<'aiAvatar'> = {
	name: 'aiAvatar',
	displayName: 'AI Avatar',
	aliases: ['ai avatar', 'lipsync', 'talking avatar', 'spokesperson'],
	noun: 'Avatar Video',
	path: ['lipsyncs_v2'],
	schema: jobSchema(['output', 'preview', 'video_thumbnail', 'name']),
	steps: [
		previewStep(perPreview, 'A preview is ready to look at: `preview` is its player URL'),
		videoStep(perVideo),
	],
	failed: FAILED,
	statusOf: previewPhaseStatus('output', FAILED, isPreviewOf('output')),
	preview: {
		step: 'preview',
		renderStep: 'video',
		previews: singlePreview,
		render: (job) => ({ path: ['lipsyncs_v2', job.id, 'render'], body: {} }),
		renderCostFacts: (job) => ({
			video_inputs: job.video_inputs ?? [],
			...(typeof job.duration === 'number' ? { duration: job.duration } : {}),
			model_version: job.model_version ?? 'standard',
			render: true,
		}),
	},
	callbackFields: ['id', 'status', 'failed_reason', 'output'],
	files: [{ ...MP4_VIDEO, field: 'output' }, JPEG_THUMBNAIL],
	label: (video) => jobLabel(video, text(video.name), 'avatar video'),
	failureAdvice:
		'Check the avatar and voice IDs, the scripts (at most 2,000 characters per scene) and the background URLs; a rejected video broke a content rule.',
};
