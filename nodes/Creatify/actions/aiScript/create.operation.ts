/**
 * Create: ad scripts for a product, from a link or a product page (scraped into a link first), POST
 * /api/ai_scripts/ (see nodes/shared/families/aiScript.ts for what its pages left open).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { aiScript } from '../../../shared/families/aiScript';
import { familyStep } from '../../../shared/families/types';
import { commaList } from '../../../shared/helpers/validation';
import { VIDEO_LENGTHS } from '../../../shared/families/urlToVideo';
import { paidOperation } from '../../engine/engine';
import type { PaidItemPlan } from '../../engine/plan';
import { jobCreation } from '../../engine/plan';
import { waitOptions, waitProperties } from '../../engine/waitParameters';
import { invalidInput, readOptions, readUuid } from '../common';
import { linkLocator, optionsCollection, paidNotice, webhookUrlOption } from '../descriptions';
import { linkPrelude, pageUrlProperty, readPageUrl } from '../links';
import { SHARED_FIELDS, buildOptionalFields } from '../optionalFields';

const properties: INodeProperties[] = [
	paidNotice(familyStep(aiScript, 'scripts').cost.text),
	{
		displayName: 'Product From',
		name: 'source',
		type: 'options',
		options: [
			{
				name: 'Product Page URL',
				value: 'url',
				description: 'Creatify reads the page into a link first, then writes the scripts',
			},
			{
				name: 'Link',
				value: 'link',
				description:
					'A link made before (URL to Video > Create Link, from a page or from product data)',
			},
		],
		default: 'url',
	},
	{ ...pageUrlProperty, displayOptions: { show: { source: ['url'] } } },
	{
		...linkLocator('The link (a product page read by Creatify) to write the scripts for'),
		displayOptions: { show: { source: ['link'] } },
	},
	...waitProperties('poll'),
	optionsCollection([
		{
			displayName: 'Language',
			name: 'language',
			type: 'string',
			default: 'en',
			placeholder: 'e.g. en',
			description: 'The language of the scripts, as a two-letter code (en, es, de, fr, ja, …)',
		},
		{
			displayName: 'Script Styles',
			name: 'scriptStyles',
			type: 'string',
			default: '',
			placeholder: 'e.g. BenefitsV2, ProblemSolutionV2',
			description:
				"Creatify's script styles to write, separated by commas (one script each); empty: Creatify's choice",
		},
		{
			displayName: 'Target Audience',
			name: 'targetAudience',
			type: 'string',
			default: '',
			placeholder: 'e.g. young adults who cycle to work',
		},
		{
			displayName: 'Video Length',
			name: 'videoLength',
			type: 'options',
			options: VIDEO_LENGTHS.map((seconds) => ({ name: `${seconds} Seconds`, value: seconds })),
			default: 30,
			description: 'How long a video reading the script should be',
		},
		webhookUrlOption,
		...waitOptions(aiScript, { download: false }),
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['aiScript'], operation: ['create'] } },
	properties,
);

function readSettings(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const options = readOptions(ctx, itemIndex);
	const styles = commaList(options.scriptStyles);
	// a length from a sheet or a webhook may come as text
	const length = options.videoLength === undefined ? undefined : Number(options.videoLength);
	if (length !== undefined && !(VIDEO_LENGTHS as readonly number[]).includes(length))
		invalidInput(
			ctx,
			itemIndex,
			`Video Length must be one of ${VIDEO_LENGTHS.join(', ')} seconds, got ${JSON.stringify(options.videoLength)}`,
		);
	const text = (value: unknown) => String(value ?? '').trim() || undefined;
	const settings: IDataObject = {
		language: text(options.language),
		target_audience: text(options.targetAudience),
		video_length: length,
		...(styles.length ? { script_styles: styles } : {}),
		...buildOptionalFields(ctx, itemIndex, options, [['webhookUrl', SHARED_FIELDS.webhookUrl]]),
	};
	return Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined));
}

export const execute = paidOperation(aiScript, (ctx, itemIndex): PaidItemPlan => {
	const settings = readSettings(ctx, itemIndex);
	if (ctx.getNodeParameter('source', itemIndex, 'url') === 'link') {
		const link = readUuid(ctx, 'linkId', 'Link ID', itemIndex);
		return {
			request: jobCreation(aiScript, itemIndex, 'script job', { link, ...settings }),
			step: 'scripts',
		};
	}
	return {
		prelude: linkPrelude(readPageUrl(ctx, itemIndex), itemIndex, 'choose Product From: Link'),
		request: jobCreation(aiScript, itemIndex, 'script job', settings),
		step: 'scripts',
	};
});
