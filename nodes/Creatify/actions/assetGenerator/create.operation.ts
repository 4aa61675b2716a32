/**
 * Generate: an image, video or audio from one of Creatify's AI models. The model's schema is read first (free)
 * to check the inputs and count the outputs, then POST /api/asset_generator/ {model_name, input_params,
 * webhook_url} (https://docs.creatify.ai/api-reference/ai-generation/post-ai-generation). "Pricing below is per
 * output (e.g. per video or per image). If a model supports multiple outputs (like num_images), total cost =
 * per-output price × number of outputs."
 */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { AssetModel } from '../../../shared/families/assetGenerator';
import { assetGenerator, outputCount } from '../../../shared/families/assetGenerator';
import { familyStep } from '../../../shared/families/types';
import type { InputSchema } from '../../../shared/helpers/templates';
import { paidOperation } from '../../engine/engine';
import type { PaidItemPlan } from '../../engine/plan';
import { jobCreation } from '../../engine/plan';
import { waitOptions, waitProperties } from '../../engine/waitParameters';
import { invalidInput, readOptions } from '../common';
import { definitionForRun } from '../definitionForRun';
import { optionsCollection, paidNotice, webhookUrlOption } from '../descriptions';
import { SHARED_FIELDS, buildOptionalFields } from '../optionalFields';
import { checkedSchemaInput, schemaInputProperties } from '../schemaInputs';
import { ASSET_MODEL, modelLocator } from './model';

const MODELS_PAGE = 'https://docs.creatify.ai/api-documentation/ai-generation/models';

const creditsPerOutputOption: INodeProperties = {
	displayName: 'Credits per Output',
	name: 'creditsPerOutput',
	type: 'number',
	typeOptions: { minValue: 0, numberPrecision: 2 },
	default: 0,
	description: `The model's price per image or video, from its page at ${MODELS_PAGE}. Used to check the balance and Max Credits before paying; it can raise, never lower, the price the node knows from Creatify's pages (Get Many Models shows it). 0: that known price; a model without one needs this set.`,
};

const properties: INodeProperties[] = [
	paidNotice(familyStep(assetGenerator, 'assets').cost.text),
	modelLocator,
	...schemaInputProperties({
		fieldsOption: {
			name: 'Model Fields',
			description: "The model's own inputs, filled below or mapped from the item",
		},
		mapper: {
			displayName: 'Model Inputs',
			method: 'getAssetModelFields',
			dependsOn: 'model.value',
			noFieldsError: 'Pick a model first: its inputs are read from Creatify',
		},
		jsonDescription:
			'All inputs as one JSON object keyed by input name (sent as input_params), e.g. {"prompt": "A lamp on an oak desk, morning light", "image_url": "https://…"}',
	}),
	...waitProperties('poll'),
	optionsCollection([creditsPerOutputOption, webhookUrlOption, ...waitOptions(assetGenerator)]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['assetGenerator'], operation: ['create'] } },
	properties,
);

function readModelName(ctx: IExecuteFunctions, itemIndex: number): string {
	const name = String(
		ctx.getNodeParameter('model', itemIndex, '', { extractValue: true }) ?? '',
	).trim();
	if (!name)
		invalidInput(
			ctx,
			itemIndex,
			'Model is empty',
			'Pick a model, or give its name (e.g. nano-banana).',
		);
	return name;
}

/**
 * The price per output: the documented one, raised (never lowered) by the option; a model with neither cannot be
 * checked, so it is refused.
 */
function pricePerOutput(ctx: IExecuteFunctions, itemIndex: number, model: AssetModel): number {
	const raw = readOptions(ctx, itemIndex).creditsPerOutput;
	const given = raw === undefined || raw === '' ? 0 : Number(raw);
	if (!(given >= 0))
		invalidInput(
			ctx,
			itemIndex,
			`Credits per Output must be a number of 0 or more, got ${JSON.stringify(raw)}`,
		);
	const known = model.credits_per_output;
	if (typeof known === 'number') return Math.max(given, known);
	if (given > 0) return given;
	return invalidInput(
		ctx,
		itemIndex,
		`The price of the model "${model.model_name}" is not known`,
		`Creatify's API gives no prices and the node knows only those its pages show whole. Set Options > Credits per Output to the model's price from ${MODELS_PAGE}, so that the run can be checked against your balance and Max Credits before paying.`,
	);
}

export const execute = paidOperation(
	assetGenerator,
	async (ctx, itemIndex): Promise<PaidItemPlan> => {
		const model = await definitionForRun(
			ctx,
			ASSET_MODEL,
			readModelName(ctx, itemIndex),
			itemIndex,
		);
		const schema = (model.input_params_schema ?? {}) as InputSchema;
		const inputParams = checkedSchemaInput(ctx, itemIndex, schema, {
			noun: 'model',
			name: model.model_name,
			advice: "Fix the inputs; Get Many Models shows each model's input schema.",
		});
		const optional = buildOptionalFields(ctx, itemIndex, readOptions(ctx, itemIndex), [
			['webhookUrl', SHARED_FIELDS.webhookUrl],
		]);
		return {
			request: jobCreation(assetGenerator, itemIndex, 'generation', {
				model_name: model.model_name,
				input_params: inputParams,
				...optional,
			}),
			step: 'assets',
			costFacts: {
				credits_per_output: pricePerOutput(ctx, itemIndex, model),
				outputs: outputCount(inputParams, schema.properties),
			},
		};
	},
);
