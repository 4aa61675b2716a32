/**
 * AI Scripts: Creatify writes ad scripts for a product link (a scraped product page), one per script style;
 * their text goes to URL to Video's Script, AI Avatar's scenes or Text to Speech.
 * List and one: https://creatify.mintlify.app/api-reference/ai-scripts/get-ai-scripts (`ids` at most 100,
 * `ordering`), .../get-ai-scripts- ; record {id, language, target_audience, video_length, script_styles[],
 * generated_scripts[{paragraphs, script_name, script_style, title}], status, failed_reason, product, credits_used}.
 * Create: POST /api/ai_scripts/ ("Generate AI-powered marketing scripts for the product", "override_script is the
 * response paragraphs of ai_scripts": https://creatify.mintlify.app/use-case/url-to-video). No page gives the
 * body: the node sends `link` and the fields the record echoes (assumed writable). No page gives the price: the
 * estimate is 1 credit, and the record's credits_used says what it cost. Only `pending` is shown among
 * the statuses: the common Creatify lifecycle is assumed, an unknown status counting as working.
 */
import type { IDataObject } from 'n8n-workflow';

import { jobLabel, text } from '../helpers/labels';
import type { CreatifyJob, Schema } from '../helpers/schemas';
import { jobSchema } from '../helpers/schemas';
import type { JobFamily } from './types';

/** The estimate of a request's price, which Creatify's pages do not give. */
export const AI_SCRIPT_CREDITS = 1;

/** The text of each generated script, in order. */
export function scriptTexts(job: IDataObject): string[] {
	const scripts = Array.isArray(job.generated_scripts)
		? (job.generated_scripts as IDataObject[])
		: [];
	return scripts
		.map((script) => script?.paragraphs)
		.filter(
			(paragraphs): paragraphs is string => typeof paragraphs === 'string' && paragraphs !== '',
		);
}

/** The record, with `script` (the first script's text) and `scripts` (every script's text) for expressions. */
const aiScriptSchema = jobSchema(['language', 'target_audience']).transform((job) => {
	const texts = scriptTexts(job);
	return { ...job, ...(texts.length ? { script: texts[0], scripts: texts } : {}) };
}) as Schema<CreatifyJob>;

export const aiScript: JobFamily<'aiScript'> = {
	name: 'aiScript',
	displayName: 'AI Script',
	resourceLabel: 'AI Scripts',
	aliases: ['ai script', 'ad script', 'copywriting'],
	noun: 'Script Job',
	path: ['ai_scripts'],
	schema: aiScriptSchema,
	steps: [
		{
			name: 'scripts',
			working: ['pending', 'in_queue', 'running'],
			done: ['done'],
			cost: {
				credits: () => AI_SCRIPT_CREDITS,
				text: "about 1 credit (Creatify's pages give no price; the record's credits_used says what it cost)",
			},
			event: {
				name: 'Scripts Ready',
				value: 'scriptsReady',
				description: 'Ad scripts are written: the record lists them in generated_scripts',
			},
		},
	],
	failed: ['failed', 'rejected'],
	recordFields: ['generated_scripts', 'script_styles', 'product'],
	files: [],
	label: (job) =>
		jobLabel(job, text((job.product as IDataObject | undefined)?.title), 'ad scripts'),
	failureAdvice:
		'Check the link: a product page Creatify could read, with a title and description.',
};
