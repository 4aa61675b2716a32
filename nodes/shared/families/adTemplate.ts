/**
 * AI Ad Templates (Creatify's "inspirations"): a template and the inputs its schema asks for become a job whose
 * output is a list of generated assets.
 * Templates: https://docs.creatify.ai/api-reference/inspiration/get-inspirations (no pagination; each with
 * input_params_schema and credit_cost), one: /get-inspiration
 * Jobs: https://docs.creatify.ai/api-reference/inspiration/post-inspiration-job ({inspiration_id, input_params,
 * webhook_url} -> {id, inspiration_id, gen_type, status, failed_reason, input_params, output, ...}),
 * /get-inspiration-job, /get-inspiration-jobs (`ids`, at most 100; no paginated variant)
 * Guide: https://docs.creatify.ai/api-documentation/inspiration/inspiration ("poll the job until status becomes
 * done"). The docs list no other statuses and no webhook body: the common Creatify lifecycle is assumed (an
 * unknown status counts as working), and the trigger reads every callback's job back before trusting it.
 */
import type { IDataObject } from 'n8n-workflow';

import { jobLabel, text } from '../helpers/labels';
import type { CreatifyJob, Schema } from '../helpers/schemas';
import { jobSchema } from '../helpers/schemas';
import { assetsOf } from '../helpers/templates';
import type { JobFamily, StepCost } from './types';
import { GENERATED_ASSETS } from './types';

/** The price is the template's credit_cost, which reaches the cost as the plan's `credit_cost` fact. */
const perTemplate: StepCost = {
	credits: (body: IDataObject) => Number(body.credit_cost ?? 0) || 0,
	text: "the template's credit cost (shown in the template list)",
};

/** The record, with `assets`: its output read as a list of {url, type}. */
const templateJobSchema = jobSchema(['inspiration_id', 'gen_type']).transform((job) => ({
	...job,
	assets: assetsOf(job.output) as unknown as IDataObject[],
})) as Schema<CreatifyJob>;

export const adTemplate: JobFamily<'adTemplate'> = {
	name: 'adTemplate',
	displayName: 'AI Ad Template',
	aliases: ['ad template'],
	noun: 'Template Job',
	path: ['inspiration_jobs'],
	schema: templateJobSchema,
	steps: [
		{
			name: 'assets',
			working: ['pending', 'in_queue', 'running'],
			done: ['done'],
			cost: perTemplate,
			event: {
				name: 'Assets Ready',
				value: 'assetsReady',
				description: 'An AI Ad Template job is finished: its record lists the generated assets',
			},
		},
	],
	failed: ['failed', 'rejected'],
	recordFields: ['inspiration_id', 'input_params', 'gen_type'],
	files: [GENERATED_ASSETS],
	label: (job) => jobLabel(job, text(job.gen_type), 'template job'),
	failureAdvice: "Check the inputs against the template's fields (Get Many Templates shows them).",
};
