/**
 * Image Ads: one product image becomes IAB ad banners in Creatify's standard sizes.
 * Create: https://docs.creatify.ai/api-reference/iab-images/post-iab-images ("Generates IAB-compliant ad banner
 * images in multiple standard sizes from a single input image; each request consumes 2 credits"; image a png,
 * jpg, jpeg or webp URL; webhook_url at most 200; output [{name, size, url, type}]; statuses pending, in_queue,
 * running, failed, done)
 * Get one and list: .../iab-images/get-iab-images-, .../get-iab-images (no `ids` filter is shown there; the node
 * asks with `ids`, at most 100, as every other family's list takes). The callback body is not documented: the
 * trigger reads each callback's job back.
 */
import type { IDataObject } from 'n8n-workflow';

import { jobLabel, text } from '../helpers/labels';
import type { CreatifyJob } from '../helpers/schemas';
import { jobSchema } from '../helpers/schemas';
import type { JobFamily } from './types';
import { fixedCost } from './types';

export const IMAGE_AD_CREDITS = 2;

/** The banners a record lists: {name, size, url, type} with a URL. */
export function bannersOf(job: CreatifyJob): IDataObject[] {
	const output = Array.isArray(job.output) ? (job.output as IDataObject[]) : [];
	return output.filter((banner) => typeof banner?.url === 'string' && banner.url !== '');
}

export const imageAd: JobFamily<'imageAd'> = {
	name: 'imageAd',
	displayName: 'Image Ad',
	resourceLabel: 'Image Ads',
	aliases: ['image ad', 'banner', 'iab'],
	noun: 'Image Ad',
	path: ['iab_images'],
	schema: jobSchema(['image']),
	steps: [
		{
			name: 'banners',
			working: ['pending', 'in_queue', 'running'],
			done: ['done'],
			cost: fixedCost(IMAGE_AD_CREDITS),
			event: {
				name: 'Assets Ready',
				value: 'assetsReady',
				description: 'Banners are finished: `output` lists each with its name, size and URL',
			},
		},
	],
	failed: ['failed', 'rejected'],
	recordFields: ['image'],
	files: [
		{
			value: 'banners',
			name: 'Banners',
			field: 'output',
			fileNameSuffix: '.png',
			mimeType: 'image/png',
			binarySuffix: '',
			urls: (job) => bannersOf(job).map((banner) => banner.url as string),
			pick: {
				displayName: 'Only Banners',
				description:
					'Download only the banners with these sizes or names, separated by commas (e.g. 300x250, 728x90); empty: every banner. The record still lists them all.',
				names: (job) =>
					bannersOf(job).map((banner) =>
						[banner.size, banner.name].filter((v): v is string => typeof v === 'string'),
					),
			},
		},
	],
	label: (job) => jobLabel(job, text(job.image)?.split('/').pop(), 'image ad'),
	failureAdvice: 'Check the image: a public PNG, JPG or WEBP link Creatify can download.',
};
