import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { adTemplate } from '../../../shared/families/adTemplate';
import { familyStep } from '../../../shared/families/types';
import type { CreatifyTemplate } from '../../../shared/helpers/listings';
import type { InputSchema } from '../../../shared/helpers/templates';
import { fetchTemplate } from '../../../shared/transport/templates';
import { paidOperation } from '../../engine/engine';
import type { PaidItemPlan } from '../../engine/plan';
import { jobCreation } from '../../engine/plan';
import { waitOptions, waitProperties } from '../../engine/waitParameters';
import { readOptions, readUuid } from '../common';
import { optionsCollection, paidNotice, templateLocator, webhookUrlOption } from '../descriptions';
import type { Definition } from '../definitionForRun';
import { definitionForRun } from '../definitionForRun';
import { SHARED_FIELDS, buildOptionalFields } from '../optionalFields';
import { checkedSchemaInput, schemaInputProperties } from '../schemaInputs';

const properties: INodeProperties[] = [
	paidNotice(familyStep(adTemplate, 'assets').cost.text),
	templateLocator,
	...schemaInputProperties({
		fieldsOption: {
			name: 'Template Fields',
			description: "The template's own fields, filled below or mapped from the item",
		},
		mapper: {
			displayName: 'Template Inputs',
			method: 'getTemplateFields',
			dependsOn: 'template.value',
			noFieldsError: 'Pick a template first: its inputs are read from Creatify',
		},
		jsonDescription:
			'All inputs as one JSON object keyed by the template\'s field names (sent as input_params), e.g. {"Product Image": "https://…"}',
	}),
	...waitProperties('poll'),
	optionsCollection([webhookUrlOption, ...waitOptions(adTemplate)]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['adTemplate'], operation: ['create'] } },
	properties,
);

const TEMPLATE: Definition<CreatifyTemplate> = {
	noun: 'Template',
	notFoundAdvice: 'Pick the template from the list, or find its ID with Get Many Templates.',
	read: fetchTemplate,
};

/**
 * A template job: the template is read first (free) to check the inputs against its schema and to know its
 * price, then POST /api/inspiration_jobs/ {inspiration_id, input_params, webhook_url}
 * (https://docs.creatify.ai/api-reference/inspiration/post-inspiration-job).
 */
export const execute = paidOperation(adTemplate, async (ctx, itemIndex): Promise<PaidItemPlan> => {
	const templateId = readUuid(ctx, 'template', 'Template ID', itemIndex);
	const template = await definitionForRun(ctx, TEMPLATE, templateId, itemIndex);
	const inputParams = checkedSchemaInput(
		ctx,
		itemIndex,
		(template.input_params_schema ?? {}) as InputSchema,
		{
			noun: 'template',
			name: String(template.name ?? template.id),
			advice: "Fix the inputs; Get Many Templates shows each template's input schema.",
		},
	);
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
