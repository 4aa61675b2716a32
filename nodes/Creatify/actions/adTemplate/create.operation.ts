import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	ResourceMapperValue,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { adTemplate } from '../../../shared/families/adTemplate';
import { familyStep } from '../../../shared/families/types';
import type { CreatifyTemplate } from '../../../shared/helpers/listings';
import type { InputSchema } from '../../../shared/helpers/templates';
import { checkedInput } from '../../../shared/helpers/templates';
import { paidOperation } from '../../engine/engine';
import type { PaidItemPlan } from '../../engine/plan';
import { jobCreation } from '../../engine/plan';
import { waitOptions, waitProperties } from '../../engine/waitParameters';
import { invalidInput, readOptions, readUuid } from '../common';
import { optionsCollection, paidNotice, templateLocator, webhookUrlOption } from '../descriptions';
import { SHARED_FIELDS, buildOptionalFields } from '../optionalFields';
import { templateForRun } from './template';

const properties: INodeProperties[] = [
	paidNotice(familyStep(adTemplate, 'assets').cost.text),
	templateLocator,
	{
		displayName: 'Inputs',
		name: 'inputMode',
		type: 'options',
		options: [
			{
				name: 'Template Fields',
				value: 'fields',
				description: "The template's own fields, filled below or mapped from the item",
			},
			{
				name: 'JSON',
				value: 'json',
				description: 'The input parameters as one JSON object, e.g. from an expression',
			},
		],
		default: 'fields',
		description: "How to give the template's inputs",
	},
	{
		displayName: 'Template Inputs',
		name: 'inputFields',
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		required: true,
		typeOptions: {
			loadOptionsDependsOn: ['template.value'],
			resourceMapper: {
				resourceMapperMethod: 'getTemplateFields',
				mode: 'add',
				fieldWords: { singular: 'input', plural: 'inputs' },
				addAllFields: true,
				multiKeyMatch: false,
				supportAutoMap: true,
				noFieldsError: 'Pick a template first: its inputs are read from Creatify',
			},
		},
		displayOptions: { show: { inputMode: ['fields'] } },
	},
	{
		displayName: 'Input Parameters (JSON)',
		name: 'inputJson',
		type: 'json',
		default: '{}',
		required: true,
		description:
			'The input_params object, its keys being the template\'s field names, e.g. {"Product Image": "https://…"}',
		displayOptions: { show: { inputMode: ['json'] } },
	},
	...waitProperties('poll'),
	optionsCollection([webhookUrlOption, ...waitOptions(adTemplate)]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['adTemplate'], operation: ['create'] } },
	properties,
);

/** The item's inputs: the JSON object, the fields set below, or (auto-map) the item's own fields. */
function readInput(ctx: IExecuteFunctions, itemIndex: number, schema: InputSchema): IDataObject {
	if (ctx.getNodeParameter('inputMode', itemIndex, 'fields') === 'json') {
		let value = ctx.getNodeParameter('inputJson', itemIndex, '{}');
		if (typeof value === 'string') {
			try {
				value = JSON.parse(value) as IDataObject;
			} catch {
				invalidInput(ctx, itemIndex, 'Input Parameters (JSON) is not valid JSON');
			}
		}
		if (value === null || typeof value !== 'object' || Array.isArray(value))
			invalidInput(
				ctx,
				itemIndex,
				'Input Parameters (JSON) must be an object of input names and values',
			);
		return value as IDataObject;
	}
	const mapped = ctx.getNodeParameter('inputFields', itemIndex) as ResourceMapperValue;
	if (mapped.mappingMode !== 'autoMapInputData') return (mapped.value ?? {}) as IDataObject;
	const item = ctx.getInputData()[itemIndex]?.json ?? {};
	const names = Object.keys(schema.properties ?? {});
	if (names.length === 0)
		invalidInput(
			ctx,
			itemIndex,
			"Map Automatically needs the template's input names, but its schema lists none",
			'Choose Inputs: JSON and give the input parameters as an object.',
		);
	return Object.fromEntries(Object.entries(item).filter(([name]) => names.includes(name)));
}

function checkedParams(
	ctx: IExecuteFunctions,
	itemIndex: number,
	template: CreatifyTemplate,
): IDataObject {
	const schema = (template.input_params_schema ?? {}) as InputSchema;
	const { params, problems } = checkedInput(schema, readInput(ctx, itemIndex, schema));
	if (problems.length)
		invalidInput(
			ctx,
			itemIndex,
			`The inputs do not fit the template "${template.name ?? template.id}": ${problems.join('; ')}`,
			"Fix the inputs; Get Many Templates shows each template's input schema.",
		);
	return params;
}

/**
 * A template job: the template is read first (free) to check the inputs against its schema and to know its
 * price, then POST /api/inspiration_jobs/ {inspiration_id, input_params, webhook_url}
 * (https://docs.creatify.ai/api-reference/inspiration/post-inspiration-job).
 */
export const execute = paidOperation(adTemplate, async (ctx, itemIndex): Promise<PaidItemPlan> => {
	const templateId = readUuid(ctx, 'template', 'Template ID', itemIndex);
	const template = await templateForRun(ctx, templateId, itemIndex);
	const inputParams = checkedParams(ctx, itemIndex, template);
	const optional = buildOptionalFields(ctx, itemIndex, readOptions(ctx, itemIndex), [
		['webhookUrl', SHARED_FIELDS.webhookUrl],
	]);
	return {
		request: jobCreation(adTemplate, itemIndex, 'template job', {
			inspiration_id: templateId,
			input_params: inputParams,
			...optional,
		}),
		step: 'assets',
		costFacts: { credit_cost: template.credit_cost ?? 0 },
	};
});
