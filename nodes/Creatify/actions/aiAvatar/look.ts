/**
 * The options of an AI Avatar video: how each scene looks (avatar style, background, captions, visual style) and
 * what the whole video has (music, call to action, model, name, webhook). Fields:
 * https://docs.creatify.ai/api-reference/lipsyncs_v2/post-apilipsyncs (character.avatar_style normal|circle;
 * background {type image|video, url, fit crop|contain}; background_music {url, volume}; cta_end {cta_caption
 * {caption}, cta_logo {url}}; name at most 255).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { AVATAR_MODELS } from '../../../shared/families/aiAvatar';
import { choiceProblem, httpUrlProblem } from '../../../shared/helpers/validation';
import { captionOption, captionSetting } from '../captions';
import { invalidInput } from '../common';
import { videoNameOption, webhookUrlOption } from '../descriptions';
import { modelVersionField, modelVersionOption } from '../modelVersion';
import { SHARED_FIELDS, buildOptionalFields } from '../optionalFields';

/** A text property. */
export const text = (displayName: string, name: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	description,
});

/** What a background URL links to (the options' and each listed scene's). */
export const backgroundTypeProperty: INodeProperties = {
	displayName: 'Background Type',
	name: 'backgroundType',
	type: 'options',
	options: [
		{ name: 'Image', value: 'image' },
		{ name: 'Video', value: 'video' },
	],
	default: 'image',
	description: 'What Background URL links to',
};

export const lookOptions: INodeProperties[] = [
	{
		displayName: 'Avatar Style',
		name: 'avatarStyle',
		type: 'options',
		options: [
			{ name: 'Normal', value: 'normal' },
			{ name: 'Circle', value: 'circle' },
		],
		default: 'normal',
		description: 'The avatar full size, or in a circle',
	},
	text(
		'Background URL',
		'backgroundUrl',
		'An image or video behind the avatar in every scene (a scene of the list may set its own)',
	),
	backgroundTypeProperty,
	{
		displayName: 'Background Fit',
		name: 'backgroundFit',
		type: 'options',
		options: [
			{ name: 'Crop', value: 'crop', description: 'Fill the frame' },
			{
				name: 'Contain',
				value: 'contain',
				description: 'Images only: the whole image on a blurred background',
			},
		],
		default: 'crop',
	},
	captionOption,
	text('Visual Style', 'visualStyle', "A layout of Creatify's, e.g. FullAvatar"),
	text('Background Music URL', 'musicUrl', 'A music file played under the whole video'),
	{
		displayName: 'Background Music Volume',
		name: 'musicVolume',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
		default: 0.2,
		description: 'From 0 (silent) to 1',
	},
	text(
		'Call to Action Text',
		'ctaText',
		'A closing line shown at the end, e.g. "Shop now at example.com"',
	),
	text('Call to Action Logo URL', 'ctaLogoUrl', 'A logo shown with the call to action at the end'),
	modelVersionOption(AVATAR_MODELS),
	videoNameOption,
	webhookUrlOption,
];

function checkedUrl(ctx: IExecuteFunctions, itemIndex: number, label: string, value: unknown) {
	const url = String(value ?? '').trim();
	const problem = url ? httpUrlProblem(label, url) : undefined;
	if (problem) invalidInput(ctx, itemIndex, problem);
	return url;
}

/** The look the options give each scene built from the form or the list. */
export function sceneLook(ctx: IExecuteFunctions, itemIndex: number, options: IDataObject) {
	const look: IDataObject = {};
	if (options.avatarStyle !== undefined) {
		const problem = choiceProblem('Avatar Style', options.avatarStyle, ['normal', 'circle']);
		if (problem) invalidInput(ctx, itemIndex, problem);
		look.character = { avatar_style: options.avatarStyle };
	}
	const background = checkedUrl(ctx, itemIndex, 'Background URL', options.backgroundUrl);
	if (background)
		look.background = {
			type: options.backgroundType ?? 'image',
			url: background,
			...(options.backgroundFit ? { fit: options.backgroundFit } : {}),
		};
	const captions = captionSetting(options.captionSetting);
	if (captions) look.caption_setting = captions;
	if (options.visualStyle) look.visual_style = String(options.visualStyle).trim();
	return look;
}

/** The fields of the whole video the options set. */
export function videoLevel(ctx: IExecuteFunctions, itemIndex: number, options: IDataObject) {
	const body: IDataObject = buildOptionalFields(ctx, itemIndex, options, [
		['name', SHARED_FIELDS.videoName],
		['webhookUrl', SHARED_FIELDS.webhookUrl],
	]);
	const music = checkedUrl(ctx, itemIndex, 'Background Music URL', options.musicUrl);
	if (music) body.background_music = { url: music, volume: Number(options.musicVolume ?? 0.2) };
	const logo = checkedUrl(ctx, itemIndex, 'Call to Action Logo URL', options.ctaLogoUrl);
	const cta = String(options.ctaText ?? '').trim();
	if (cta || logo)
		body.cta_end = {
			...(cta ? { cta_caption: { caption: cta } } : {}),
			...(logo ? { cta_logo: { url: logo } } : {}),
		};
	return { ...body, ...modelVersionField(ctx, itemIndex, options.modelVersion, AVATAR_MODELS) };
}
