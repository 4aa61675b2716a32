/**
 * The settings of a URL to Video video, shared by Create Video From URL and Create Video.
 * Fields and limits: https://docs.creatify.ai/api-reference/link_to_videos/post-apilink_to_videos
 * Values seen in the docs for the styles and platform: https://docs.creatify.ai/use-case/url-to-video
 * The pages show no complete list of script styles, visual styles or platforms, and list languages as ISO codes
 * (an enum whose full list could not be read): the editor offers the values the docs show, and any other value
 * given by an expression is sent as it is (Creatify's answer to a value it does not know becomes an item error
 * naming the field, and nothing is spent).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { familyStep } from '../../../shared/families/types';
import type { ModelVersion } from '../../../shared/families/models';
import { MODEL_VERSIONS } from '../../../shared/families/models';
import {
	VIDEO_ASPECT_RATIOS,
	VIDEO_LENGTHS,
	urlToVideo,
} from '../../../shared/families/urlToVideo';
import {
	choiceProblem,
	httpUrlProblem,
	normalizeAspectRatio,
	uuidProblem,
} from '../../../shared/helpers/validation';
import { waitOptions, waitProperties } from '../../engine/waitParameters';
import { invalidInput, readOptions } from '../common';
import { modelVersionField, modelVersionOption } from '../modelVersion';

/** URL to Video renders with every model Creatify prices. */
const URL_TO_VIDEO_MODELS = Object.keys(MODEL_VERSIONS) as ModelVersion[];
import {
	aspectRatioProperty,
	avatarLocator,
	musicLocator,
	optionsCollection,
	paidNotice,
	voiceLocator,
	webhookUrlOption,
} from '../descriptions';
import type { TextField } from '../optionalFields';
import { SHARED_FIELDS, buildOptionalFields } from '../optionalFields';
import { captionOption, captionSetting } from '../captions';

const SCRIPT_STYLES = ['BenefitsV2', 'DIY'];
export const VISUAL_STYLES = [
	'AvatarBubbleTemplate',
	'DynamicGreenScreenEffect',
	'DynamicProductTemplate',
	'EnhancedVanillaTemplate',
	'FeatureHighlightTemplate',
	'FullScreenTemplate',
	'GreenScreenEffectTemplate',
	'QuickTransitionTemplate',
	'SimpleAvatarOverlayTemplate',
];
const MAX_MUSIC_URL_LENGTH = 255;

const creatifyPicks = { name: 'Let Creatify Choose', value: '' };
const named = (values: string[]) => values.map((value) => ({ name: value, value }));

export const videoSettingsProperties: INodeProperties[] = [
	aspectRatioProperty,
	{
		displayName: 'Video Length',
		name: 'videoLength',
		type: 'options',
		options: VIDEO_LENGTHS.map((seconds) => ({ name: `${seconds} Seconds`, value: seconds })),
		default: 30,
		description:
			"The video's length; the price is counted per started 30 seconds of it (see the notice above). Another length can be given by an expression.",
	},
	{
		displayName: 'Language',
		name: 'language',
		type: 'string',
		default: 'en',
		placeholder: 'e.g. en',
		description:
			'The language of the script and voice-over, as a language code such as en, es or de',
	},
	{
		displayName: 'Target Platform',
		name: 'targetPlatform',
		type: 'string',
		default: '',
		placeholder: 'e.g. Instagram',
		description: 'Where the ad will run, e.g. Instagram or TikTok. Empty: not sent.',
	},
	{
		displayName: 'Target Audience',
		name: 'targetAudience',
		type: 'string',
		default: '',
		placeholder: 'e.g. Young Adults',
		description: 'Who the ad is for. Empty: not sent.',
	},
	{
		displayName: 'Script Style',
		name: 'scriptStyle',
		type: 'options',
		options: [creatifyPicks, ...named(SCRIPT_STYLES)],
		default: '',
		description:
			'How the script is written. Any other value Creatify accepts can be given by an expression.',
	},
	{
		displayName: 'Visual Style',
		name: 'visualStyle',
		type: 'options',
		options: [creatifyPicks, ...named(VISUAL_STYLES)],
		default: '',
		description:
			"The video's template. Any other value Creatify accepts can be given by an expression.",
	},
];

/** Switches that leave something out of the video: parameter, API field, name, what is left out. */
const SWITCHES: Array<[string, string, string, string]> = [
	['noBackgroundMusic', 'no_background_music', 'No Background Music', 'the background music'],
	['noCaption', 'no_caption', 'No Captions', 'the captions'],
	['noCta', 'no_cta', 'No Call to Action', 'the closing call-to-action screen'],
	[
		'noEmotion',
		'no_emotion',
		'No Emotion',
		"the avatar's emotional expressions (Creatify's no_emotion)",
	],
	[
		'noStockBroll',
		'no_stock_broll',
		'No Stock B-Roll',
		'the stock footage Creatify adds between shots',
	],
];

const volumeOption = (displayName: string, name: string): INodeProperties => ({
	displayName,
	name,
	type: 'number',
	typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
	default: 0.5,
	description: 'From 0 (silent) to 1 (full volume)',
});

export const videoSettingsOptions: INodeProperties[] = [
	{
		...avatarLocator,
		description: 'The avatar who presents the video. Left empty, Creatify picks a matching avatar.',
	},
	volumeOption('Background Music Volume', 'backgroundMusicVolume'),
	{
		...musicLocator,
		description:
			"A track of Creatify's music library, picked from the list (Music → Get Many lists them too). For your own file, use Background Music URL.",
	},
	{
		displayName: 'Background Music URL',
		name: 'backgroundMusicUrl',
		type: 'string',
		default: '',
		description: `A link to the music to play under the video, at most ${MAX_MUSIC_URL_LENGTH} characters`,
	},
	captionOption,
	modelVersionOption(URL_TO_VIDEO_MODELS),
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		description: 'A name for the video in Creatify',
	},
	...SWITCHES.map(([name, , displayName, what]) => ({
		displayName,
		name,
		type: 'boolean' as const,
		default: false,
		description: `Whether to leave ${what} out of the video`,
	})),
	{
		displayName: 'Script',
		name: 'overrideScript',
		type: 'string',
		typeOptions: { rows: 6 },
		default: '',
		description:
			'Your own script for the voice-over, instead of the one Creatify writes from the page',
	},
	voiceLocator(
		'overrideVoice',
		"The voice (an accent of one of Creatify's voices) that reads the script. Left empty, Creatify picks one.",
	),
	volumeOption('Voice-Over Volume', 'voiceoverVolume'),
	webhookUrlOption,
];

const TEXT_FIELDS: ReadonlyArray<readonly [string, TextField]> = [
	['name', { apiName: 'name' }],
	['overrideAvatar', SHARED_FIELDS.overrideAvatar],
	['overrideVoice', { apiName: 'override_voice', check: (v) => uuidProblem('Voice ID', v) }],
	['overrideScript', { apiName: 'override_script' }],
	['backgroundMusicUrl', { apiName: 'background_music_url', check: musicUrlProblem }],
	['libraryMusic', { apiName: 'background_music_url', check: musicUrlProblem }],
	['webhookUrl', SHARED_FIELDS.webhookUrl],
];

function musicUrlProblem(value: string): string | undefined {
	if (value.length > MAX_MUSIC_URL_LENGTH)
		return `Background Music URL is ${value.length} characters long; Creatify accepts at most ${MAX_MUSIC_URL_LENGTH}`;
	return httpUrlProblem('Background Music URL', value);
}

function volumeProblem(label: string, value: unknown, given: unknown): string | undefined {
	if (typeof value === 'number' && value >= 0 && value <= 1) return undefined;
	return `${label} must be a number from 0 to 1, got ${JSON.stringify(given)}`;
}

function lengthProblem(value: unknown): string | undefined {
	if (typeof value === 'number' && Number.isInteger(value) && value > 0) return undefined;
	return `Video Length must be a whole number of seconds, such as 15 or 30, got ${JSON.stringify(value)}`;
}

/** The settings fields every video request sends; a bad value is an item error before anything is sent. */
function requiredSettings(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const read = (name: string, fallback: unknown = '') =>
		ctx.getNodeParameter(name, itemIndex, fallback) as unknown;
	const aspectRatio = normalizeAspectRatio(read('aspectRatio', '9x16'));
	const videoLength = Number(read('videoLength', 30));
	const problem =
		choiceProblem('Aspect Ratio', aspectRatio, VIDEO_ASPECT_RATIOS) ?? lengthProblem(videoLength);
	if (problem) invalidInput(ctx, itemIndex, problem);
	const texts: Record<string, unknown> = {
		language: read('language', 'en'),
		target_platform: read('targetPlatform'),
		target_audience: read('targetAudience'),
		script_style: read('scriptStyle'),
		visual_style: read('visualStyle'),
	};
	const chosen = Object.entries(texts)
		.map(([key, value]) => [key, String(value ?? '').trim()] as const)
		.filter(([, value]) => value !== '');
	return {
		aspect_ratio: aspectRatio as string,
		video_length: videoLength,
		...Object.fromEntries(chosen),
	};
}

/** Whether an option holds a value (a picker's is { mode, value }). */
const isSet = (value: unknown) => {
	const inner = value !== null && typeof value === 'object' ? (value as IDataObject).value : value;
	return typeof inner === 'string' && inner.trim() !== '';
};

/** The Options of a video: text fields, volumes, switches and captions, checked. */
function optionalSettings(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const options = readOptions(ctx, itemIndex);
	if (isSet(options.libraryMusic) && isSet(options.backgroundMusicUrl))
		invalidInput(
			ctx,
			itemIndex,
			'Background Music and Background Music URL are both set: keep the one the video should play',
		);
	const body = buildOptionalFields(ctx, itemIndex, options, TEXT_FIELDS);
	for (const [name, apiName, label] of [
		['backgroundMusicVolume', 'background_music_volume', 'Background Music Volume'],
		['voiceoverVolume', 'voiceover_volume', 'Voice-Over Volume'],
	]) {
		if (options[name] === undefined) continue;
		// an expression may give the number as text, e.g. from a spreadsheet cell
		const raw = options[name];
		const volume = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
		const problem = volumeProblem(label, volume, raw);
		if (problem) invalidInput(ctx, itemIndex, problem);
		body[apiName] = volume as number;
	}
	for (const [name, apiName] of SWITCHES) {
		if (options[name] !== undefined) body[apiName] = Boolean(options[name]);
	}
	Object.assign(body, modelVersionField(ctx, itemIndex, options.modelVersion, URL_TO_VIDEO_MODELS));
	const captions = captionSetting(options.captionSetting);
	if (captions) body.caption_setting = captions;
	return body;
}

/** The parameters of a paid video operation: the notice, what the video is made from, the settings, waiting. */
export function videoOperationProperties(source: INodeProperties): INodeProperties[] {
	return [
		paidNotice(familyStep(urlToVideo, 'video').cost.text),
		source,
		...videoSettingsProperties,
		...waitProperties('poll'),
		optionsCollection([...videoSettingsOptions, ...waitOptions(urlToVideo)]),
	];
}

/** The body of a video request for an item, without the link. */
export function videoSettings(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	return { ...requiredSettings(ctx, itemIndex), ...optionalSettings(ctx, itemIndex) };
}
