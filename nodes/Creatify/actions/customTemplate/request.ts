/**
 * A Custom Template video's request, shared by Create Video and Create Preview: the template, its variables
 * (name/value pairs or Creatify's JSON) and the options. Fields:
 * https://creatify.mintlify.app/api-reference/custom-template-jobs/post-custom-template-job (see
 * nodes/shared/families/customTemplate.ts).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { DEFAULT_TEMPLATE_SECONDS, TEMPLATE_MODELS } from '../../../shared/families/customTemplate';
import type { TemplateVariable } from '../../../shared/helpers/templateVariables';
import {
	VARIABLE_KINDS,
	templateVariables,
	variablesFromJson,
} from '../../../shared/helpers/templateVariables';
import { invalidInput, readOptions, readUuid } from '../common';
import { videoNameOption, webhookUrlOption } from '../descriptions';
import { modelVersionField, modelVersionOption } from '../modelVersion';
import { SHARED_FIELDS, buildOptionalFields } from '../optionalFields';

export const templateProperties: INodeProperties[] = [
	{
		displayName: 'Template ID',
		name: 'templateId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 3f2b8c1e-9a4d-4c1b-8e2f-5a6b7c8d9e0f',
		description:
			"The template's ID, from Creatify's app (a project to which you added API variables). Creatify's API does not list templates.",
	},
	{
		displayName: 'Variables From',
		name: 'variablesFrom',
		type: 'options',
		options: [
			{ name: 'Name/Value Pairs', value: 'pairs', description: 'One entry per variable' },
			{ name: 'JSON', value: 'json', description: "Creatify's variables object, as given" },
		],
		default: 'pairs',
	},
	{
		displayName: 'Variables',
		name: 'variables',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Variable',
		default: {},
		description:
			"The template's variables to fill, by the names they have in the template; a variable left out keeps the template's own content",
		displayOptions: { show: { variablesFrom: ['pairs'] } },
		options: [{ displayName: 'Variable', name: 'variable', values: variableFields() }],
	},
	{
		displayName: 'Variables (JSON)',
		name: 'variablesJson',
		type: 'json',
		default: '{\n  "headline": { "type": "text", "properties": { "content": "" } }\n}',
		description:
			'Each variable by its name: its type (text, image, video, audio, avatar or voiceover) and its properties: content for text, the file URL for image, video and audio, avatar_id or voice_id',
		displayOptions: { show: { variablesFrom: ['json'] } },
	},
];

function variableFields(): INodeProperties[] {
	return [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			description: 'The variable as named in the template, e.g. product_name',
		},
		{
			displayName: 'Type',
			name: 'kind',
			type: 'options',
			options: Object.keys(VARIABLE_KINDS).map((kind) => ({
				name: kind.charAt(0).toUpperCase() + kind.slice(1),
				value: kind,
			})),
			default: 'text',
			description:
				'Text for words, Image, Video or Audio for a file URL, Avatar or Voiceover for an avatar or voice ID',
		},
		{
			displayName: 'Value',
			name: 'value',
			type: 'string',
			default: '',
			description: 'The text, the file URL, or the avatar or voice ID',
		},
	];
}

export const templateOptions: INodeProperties[] = [
	{
		displayName: 'Expected Length (Seconds)',
		name: 'expectedSeconds',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: DEFAULT_TEMPLATE_SECONDS,
		description:
			"How long the template's videos run. Creatify prices by length, known only once rendered: Check Credits First and Max Credits per Run count this.",
	},
	modelVersionOption(TEMPLATE_MODELS),
	videoNameOption,
	webhookUrlOption,
];

/** The item's variables, checked: a variable that does not fit stops the item before anything is paid. */
function readVariables(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	let variables: TemplateVariable[] | string;
	if (ctx.getNodeParameter('variablesFrom', itemIndex, 'pairs') === 'json') {
		let json = ctx.getNodeParameter('variablesJson', itemIndex, '{}') as unknown;
		try {
			if (typeof json === 'string') json = JSON.parse(json);
		} catch (error) {
			invalidInput(
				ctx,
				itemIndex,
				`Variables (JSON) is not valid JSON: ${(error as Error).message}`,
			);
		}
		variables = variablesFromJson(json);
	} else {
		const pairs = ctx.getNodeParameter('variables.variable', itemIndex, []) as IDataObject[];
		variables = pairs.map((pair) => ({
			name: String(pair.name ?? ''),
			kind: String(pair.kind ?? 'text'),
			value: pair.value ?? '',
		}));
	}
	const body = typeof variables === 'string' ? variables : templateVariables(variables);
	if (typeof body === 'string') invalidInput(ctx, itemIndex, body);
	return body as IDataObject;
}

/** The body of an item's request, and the length it is priced at (a cost fact, never sent). */
export function templateRequest(ctx: IExecuteFunctions, itemIndex: number) {
	const templateId = readUuid(ctx, 'templateId', 'Template ID', itemIndex);
	const variables = readVariables(ctx, itemIndex);
	const options = readOptions(ctx, itemIndex);
	const body: IDataObject = {
		template_id: templateId,
		variables,
		...buildOptionalFields(ctx, itemIndex, options, [
			['name', SHARED_FIELDS.videoName],
			['webhookUrl', SHARED_FIELDS.webhookUrl],
		]),
		...modelVersionField(ctx, itemIndex, options.modelVersion, TEMPLATE_MODELS),
	};
	const seconds = Number(options.expectedSeconds ?? DEFAULT_TEMPLATE_SECONDS);
	return { body, costFacts: { seconds } };
}
