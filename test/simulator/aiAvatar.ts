/**
 * The simulator's AI Avatar (lipsync v2) jobs: a request's scenes are checked as Creatify's page describes them
 * (nodes/shared/families/aiAvatar.ts), against the simulator's avatars and voices; a video lasts as long as its
 * scripts take to speak at 15 characters a second (at least one second per scene).
 */
import { PERSONAS } from './personas';
import type { PreviewRenderFamily } from './previewRender';
import { VOICES } from './urlToVideo';

const AVATAR_IDS = new Set(PERSONAS.map((persona) => persona.id));
const VOICE_IDS = new Set(VOICES.flatMap((voice) => voice.accents.map((accent) => accent.id)));

type Scene = {
	character?: { avatar_id?: unknown };
	voice?: { input_text?: unknown; voice_id?: unknown };
	background?: { type?: unknown; url?: unknown };
};

function sceneProblem(scene: Scene, n: number): string | undefined {
	const avatar = scene?.character?.avatar_id;
	const script = scene?.voice?.input_text;
	if (typeof avatar !== 'string' || !AVATAR_IDS.has(avatar))
		return `video_inputs[${n}].character.avatar_id: avatar "${String(avatar)}" does not exist.`;
	if (typeof script !== 'string' || script.trim() === '')
		return `video_inputs[${n}].voice.input_text: This field may not be blank.`;
	if (script.length > 2000)
		return `video_inputs[${n}].voice.input_text: Ensure this field has no more than 2000 characters.`;
	const voice = scene.voice?.voice_id;
	if (voice !== undefined && (typeof voice !== 'string' || !VOICE_IDS.has(voice)))
		return `video_inputs[${n}].voice.voice_id: voice "${String(voice)}" does not exist.`;
	const background = scene.background;
	if (background && !['image', 'video'].includes(String(background.type)))
		return `video_inputs[${n}].background.type: "${String(background.type)}" is not a valid choice.`;
	return undefined;
}

function problems(body: Record<string, unknown>): Record<string, string[]> {
	const scenes = body.video_inputs;
	const errors: Record<string, string[]> = {};
	if (!Array.isArray(scenes) || scenes.length === 0)
		errors.video_inputs = ['This list may not be empty.'];
	else {
		const found = scenes.map((scene, n) => sceneProblem(scene as Scene, n)).filter(Boolean);
		if (found.length) errors.video_inputs = found as string[];
	}
	if (
		body.aspect_ratio !== undefined &&
		!['9x16', '16x9', '1x1'].includes(String(body.aspect_ratio))
	)
		errors.aspect_ratio = [`"${String(body.aspect_ratio)}" is not a valid choice.`];
	return errors;
}

const scripts = (body: Record<string, unknown>) =>
	(Array.isArray(body.video_inputs) ? (body.video_inputs as Scene[]) : []).map((scene) =>
		String(scene?.voice?.input_text ?? ''),
	);

export const AI_AVATAR: PreviewRenderFamily = {
	resource: 'lipsyncs_v2',
	videoField: 'output',
	problems,
	seconds: (body) =>
		Math.ceil(scripts(body).reduce((total, script) => total + Math.max(1, script.length / 15), 0)),
	marker: (job) => `${String(job.name ?? '')} ${scripts(job).join(' ')}`,
};
