/**
 * Create: a custom avatar from a video of a person speaking. A file from an earlier node goes to
 * POST /api/personas_v2/ as multipart; a URL to POST /api/personas/ as JSON
 * (https://docs.creatify.ai/api-documentation/custom-avatar/byoa). Creatify takes one to two days, so the default
 * is not to wait: the Creatify Trigger's Avatar Ready event, or Get, tells when it is done.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { AVATAR_FIELD_MAX, avatar } from '../../../shared/families/avatar';
import { GENDERS } from '../../../shared/helpers/listings';
import { choiceProblem, commaList } from '../../../shared/helpers/validation';
import { paidOperation } from '../../engine/engine';
import type { PaidItemPlan } from '../../engine/plan';
import { jobCreation } from '../../engine/plan';
import { waitOptions, waitProperties } from '../../engine/waitParameters';
import { invalidInput, readOptions } from '../common';
import { GENDER_OPTIONS, optionsCollection, webhookUrlOption } from '../descriptions';
import type { MediaInput } from '../mediaInput';
import { mediaProperties, readMedia } from '../mediaInput';
import { SHARED_FIELDS, buildOptionalFields } from '../optionalFields';

const VIDEO_INPUT: MediaInput = {
	field: 'video',
	title: 'Video',
	noun: 'video',
	mimeTypes: ['video/mp4', 'video/quicktime'],
	extensions: ['mp4', 'mov'],
	defaultProperty: 'data',
	example: 'https://example.com/james-speaking.mp4',
	binaryDescription: 'A file an earlier node attached to the item, uploaded to Creatify',
};

const properties: INodeProperties[] = [
	{
		displayName:
			"Free: Creatify does not charge credits for custom avatars, but your plan caps how many you can have. Processing and review take one to two days: keep Don't Wait, then use a Creatify Trigger's Avatar Ready event (its Production URL as Webhook URL) or check with Get. n8n's Retry On Fail setting may create the same avatar twice.",
		name: 'paidNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Name',
		name: 'creatorName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. James',
		description:
			'Who the avatar is: names the real person for Creatify, not shown in videos (at most 255 characters)',
	},
	{
		displayName: 'Gender',
		name: 'gender',
		type: 'options',
		options: GENDER_OPTIONS,
		default: 'f',
	},
	{
		displayName: 'Video Scene',
		name: 'videoScene',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. office',
		description: 'A word for the background of the video (at most 255 characters)',
	},
	...mediaProperties(VIDEO_INPUT),
	...waitProperties('none'),
	optionsCollection([
		{
			displayName: 'Keywords',
			name: 'keywords',
			type: 'string',
			default: '',
			placeholder: 'e.g. friendly, business, outdoor',
			description: 'Words describing the avatar, separated by commas (at most 255 characters)',
		},
		{
			displayName: 'Labels',
			name: 'labels',
			type: 'string',
			default: '',
			description: 'Labels to tag the avatar with, separated by commas',
		},
		webhookUrlOption,
		...waitOptions(avatar, { download: false, free: true }),
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['avatar'], operation: ['create'] } },
	properties,
);

/** A text field Creatify caps at 255 characters, trimmed; required ones may not be empty. */
function readText(
	ctx: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	label: string,
	required: boolean,
): string {
	const text = String(value ?? '').trim();
	if (required && text === '') invalidInput(ctx, itemIndex, `${label} is empty`);
	if (text.length > AVATAR_FIELD_MAX)
		invalidInput(
			ctx,
			itemIndex,
			`${label} is ${text.length} characters long; Creatify accepts at most ${AVATAR_FIELD_MAX}`,
		);
	return text;
}

function readFields(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const param = (name: string) => ctx.getNodeParameter(name, itemIndex, '');
	const gender = param('gender');
	const problem = choiceProblem('Gender', gender, GENDERS);
	if (problem) invalidInput(ctx, itemIndex, problem);
	const options = readOptions(ctx, itemIndex);
	const keywords = readText(ctx, itemIndex, options.keywords, 'Keywords', false);
	const labels = commaList(options.labels);
	return {
		creator_name: readText(ctx, itemIndex, param('creatorName'), 'Name', true),
		gender: gender as string,
		video_scene: readText(ctx, itemIndex, param('videoScene'), 'Video Scene', true),
		...(keywords ? { keywords } : {}),
		...(labels.length ? { labels } : {}),
		...buildOptionalFields(ctx, itemIndex, options, [['webhookUrl', SHARED_FIELDS.webhookUrl]]),
	};
}

export const execute = paidOperation(avatar, async (ctx, itemIndex): Promise<PaidItemPlan> => {
	const fields = readFields(ctx, itemIndex);
	const video = await readMedia(ctx, itemIndex, VIDEO_INPUT);
	if (video.file) {
		const request = jobCreation(avatar, itemIndex, 'custom avatar', fields, {
			lipsync_input: video.file,
		});
		return { request: { ...request, path: ['personas_v2'] }, step: 'avatar' };
	}
	const body = { ...fields, lipsync_input: video.url };
	return { request: jobCreation(avatar, itemIndex, 'custom avatar', body), step: 'avatar' };
});
