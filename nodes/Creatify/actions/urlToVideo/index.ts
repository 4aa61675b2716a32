import type { INodeProperties } from 'n8n-workflow';

import { urlToVideo as family } from '../../../shared/families/urlToVideo';
import { operationProperty } from '../descriptions';
import { jobReads } from '../jobOperations';
import * as createFromUrl from './createFromUrl.operation';
import * as createLink from './createLink.operation';
import * as createPreviews from './createPreviews.operation';
import * as createVideo from './createVideo.operation';
import * as getLink from './getLink.operation';
import * as render from './render.operation';
import * as updateLink from './updateLink.operation';

const reads = jobReads(family);

export const operations = {
	...reads.operations,
	createFromUrl,
	createLink,
	createPreviews,
	createVideo,
	getLink,
	render,
	updateLink,
};

export const description: INodeProperties[] = [
	operationProperty<keyof typeof operations>(
		family.name,
		[
			{
				name: 'Create Link',
				value: 'createLink',
				action: 'Create a link from a product page or product data',
				description:
					'Scrape a product page (or take product data) into a link to review before making a video',
			},
			{
				name: 'Create Previews',
				value: 'createPreviews',
				action: 'Create video ad previews in several styles',
				description:
					'Cheap previews of a video ad in the visual styles you choose, to look at before paying for the video (1 credit per 30 seconds of each preview)',
			},
			{
				name: 'Render',
				value: 'render',
				action: 'Render a chosen preview into a video',
				description:
					'Turn the preview you chose into the finished video ad (4 credits per 30 seconds)',
			},
			{
				name: 'Create Video',
				value: 'createVideo',
				action: 'Create a video ad from a link',
				description: 'A video ad from an existing link (5 credits per 30 seconds)',
			},
			{
				name: 'Create Video From URL',
				value: 'createFromUrl',
				action: 'Create a video ad from a product page URL',
				description:
					'Product page to finished video ad in one step: creates the link, then the video, and waits (5 credits per 30 seconds)',
			},
			{
				name: 'Get Link',
				value: 'getLink',
				action: 'Get a link',
				description: "Fetch one link with the page's scraped data",
			},
			{
				name: 'Update Link',
				value: 'updateLink',
				action: 'Update a link',
				description:
					"Change a link's title, description, images, videos or logo before making the video",
			},
			...reads.options,
		],
		'createFromUrl',
	),
	...createFromUrl.description,
	...createLink.description,
	...createPreviews.description,
	...render.description,
	...createVideo.description,
	...getLink.description,
	...updateLink.description,
	...reads.description,
];
