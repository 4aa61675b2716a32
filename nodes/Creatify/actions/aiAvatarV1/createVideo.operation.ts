/**
 * Create Video: one avatar speaks a script, or lip-syncs an audio file, optionally on a green screen or a
 * transparent background (POST /api/lipsyncs/, https://docs.creatify.ai/api-reference/lipsyncs/post-apilipsyncs;
 * fields in nodes/shared/families/aiAvatarV1.ts).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { AVATAR_ASPECT_RATIOS, AVATAR_MODELS } from '../../../shared/families/aiAvatar';
import {
	CAPTION_STYLES,
	MAX_LIPSYNC_TEXT_LENGTH,
	aiAvatarV1,
} from '../../../shared/families/aiAvatarV1';
import { familyStep } from '../../../shared/families/types';
import {
	choiceProblem,
	httpUrlProblem,
	normalizeAspectRatio,
	uuidProblem,
} from '../../../shared/helpers/validation';
import { paidOperation } from '../../engine/engine';
import { jobCreation } from '../../engine/plan';
import { waitOptions, waitProperties } from '../../engine/waitParameters';
import { invalidInput, readOptions, readUuid } from '../common';
import {
	aspectRatioProperty,
	avatarPicker,
	optionsCollection,
	paidNotice,
	videoNameOption,
	voiceLocator,
	webhookUrlOption,
} from '../descriptions';
import { modelVersionField, modelVersionOption } from '../modelVersion';
import { SHARED_FIELDS, buildOptionalFields } from '../optionalFields';
import { lipsyncOptions } from './options';

const fromText = { show: { speechFrom: ['text'] } };

const properties: INodeProperties[] = [
	paidNotice(familyStep(aiAvatarV1, 'video').cost.text),
	avatarPicker('avatar', 'The avatar who speaks (Avatar → Get Many lists them)', true),
	{
		displayName: 'Speech From',
		name: 'speechFrom',
		type: 'options',
		options: [
			{ name: 'Script', value: 'text', description: "A script read by one of Creatify's voices" },
			{ name: 'Audio File URL', value: 'audio', description: 'Your own recording, lip-synced' },
		],
		default: 'text',
	},
	{
		displayName: 'Script',
		name: 'script',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		description: `What the avatar says, at most ${MAX_LIPSYNC_TEXT_LENGTH} characters`,
		displayOptions: fromText,
	},
	{
		...voiceLocator('voice', 'The voice that reads the script; left empty, Creatify picks one'),
		displayOptions: fromText,
	},
	{
		displayName: 'Audio URL',
		name: 'audioUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. https://cdn.example.com/voice-over.mp3',
		description:
			'A public link to the audio file Creatify downloads (e.g. a Text to Speech output)',
		displayOptions: { show: { speechFrom: ['audio'] } },
	},
	aspectRatioProperty,
	...waitProperties('poll'),
	optionsCollection([
		...lipsyncOptions,
		modelVersionOption(AVATAR_MODELS),
		videoNameOption,
		webhookUrlOption,
		...waitOptions(aiAvatarV1),
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['aiAvatarV1'], operation: ['createVideo'] } },
	properties,
);

/** The script or the audio file, checked. */
function speech(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	if (ctx.getNodeParameter('speechFrom', itemIndex, 'text') === 'audio') {
		const audio = String(ctx.getNodeParameter('audioUrl', itemIndex, '') ?? '').trim();
		const problem = httpUrlProblem('Audio URL', audio);
		if (problem) invalidInput(ctx, itemIndex, problem);
		return { audio };
	}
	const text = String(ctx.getNodeParameter('script', itemIndex, '') ?? '').trim();
	if (text === '') invalidInput(ctx, itemIndex, 'Script is empty: give what the avatar says');
	if (text.length > MAX_LIPSYNC_TEXT_LENGTH)
		invalidInput(
			ctx,
			itemIndex,
			`Script is ${text.length} characters long; Creatify accepts at most ${MAX_LIPSYNC_TEXT_LENGTH}`,
		);
	const voice = String(
		ctx.getNodeParameter('voice', itemIndex, '', { extractValue: true }) ?? '',
	).trim();
	const voiceProblem = voice ? uuidProblem('Voice ID', voice) : undefined;
	if (voiceProblem) invalidInput(ctx, itemIndex, voiceProblem);
	return { text, ...(voice ? { accent: voice } : {}) };
}

function lipsyncBody(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const creator = readUuid(ctx, 'avatar', 'Avatar ID', itemIndex);
	const aspectRatio = normalizeAspectRatio(ctx.getNodeParameter('aspectRatio', itemIndex, '9x16'));
	const problem = choiceProblem('Aspect Ratio', aspectRatio, AVATAR_ASPECT_RATIOS);
	if (problem) invalidInput(ctx, itemIndex, problem);
	const options = readOptions(ctx, itemIndex);
	const captionStyle = options.captionStyle;
	const styleProblem =
		captionStyle === undefined
			? undefined
			: choiceProblem('Caption Style', captionStyle, CAPTION_STYLES);
	if (styleProblem) invalidInput(ctx, itemIndex, styleProblem);
	return {
		creator,
		aspect_ratio: aspectRatio as string,
		...speech(ctx, itemIndex),
		...switches(options),
		...buildOptionalFields(ctx, itemIndex, options, [
			['name', SHARED_FIELDS.videoName],
			['webhookUrl', SHARED_FIELDS.webhookUrl],
		]),
		...modelVersionField(ctx, itemIndex, options.modelVersion, AVATAR_MODELS),
	};
}

/** The yes/no and caption options that are set, as Creatify's fields. */
function switches(options: IDataObject): IDataObject {
	const body: IDataObject = {};
	const fields = [
		['greenScreen', 'green_screen'],
		['transparentBackground', 'transparent_background'],
		['noCaption', 'no_caption'],
		['noMusic', 'no_music'],
	] as const;
	for (const [name, apiName] of fields)
		if (options[name] !== undefined) body[apiName] = Boolean(options[name]);
	if (options.captionStyle !== undefined) body.caption_style = options.captionStyle;
	for (const axis of ['x', 'y'] as const) {
		const value = options[`captionOffset${axis.toUpperCase()}`];
		if (value !== undefined) body[`caption_offset_${axis}`] = String(value);
	}
	return body;
}

export const execute = paidOperation(aiAvatarV1, (ctx, itemIndex) => {
	const body = lipsyncBody(ctx, itemIndex);
	const seconds = Number(readOptions(ctx, itemIndex).audioSeconds ?? 0);
	return {
		request: jobCreation(aiAvatarV1, itemIndex, 'lipsync', body),
		step: 'video',
		costFacts: { seconds: body.audio ? seconds : 0 },
	};
});
