/**
 * An AI Avatar video's request, shared by Create Video and Create Preview: its scenes from one form, from a list
 * of scenes, or from Creatify's `video_inputs` JSON, and the settings of the whole video. Fields and limits:
 * https://docs.creatify.ai/api-reference/lipsyncs_v2/post-apilipsyncs (see nodes/shared/families/aiAvatar.ts).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	AVATAR_ASPECT_RATIOS,
	MAX_AVATAR_ID_LENGTH,
	MAX_SCENE_SCRIPT_LENGTH,
} from '../../../shared/families/aiAvatar';
import {
	choiceProblem,
	httpUrlProblem,
	normalizeAspectRatio,
	uuidProblem,
} from '../../../shared/helpers/validation';
import { invalidInput, readOptions } from '../common';
import { avatarPicker, voiceLocator } from '../descriptions';
import { backgroundTypeProperty, sceneLook, text, videoLevel } from './look';

const fromForm = { show: { scenesFrom: ['form'] } };

export const sceneProperties: INodeProperties[] = [
	{
		displayName: 'Scenes From',
		name: 'scenesFrom',
		type: 'options',
		options: [
			{ name: 'One Scene', value: 'form', description: 'One avatar reads one script' },
			{
				name: 'Scene List',
				value: 'list',
				description: 'Several scenes, each with its avatar, voice, script and background',
			},
			{
				name: 'JSON',
				value: 'json',
				description: "Creatify's video_inputs, for every setting the API offers",
			},
		],
		default: 'form',
	},
	{
		displayName: 'Script',
		name: 'script',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		description: `What the avatar says, at most ${MAX_SCENE_SCRIPT_LENGTH} characters`,
		displayOptions: fromForm,
	},
	{
		...avatarPicker('avatar', 'The avatar who presents (Avatar → Get Many lists them)', true),
		displayOptions: fromForm,
	},
	{
		...voiceLocator(
			'voice',
			"The voice (an accent of one of Creatify's voices) that reads the script",
			true,
		),
		displayOptions: fromForm,
	},
	{
		displayName: 'Scenes',
		name: 'scenes',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Scene',
		default: {},
		displayOptions: { show: { scenesFrom: ['list'] } },
		options: [{ displayName: 'Scene', name: 'scene', values: sceneListFields() }],
	},
	{
		displayName: 'Video Inputs (JSON)',
		name: 'videoInputs',
		type: 'json',
		default:
			'[\n  {\n    "character": { "type": "avatar", "avatar_id": "" },\n    "voice": { "type": "text", "input_text": "", "voice_id": "" }\n  }\n]',
		description:
			"Creatify's video_inputs: a list of scenes, each with character, voice, background, caption_setting, visual_style and more, sent as given",
		displayOptions: { show: { scenesFrom: ['json'] } },
	},
];

function sceneListFields(): INodeProperties[] {
	return [
		{
			...text(
				'Script',
				'script',
				`What the avatar says, at most ${MAX_SCENE_SCRIPT_LENGTH} characters`,
			),
			typeOptions: { rows: 3 },
		},
		text('Avatar ID', 'avatarId', 'The avatar of this scene (Avatar → Get Many lists them)'),
		text('Voice ID', 'voiceId', 'The voice accent of this scene (Voice → Get Many lists them)'),
		text(
			'Background URL',
			'backgroundUrl',
			"An image or video behind the avatar; empty: the video's background",
		),
		backgroundTypeProperty,
	];
}

interface SceneInput {
	script: unknown;
	avatar: unknown;
	voice: unknown;
	backgroundUrl?: unknown;
	backgroundType?: unknown;
}

/** One scene's request, checked; `n` numbers it in messages. */
function sceneOf(ctx: IExecuteFunctions, itemIndex: number, input: SceneInput, n: number) {
	const where = n < 0 ? '' : ` (scene ${n + 1})`;
	const script = String(input.script ?? '').trim();
	if (script === '')
		invalidInput(ctx, itemIndex, `Script is empty${where}: give what the avatar says`);
	if (script.length > MAX_SCENE_SCRIPT_LENGTH)
		invalidInput(
			ctx,
			itemIndex,
			`Script is ${script.length} characters long${where}; Creatify accepts at most ${MAX_SCENE_SCRIPT_LENGTH} per scene. Split it over several scenes`,
		);
	const avatar = String(input.avatar ?? '').trim();
	if (avatar === '' || avatar.length > MAX_AVATAR_ID_LENGTH)
		invalidInput(
			ctx,
			itemIndex,
			`Avatar ID "${avatar}" is not an avatar ID${where}: pick one from the list or give an ID from Avatar → Get Many`,
		);
	const voice = String(input.voice ?? '').trim();
	const voiceProblem = uuidProblem(`Voice ID${where}`, voice);
	if (voiceProblem) invalidInput(ctx, itemIndex, voiceProblem);
	const scene: IDataObject = {
		character: { type: 'avatar', avatar_id: avatar },
		voice: { type: 'text', input_text: script, voice_id: voice },
	};
	const background = String(input.backgroundUrl ?? '').trim();
	if (background) {
		const problem = httpUrlProblem(`Background URL${where}`, background);
		if (problem) invalidInput(ctx, itemIndex, problem);
		scene.background = { type: input.backgroundType ?? 'image', url: background };
	}
	return scene;
}

/** The scenes of the list, or of the one-scene form. */
function formScenes(ctx: IExecuteFunctions, itemIndex: number): IDataObject[] {
	if (ctx.getNodeParameter('scenesFrom', itemIndex, 'form') === 'form') {
		const value = (name: string) =>
			ctx.getNodeParameter(name, itemIndex, '', { extractValue: true });
		const input = { script: value('script'), avatar: value('avatar'), voice: value('voice') };
		return [sceneOf(ctx, itemIndex, input, -1)];
	}
	const list = ctx.getNodeParameter('scenes.scene', itemIndex, []) as IDataObject[];
	if (list.length === 0) invalidInput(ctx, itemIndex, 'Scenes is empty: add at least one scene');
	return list.map((scene, n) =>
		sceneOf(
			ctx,
			itemIndex,
			{ ...scene, avatar: scene.avatarId, voice: scene.voiceId } as SceneInput,
			n,
		),
	);
}

/** A scene of the JSON: an object with an avatar and, for a text voice, a script within the limit. */
function jsonSceneProblem(scene: unknown, n: number): string | undefined {
	if (scene === null || typeof scene !== 'object' || Array.isArray(scene))
		return `Video Inputs (JSON) scene ${n + 1} is not an object`;
	const { character, voice } = scene as { character?: IDataObject; voice?: IDataObject };
	const avatar = character?.avatar_id;
	if (typeof avatar !== 'string' || avatar.trim() === '' || avatar.length > MAX_AVATAR_ID_LENGTH)
		return `Video Inputs (JSON) scene ${n + 1} has no valid character.avatar_id`;
	const script = voice?.input_text;
	if (typeof script === 'string' && script.length > MAX_SCENE_SCRIPT_LENGTH)
		return `Video Inputs (JSON) scene ${n + 1}: voice.input_text is ${script.length} characters long; Creatify accepts at most ${MAX_SCENE_SCRIPT_LENGTH}`;
	return undefined;
}

function jsonScenes(ctx: IExecuteFunctions, itemIndex: number): IDataObject[] {
	let scenes = ctx.getNodeParameter('videoInputs', itemIndex, '[]') as unknown;
	if (typeof scenes === 'string') {
		try {
			scenes = JSON.parse(scenes);
		} catch (error) {
			invalidInput(
				ctx,
				itemIndex,
				`Video Inputs (JSON) is not valid JSON: ${(error as Error).message}`,
			);
		}
	}
	if (!Array.isArray(scenes) || scenes.length === 0)
		invalidInput(ctx, itemIndex, 'Video Inputs (JSON) must be a list of at least one scene');
	const problem = (scenes as unknown[]).map(jsonSceneProblem).find(Boolean);
	if (problem) invalidInput(ctx, itemIndex, problem);
	return scenes as IDataObject[];
}

/** A scene with the look of the options; what the scene sets itself (its avatar, its background) wins. */
function withLook(look: IDataObject, scene: IDataObject): IDataObject {
	const character = { ...(look.character as IDataObject), ...(scene.character as IDataObject) };
	return { ...look, ...scene, character };
}

/**
 * The body of an item's video or preview request: its scenes, then the settings of the whole video. Scenes from
 * the form or the list take the look options; JSON scenes are sent as given.
 */
export function avatarVideoBody(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const options = readOptions(ctx, itemIndex);
	const fromJson = ctx.getNodeParameter('scenesFrom', itemIndex, 'form') === 'json';
	const look = sceneLook(ctx, itemIndex, options);
	const scenes = fromJson
		? jsonScenes(ctx, itemIndex)
		: formScenes(ctx, itemIndex).map((scene) => withLook(look, scene));
	const aspectRatio = normalizeAspectRatio(ctx.getNodeParameter('aspectRatio', itemIndex, '9x16'));
	const problem = choiceProblem('Aspect Ratio', aspectRatio, AVATAR_ASPECT_RATIOS);
	if (problem) invalidInput(ctx, itemIndex, problem);
	return {
		video_inputs: scenes,
		aspect_ratio: aspectRatio as string,
		...videoLevel(ctx, itemIndex, options),
	};
}
