import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { FamilyName } from '../../shared/families';
import type { PickerMethod } from '../../shared/families/names';
import { jobIdParameter, jobPickerMethod } from '../../shared/families/names';
import type { JobFamily } from '../../shared/families/types';
import { UUID_PATTERN } from '../../shared/helpers/validation';

/** A picker's searchable list, loaded from the API by `searchListMethod`. */
const listMode = (searchListMethod: PickerMethod) => ({
	displayName: 'From List',
	name: 'list',
	type: 'list' as const,
	typeOptions: { searchListMethod, searchable: true },
});

/** A picker for a Creatify record: a searchable list loaded from the API, or a UUID typed or from an expression. */
function uuidLocator(
	fields: Pick<INodeProperties, 'displayName' | 'name' | 'description' | 'required'>,
	searchListMethod: PickerMethod,
	example: string,
): INodeProperties {
	const noun = fields.displayName.toLowerCase();
	return {
		...fields,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		modes: [
			listMode(searchListMethod),
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: `e.g. ${example}`,
				validation: [
					{
						type: 'regex',
						properties: {
							regex: `^\\s*${UUID_PATTERN}\\s*$`,
							errorMessage: `Not a valid ${noun} ID (a UUID)`,
						},
					},
				],
			},
		],
	};
}

/** A required picker of one of a family's jobs: a searchable list of its jobs, or an ID. */
export function jobLocator(family: JobFamily<FamilyName>, description: string): INodeProperties {
	return uuidLocator(
		{ displayName: family.noun, name: jobIdParameter(family), required: true, description },
		jobPickerMethod(family),
		'3f2b8c1e-9a4d-4c1b-8e2f-5a6b7c8d9e0f',
	);
}

/** A URL to Video link (a scraped product page), picked from the account's links. */
export function linkLocator(description: string): INodeProperties {
	return uuidLocator(
		{ displayName: 'Link', name: 'linkId', required: true, description },
		'searchLinks',
		'8c7d6e5f-4a3b-4c2d-9e1f-0a9b8c7d6e5f',
	);
}

/** An AI Ad Template, picked from Creatify's templates (GET /api/inspirations/). */
export const templateLocator = uuidLocator(
	{
		displayName: 'Template',
		name: 'template',
		required: true,
		description:
			'The AI Ad Template to generate with; its inputs appear below once it is picked (Get Many Templates lists them with their prices)',
	},
	'searchAdTemplates',
	'd749750d-4102-400d-949d-8e701bd0a800',
);

/** A voice accent, picked from Creatify's voices (GET /api/voices/). */
export function voiceLocator(name: string, description: string, required = false): INodeProperties {
	return uuidLocator(
		{ displayName: 'Voice', name, description, ...(required ? { required } : {}) },
		'searchVoices',
		'2e4f6a8b-0c1d-4e3f-8a5b-7c9d1e3f5a7b',
	);
}

/** An avatar (persona), picked from Creatify's avatars (GET /api/personas/). */
export function avatarPicker(name: string, description: string, required = false): INodeProperties {
	return uuidLocator(
		{ displayName: 'Avatar', name, description, ...(required ? { required } : {}) },
		'searchAvatars',
		'7a1c2e3f-4b5d-4e6f-8a9b-0c1d2e3f4a5b',
	);
}

export const avatarLocator = avatarPicker(
	'overrideAvatar',
	'The avatar to show with the product (type "Product With Avatar" only). Left empty, Creatify picks a matching avatar.',
);

/** A track of Creatify's music library (GET /api/musics/): its URL, picked from the list or given. */
export const musicLocator: INodeProperties = {
	displayName: 'Background Music',
	name: 'libraryMusic',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	modes: [
		listMode('searchMusics'),
		{
			displayName: 'By URL',
			name: 'url',
			type: 'string',
			placeholder: 'e.g. https://cdn.example.com/music/upbeat.mp3',
		},
	],
};

export const webhookUrlOption: INodeProperties = {
	displayName: 'Webhook URL',
	name: 'webhookUrl',
	type: 'string',
	default: '',
	placeholder: 'e.g. https://n8n.example.com/webhook/…/creatify',
	description:
		'An address Creatify calls when the job finishes or fails, e.g. the Production URL (not the Test URL) of a Creatify Trigger node in an active workflow. At most 200 characters. Not used with Wait for Creatify Callback, which needs this address for itself.',
};

/** A video's Name option, checked against Creatify's limit (optionalFields.ts). */
export const videoNameOption: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
	description: 'A name for the video in Creatify, at most 255 characters',
};

export const imagePromptOption: INodeProperties = {
	displayName: 'Image Prompt',
	name: 'imagePrompt',
	type: 'string',
	typeOptions: { rows: 3 },
	default: '',
	description: 'Guidance for the preview image, e.g. the scene or style',
};

/** The aspect ratios Product Video and URL to Video both offer, vertical first. */
export const aspectRatioProperty: INodeProperties = {
	displayName: 'Aspect Ratio',
	name: 'aspectRatio',
	type: 'options',
	options: [
		{ name: '9:16 (Vertical)', value: '9x16' },
		{ name: '16:9 (Landscape)', value: '16x9' },
		{ name: '1:1 (Square)', value: '1x1' },
	],
	default: '9x16',
	description:
		'The shape of the output: 9x16 for stories and reels, 16x9 for YouTube, 1x1 for feeds',
};

/** Creatify's genders of an avatar (m, f, nb). */
export const GENDER_OPTIONS = [
	{ name: 'Female', value: 'f' },
	{ name: 'Male', value: 'm' },
	{ name: 'Non-Binary', value: 'nb' },
];

/** The notice of a paid operation; `cost` says what each item spends, e.g. "4 credits". */
export const paidNotice = (cost: string): INodeProperties => ({
	displayName: `Each item spends ${cost}. The node never resends a request Creatify may have received, but n8n's Retry On Fail setting does: leave it off to avoid paying twice.`,
	name: 'paidNotice',
	type: 'notice',
	default: '',
});

/** The "Filters" collection of a listing. */
export function filtersCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options,
	};
}

/** The "Options" collection every operation with optional fields shows. */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options,
	};
}

/**
 * The Operation parameter of a resource. `Op` is the union of the resource's operation names, so an option
 * value that names no operation file fails to compile.
 */
export function operationProperty<Op extends string>(
	resource: string,
	options: Array<INodePropertyOptions & { value: Op }>,
	defaultOperation: Op,
): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		// the editor lists operations alphabetically
		options: [...options].sort((a, b) => a.name.localeCompare(b.name)),
		default: defaultOperation,
	};
}
