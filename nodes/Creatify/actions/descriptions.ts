import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { UUID_PATTERN } from '../../shared/helpers/validation';

/** A picker for a Creatify record: a searchable list loaded from the API, or a UUID typed or from an expression. */
function uuidLocator(
	fields: Pick<INodeProperties, 'displayName' | 'name' | 'description' | 'required'>,
	searchListMethod: string,
	example: string,
): INodeProperties {
	const noun = fields.displayName.toLowerCase();
	return {
		...fields,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod, searchable: true },
			},
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

export function taskIdLocator(description: string): INodeProperties {
	return uuidLocator(
		{ displayName: 'Task', name: 'taskId', required: true, description },
		'searchTasks',
		'3f2b8c1e-9a4d-4c1b-8e2f-5a6b7c8d9e0f',
	);
}

export const avatarLocator = uuidLocator(
	{
		displayName: 'Avatar',
		name: 'overrideAvatar',
		description:
			'The avatar to show with the product (type "Product With Avatar" only). Left empty, Creatify picks a matching avatar.',
	},
	'searchAvatars',
	'7a1c2e3f-4b5d-4e6f-8a9b-0c1d2e3f4a5b',
);

export const webhookUrlOption: INodeProperties = {
	displayName: 'Webhook URL',
	name: 'webhookUrl',
	type: 'string',
	default: '',
	placeholder: 'e.g. https://n8n.example.com/webhook/…/creatify',
	description:
		'Creatify POSTs the task here when this step succeeds or fails. Use the PRODUCTION URL of a Creatify Trigger node in an active workflow, not its test URL.',
};

export const imagePromptOption: INodeProperties = {
	displayName: 'Image Prompt',
	name: 'imagePrompt',
	type: 'string',
	typeOptions: { rows: 3 },
	default: '',
	description: 'Guidance for the preview image, e.g. the scene or style',
};

/** The notice of a paid operation; `cost` says what each item spends, e.g. "4 credits". */
export const paidNotice = (cost: string): INodeProperties => ({
	displayName: `Each item spends ${cost}. The request is never repeated automatically unless Creatify certainly did not receive it; n8n's own "Retry On Fail" setting does repeat it and may pay twice.`,
	name: 'paidNotice',
	type: 'notice',
	default: '',
});

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
		options,
		default: defaultOperation,
	};
}
