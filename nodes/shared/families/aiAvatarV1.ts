/**
 * AI Avatar V1 (Creatify's lipsync v1): one avatar speaks one script, or lip-syncs your own audio file, with a
 * green screen or a transparent background if wanted: what v2 (aiAvatar.ts) does not offer.
 * Create: https://docs.creatify.ai/api-reference/lipsyncs/post-apilipsyncs ("costs 5 credits for every 30
 * seconds"; creator (an avatar ID from /api/personas/) and aspect_ratio 16x9, 1x1, 9x16 required; text at most
 * 8,000 or audio (a file URL; "Either audio or text is required. If both are provided, audio will be used");
 * accent (an accent ID from /api/voices/); green_screen; transparent_background (".webm format with alpha
 * channel"); no_caption; no_music; caption_style; caption_offset_x/y from -0.5 to 0.5; model_version; name at
 * most 255; webhook_url at most 200; the video at `output`; webhook body {id, status, failed_reason, output})
 * Get one and list (`ids`, at most 100, a plain array): .../lipsyncs/get-apilipsyncs- and .../get-apilipsyncs
 * Creatify recommends v2 ("We recommend upgrading to the AI Avatar v2 API",
 * https://creatify.mintlify.app/api-documentation/ai-avatar/lipsync); v1's preview and render are left to v2.
 */
import type { IDataObject } from 'n8n-workflow';

import { jobLabel, text } from '../helpers/labels';
import { jobSchema } from '../helpers/schemas';
import { AVATAR_MODELS } from './aiAvatar';
import { modelCredits, modelOf } from './models';
import { estimatedSpeechSeconds } from './textToSpeech';
import type { JobFamily, StepCost } from './types';
import { JPEG_THUMBNAIL, MP4_VIDEO, videoStep } from './types';

export const MAX_LIPSYNC_TEXT_LENGTH = 8000;
/** caption_style's values on the create page (the list may have grown since). */
export const CAPTION_STYLES = [
	'normal-black',
	'normal-white',
	'normal-red',
	'normal-blue',
	'neo',
	'brick',
	'frenzy',
	'verana',
	'mustard',
	'glow',
	'mint',
	'coolers',
	'bilo',
	'toons',
	'deep-blue',
	'mystique',
	'caution',
	'duality',
] as const;

/**
 * The video's length: the cost fact `seconds` (Audio Length, given by the user for an audio file) or the script
 * at Text to Speech's pace. An audio file of unknown length counts as 0, as Aurora's does.
 */
function lipsyncSeconds(body: IDataObject): number {
	if (Number(body.seconds) > 0) return Number(body.seconds);
	if (body.audio) return 0;
	return Math.max(1, estimatedSpeechSeconds(String(body.text ?? '')));
}

const perVideo: StepCost = {
	credits: (body) => {
		const seconds = lipsyncSeconds(body);
		return seconds > 0 ? modelCredits(modelOf(body, AVATAR_MODELS), Math.ceil(seconds)) : 0;
	},
	text: '5 Creatify credits per 30 seconds of video with the standard model (estimated from the script, or from Audio Length)',
};

/** The node makes no v1 previews (v2 does): a v1 job is followed as one video step. */
const FAILED = ['failed', 'rejected'];

export const aiAvatarV1: JobFamily<'aiAvatarV1'> = {
	name: 'aiAvatarV1',
	displayName: 'AI Avatar V1',
	resourceLabel: 'AI Avatar V1 (Own Audio, Green Screen)',
	aliases: ['lipsync v1', 'green screen', 'transparent video'],
	noun: 'Lipsync',
	path: ['lipsyncs'],
	schema: jobSchema(['output', 'preview', 'video_thumbnail', 'name']),
	steps: [videoStep(perVideo)],
	failed: FAILED,
	callbackFields: ['id', 'status', 'failed_reason', 'output'],
	recordFields: ['creator', 'green_screen', 'transparent_background', 'no_caption'],
	files: [{ ...MP4_VIDEO, field: 'output' }, JPEG_THUMBNAIL],
	label: (video) => jobLabel(video, text(video.name) ?? text(video.text)?.slice(0, 40), 'lipsync'),
	failureAdvice:
		'Check the avatar ID, the script or the audio URL (a file Creatify can download) and the voice; a rejected video broke a content rule.',
};
