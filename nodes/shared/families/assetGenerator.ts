/**
 * Asset Generator: one of Creatify's AI models (Veo, Kling, Nano Banana, Flux, Seedream, ...) makes images,
 * videos or audio from a prompt and the inputs its schema lists.
 * Guide: https://docs.creatify.ai/api-documentation/ai-generation/ai-generation ("First list available models and
 * their input parameter schemas, then create a generation and poll or receive a webhook when it's ready"; "You
 * can get the generated result from the assets field").
 * Schemas: https://docs.creatify.ai/api-reference/ai-generation/get-ai-generation-schema (GET
 * /api/asset_generator/schemas/?model_name=a,b -> [{model_name, input_params_schema, generation_type}])
 * Create: https://docs.creatify.ai/api-reference/ai-generation/post-ai-generation ({model_name, input_params,
 * webhook_url <= 200}); get one and list (`ids`, at most 100): .../get-ai-generation-, .../get-ai-generation.
 * Record: {id, model_name, gen_type, status initializing|generating|done|failed, failed_reason, assets (typed as
 * a string, described as a "List of generated assets"), credits_used (typed as a string), input_params, ...}.
 * The callback body is not documented: the trigger reads each callback's job back.
 */
import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { jobLabel, text } from '../helpers/labels';
import { inputParamsSchema } from '../helpers/listings';
import type { CreatifyJob, Schema } from '../helpers/schemas';
import { jobSchema } from '../helpers/schemas';
import { assetsOf } from '../helpers/templates';
import type { JobFamily, StepCost } from './types';
import { GENERATED_ASSETS } from './types';

/**
 * Credits per output of the models whose whole price Creatify's pages show, the highest figure where the price
 * depends on duration or resolution, and the higher where two copies of the pages disagree: an estimate is for
 * checking the balance and the Max Credits cap, which must not let a run spend more than they allow.
 * Sources: https://docs.creatify.ai/api-documentation/ai-generation/models (and its family pages, "from" prices
 * for most models) and https://creatify.mintlify.app/api-reference/ai-generation/post-ai-generation (full
 * tables). Other models need the option Credits per Output. The API reports no prices.
 */
export const DOCUMENTED_PRICES: Readonly<Record<string, number>> = {
	'kling-video/v1.6/pro/image-to-video': 24,
	'kling-video/v1.6/pro/text-to-video': 24,
	'veo3.1': 64,
	'veo3.1/fast': 32,
	'veo3.1/image-to-video': 64,
	'veo3.1/first-last-frame-to-video': 64,
	'veo3.1/reference-to-video': 64,
	'nano-banana': 4,
	'nano-banana/edit': 4,
	'nano-banana-2-lite': 0.5,
	'flux-pro/kontext/text-to-image': 4,
	'flux-pro/kontext/max/multi': 4,
	'flux-pro/v1.1-ultra': 1,
	'flux-2-pro': 1,
	'flux-2-pro/edit': 1,
	'bria/expand': 1,
	'bytedance/seedream/v4/edit': 1,
	'bytedance/seedream/v4/text-to-image': 1,
};

/**
 * Inputs by which models ask for several outputs ("total cost = per-output price × number of outputs"); a model
 * taking both a number of generations and images per generation (num_images × max_images) is counted at most.
 */
export const OUTPUT_COUNT_INPUTS = [
	'num_images',
	'num_outputs',
	'num_videos',
	'max_images',
] as const;

/** The price is per output: the plan's `credits_per_output` and `outputs` facts, read from the model. */
const perOutput: StepCost = {
	credits: (body: IDataObject) =>
		(Number(body.credits_per_output) || 0) * Math.max(1, Number(body.outputs) || 1),
	text: "the model's price per output (Get Many Models shows the documented ones)",
};

/** The record, with `assets` read as a list of {url, type} and `credits_used` as a number. */
const assetJobSchema = jobSchema(['model_name', 'gen_type']).transform((job) => {
	const credits = Number(job.credits_used);
	return {
		...job,
		assets: assetsOf(job.assets) as unknown as IDataObject[],
		...(job.credits_used !== undefined &&
		job.credits_used !== null &&
		job.credits_used !== '' &&
		!isNaN(credits)
			? { credits_used: credits }
			: {}),
	};
}) as Schema<CreatifyJob>;

export const assetGenerator: JobFamily<'assetGenerator'> = {
	name: 'assetGenerator',
	displayName: 'Asset Generator',
	resourceLabel: 'Asset Generator (AI Images and Videos)',
	aliases: ['asset generator', 'ai image', 'veo', 'kling', 'nano banana', 'flux'],
	noun: 'Generation',
	path: ['asset_generator'],
	schema: assetJobSchema,
	steps: [
		{
			name: 'assets',
			working: ['initializing', 'generating', 'pending', 'in_queue', 'running'],
			done: ['done'],
			cost: perOutput,
			event: {
				name: 'Assets Ready',
				value: 'assetsReady',
				description: 'Generated assets are finished: the record lists their URLs',
			},
		},
	],
	failed: ['failed', 'rejected'],
	recordFields: ['model_name', 'gen_type', 'input_params', 'output_nums'],
	files: [GENERATED_ASSETS],
	label: (job) => jobLabel(job, text(job.model_name), 'generation'),
	failureAdvice:
		"Check the inputs against the model's schema (Get Many Models shows it) and that image links are public.",
};

/** A model as GET /api/asset_generator/schemas/ lists it, with its documented price when the node knows one. */
export interface AssetModel extends IDataObject {
	model_name: string;
	generation_type?: string | null;
	input_params_schema?: { required?: string[]; properties?: IDataObject } | null;
	credits_per_output?: number | null;
}

const modelSchema = z
	.object({
		model_name: z.string().min(1),
		generation_type: z.string().nullish(),
		input_params_schema: inputParamsSchema,
	})
	.passthrough()
	.transform((model) => ({
		...model,
		credits_per_output: DOCUMENTED_PRICES[model.model_name] ?? null,
	})) as Schema<AssetModel>;

/** The models and their input schemas: GET /api/asset_generator/schemas/ (`model_name` filters, comma-separated). */
export const ASSET_MODELS = { path: ['asset_generator', 'schemas'], schema: modelSchema } as const;

/**
 * How many outputs a request asks for, at most: the product of the output-count inputs, each as given or else its
 * schema default (a fraction rounded up); one when there are none.
 */
export function outputCount(
	params: IDataObject,
	properties: Record<string, { default?: unknown }> = {},
): number {
	return OUTPUT_COUNT_INPUTS.reduce((outputs, name) => {
		const value = Math.ceil(Number(params[name] ?? properties[name]?.default));
		return value > 0 ? outputs * value : outputs;
	}, 1);
}
