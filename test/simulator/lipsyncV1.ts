/**
 * The simulator's lipsync v1 jobs (nodes/shared/families/aiAvatarV1.ts): an avatar (creator) and an aspect ratio
 * are required, with a script (at most 8,000 characters) or an audio URL; a video lasts as long as its script
 * takes to speak at 15 characters a second, or as its audio (`?seconds=N` in the URL, else 10 s).
 */
import { PERSONAS } from './personas';
import type { PreviewRenderFamily } from './previewRender';
import { VOICES } from './urlToVideo';

const AVATAR_IDS = new Set(PERSONAS.map((persona) => persona.id));
const ACCENTS = new Set(VOICES.flatMap((voice) => voice.accents.map((accent) => accent.id)));
/** caption_style's values on Creatify's create page */
const STYLES = [
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
];

function problems(body: Record<string, unknown>): Record<string, string[]> {
	const errors: Record<string, string[]> = {};
	if (typeof body.creator !== 'string' || !AVATAR_IDS.has(body.creator))
		errors.creator = [`Invalid pk "${String(body.creator)}" - object does not exist.`];
	if (!['16x9', '1x1', '9x16'].includes(String(body.aspect_ratio)))
		errors.aspect_ratio = [`"${String(body.aspect_ratio)}" is not a valid choice.`];
	if (!body.text && !body.audio) errors.text = ['Either audio or text is required.'];
	if (typeof body.text === 'string' && body.text.length > 8000)
		errors.text = ['Ensure this field has no more than 8000 characters.'];
	if (body.accent !== undefined && !ACCENTS.has(String(body.accent)))
		errors.accent = [`Invalid pk "${String(body.accent)}" - object does not exist.`];
	if (body.caption_style !== undefined && !STYLES.includes(String(body.caption_style)))
		errors.caption_style = [`"${String(body.caption_style)}" is not a valid choice.`];
	return errors;
}

function seconds(body: Record<string, unknown>): number {
	if (typeof body.audio === 'string')
		return Number(new URL(body.audio).searchParams.get('seconds') ?? 10);
	return Math.ceil(Math.max(1, String(body.text ?? '').length / 15));
}

export const LIPSYNC_V1: PreviewRenderFamily = {
	resource: 'lipsyncs',
	videoField: 'output',
	problems,
	seconds,
	marker: (job) => `${String(job.name ?? '')} ${String(job.text ?? '')} ${String(job.audio ?? '')}`,
	// "transparent_background: ... the output video will be in .webm format with alpha channel"
	videoFile: (job) => (job.transparent_background ? 'video.webm' : 'video.mp4'),
};
