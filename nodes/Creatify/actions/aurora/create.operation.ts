import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	AURORA_MODELS,
	AURORA_RESOLUTIONS,
	aurora,
	auroraMaxSeconds,
} from '../../../shared/families/aurora';
import { familyStep } from '../../../shared/families/types';
import { choiceProblem, httpUrlProblem } from '../../../shared/helpers/validation';
import type { UploadFile } from '../../../shared/transport';
import { paidOperation } from '../../engine/engine';
import type { PaidItemPlan } from '../../engine/plan';
import { jobCreation } from '../../engine/plan';
import { waitOptions, waitProperties } from '../../engine/waitParameters';
import { invalidInput, readOptions } from '../common';
import { optionsCollection, paidNotice, webhookUrlOption } from '../descriptions';
import { SHARED_FIELDS, buildOptionalFields } from '../optionalFields';
import { mediaProperties, readMedia } from '../mediaInput';
import { AUDIO_INPUT, IMAGE_INPUT } from './inputs';

const MAX_NAME_LENGTH = 255;

const properties: INodeProperties[] = [
	paidNotice(familyStep(aurora, 'video').cost.text),
	...mediaProperties(IMAGE_INPUT),
	...mediaProperties(AUDIO_INPUT),
	{
		displayName: 'Audio Length (Seconds)',
		name: 'audioSeconds',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 3 },
		default: 0,
		description:
			"The audio's length, which sets the price. Creatify bills per second of audio, rounded up. Given (e.g. the duration field of a Text to Speech record), the node checks the credits and the model's length limit before sending; 0 means not known, and such items are left out of the credits check.",
	},
	{
		displayName: 'Model',
		name: 'model',
		type: 'options',
		options: [
			{
				name: 'Aurora 1',
				value: 'aurora_v1',
				description: '720p, 1 credit per second of audio, up to 5 minutes',
			},
			{
				name: 'Aurora 1 Fast',
				value: 'aurora_v1_fast',
				description: 'Faster, below 720p, 0.5 credits per second',
			},
			{
				name: 'Aurora 2',
				value: 'aurora_v2',
				description: 'Choose the resolution; up to 59.7 s of audio (14.375 s at 2K)',
			},
		],
		default: 'aurora_v1',
		description: "Creatify's Aurora model version",
	},
	{
		displayName: 'Resolution',
		name: 'resolution',
		type: 'options',
		options: [
			{ name: '480p (0.4 Credits per Second)', value: '480p' },
			{ name: '720p (0.7 Credits per Second)', value: '720p' },
			{ name: '1080p (1.4 Credits per Second)', value: '1080p' },
			{ name: '2K (2.8 Credits per Second)', value: '2k' },
		],
		default: '720p',
		description: 'The output resolution of Aurora 2, which sets its price',
		displayOptions: { show: { model: ['aurora_v2'] } },
	},
	...waitProperties('poll'),
	optionsCollection([
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			description: `A name for the video in Creatify, at most ${MAX_NAME_LENGTH} characters`,
		},
		{
			displayName: 'Output Upload URL',
			name: 'outputUploadUrl',
			type: 'string',
			default: '',
			description: "A URL Creatify uploads the finished video to (Creatify's output_upload_url)",
		},
		{
			displayName: 'Prompt Guidance Scale',
			name: 'promptGuidanceScale',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 10, numberPrecision: 2 },
			default: 1,
			description: 'How closely the video follows the text prompt, 0 to 10',
		},
		{
			displayName: 'Text Prompt',
			name: 'textPrompt',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			description:
				'The look of the video: camera angle, lighting, mood, setting, expression, pose, motion',
		},
		{
			displayName: 'Keep For (Days)',
			name: 'ttlDays',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 7,
			description: "How many days Creatify keeps the video (Creatify's ttl_days)",
		},
		webhookUrlOption,
		...waitOptions(aurora),
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['aurora'], operation: ['create'] } },
	properties,
);

/** The model, resolution and audio length, checked against each other. */
function readModel(ctx: IExecuteFunctions, itemIndex: number) {
	const model = ctx.getNodeParameter('model', itemIndex, 'aurora_v1');
	const resolution =
		model === 'aurora_v2' ? ctx.getNodeParameter('resolution', itemIndex, '720p') : undefined;
	const given = ctx.getNodeParameter('audioSeconds', itemIndex, 0);
	const seconds = given === '' || given === null ? 0 : Number(given);
	const problem =
		choiceProblem('Model', model, AURORA_MODELS) ??
		(resolution === undefined
			? undefined
			: choiceProblem('Resolution', resolution, AURORA_RESOLUTIONS)) ??
		(Number.isFinite(seconds) && seconds >= 0
			? undefined
			: `Audio Length must be a number of seconds, got "${String(given)}"`);
	if (problem) invalidInput(ctx, itemIndex, problem);
	const limit = auroraMaxSeconds(model, resolution);
	if (seconds > limit)
		invalidInput(
			ctx,
			itemIndex,
			`The audio is ${seconds} s long; ${String(model)}${resolution ? ` at ${String(resolution)}` : ''} takes at most ${limit} s`,
			'Shorten the audio, or choose Aurora 1, which takes up to 5 minutes.',
		);
	return { model, resolution, seconds };
}

/** The options as request fields. */
function readAuroraOptions(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const options = readOptions(ctx, itemIndex);
	const fields = buildOptionalFields(ctx, itemIndex, options, [
		[
			'name',
			{
				apiName: 'name',
				check: (v) =>
					v.length > MAX_NAME_LENGTH
						? `Name is longer than ${MAX_NAME_LENGTH} characters`
						: undefined,
			},
		],
		['textPrompt', { apiName: 'text_prompt' }],
		[
			'outputUploadUrl',
			{ apiName: 'output_upload_url', check: (v) => httpUrlProblem('Output Upload URL', v) },
		],
		['webhookUrl', SHARED_FIELDS.webhookUrl],
	]);
	const scale = options.promptGuidanceScale;
	if (scale !== undefined) {
		const value = Number(scale);
		if (!(value >= 0 && value <= 10))
			invalidInput(ctx, itemIndex, `Prompt Guidance Scale must be 0 to 10, got "${String(scale)}"`);
		fields.prompt_guidance_scale = value;
	}
	if (options.ttlDays !== undefined) {
		const days = Number(options.ttlDays);
		if (!(Number.isInteger(days) && days >= 1))
			invalidInput(
				ctx,
				itemIndex,
				`Keep For (Days) must be a whole number of days, got "${String(options.ttlDays)}"`,
			);
		fields.ttl_days = days;
	}
	return fields;
}

/**
 * An Aurora video: POST /api/aurora/ (https://docs.creatify.ai/api-reference/aurora/post-aurora) with the image
 * and audio as URLs in JSON, or, when either is a file from n8n, as a multipart request. The resolution field of
 * aurora_v2 is named as on https://docs.creatify.ai/api-documentation/aurora/model-aurora-2.
 */
export const execute = paidOperation(aurora, async (ctx, itemIndex): Promise<PaidItemPlan> => {
	const image = await readMedia(ctx, itemIndex, IMAGE_INPUT);
	const audio = await readMedia(ctx, itemIndex, AUDIO_INPUT);
	const { model, resolution, seconds } = readModel(ctx, itemIndex);
	const files: Record<string, UploadFile> = {};
	if (image.file) files.image = image.file;
	if (audio.file) files.audio = audio.file;
	const body: IDataObject = {
		...(image.url ? { image: image.url } : {}),
		...(audio.url ? { audio: audio.url } : {}),
		model_version: model as string,
		...(resolution ? { resolution: resolution as string } : {}),
		...readAuroraOptions(ctx, itemIndex),
	};
	return {
		request: jobCreation(aurora, itemIndex, 'Aurora video', body, files),
		step: 'video',
		...(seconds > 0 ? { costFacts: { audio_seconds: seconds } } : {}),
	};
});
