import type { INodeProperties } from 'n8n-workflow';

import { checkedOperation } from '../checkedOperation';
import { invalidInput } from '../common';
import { paidNotice } from '../descriptions';
import { linkBody, linkFieldProperties } from './linkFields';
import { linkFromPageRequest, linkRequest, pageUrlProperty, readPageUrl } from '../links';

const fromData = { show: { source: ['productData'] } };

const properties: INodeProperties[] = [
	{
		displayName: 'Source',
		name: 'source',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Product Page',
				value: 'page',
				description: "Creatify reads the page's title, description, images and videos",
			},
			{
				name: 'Product Data',
				value: 'productData',
				description:
					'Give the title, images and videos yourself, for a product without a page (1 credit)',
			},
		],
		default: 'page',
		description: "Where the link's title, images and videos come from",
	},
	{ ...paidNotice('1 Creatify credit'), displayOptions: fromData },
	{ ...pageUrlProperty, displayOptions: { show: { source: ['page'] } } },
	...linkFieldProperties.map((property) => ({ ...property, displayOptions: fromData })),
];

/**
 * A link from a product page (POST /api/links/) or from product data (POST /api/links/link_with_params/,
 * https://docs.creatify.ai/api-reference/links/post-apilink_with_params). Neither is repeated automatically.
 */
export const { description, execute } = checkedOperation(
	{ resource: 'urlToVideo', operation: 'createLink' },
	properties,
	(ctx, itemIndex) => {
		const source = ctx.getNodeParameter('source', itemIndex) as string;
		if (source === 'page') {
			return linkFromPageRequest(readPageUrl(ctx, itemIndex), itemIndex);
		}
		const values = Object.fromEntries(
			linkFieldProperties.map(({ name }) => [name, ctx.getNodeParameter(name, itemIndex, '')]),
		);
		const body = linkBody(ctx, itemIndex, values);
		const media = [body.image_urls, body.video_urls].flat().filter(Boolean);
		if (media.length === 0)
			invalidInput(
				ctx,
				itemIndex,
				'Give at least one Image URL or Video URL: a link needs one to make a video',
			);
		return linkRequest('POST', ['link_with_params'], itemIndex, { body });
	},
	'created',
);
