import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ASPECT_RATIOS, PRODUCT_TYPES, taskSchema } from '../../helpers/schemas';
import { choiceProblem, normalizeAspectRatio, productUrlProblem } from '../../helpers/validation';
import { invalidInput, readOptions, runPaidPerItem } from '../common';
import {
	avatarLocator,
	imagePromptOption,
	paidNotice,
	PRODUCT_TYPE_OPTIONS,
	webhookUrlOption,
} from '../descriptions';
import { buildOptionalFields } from './optionalFields';

const properties: INodeProperties[] = [
	paidNotice(1),
	{
		displayName: 'Product Image URL',
		name: 'productUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. https://shop.example.com/images/bottle.png',
		description:
			'A direct link to the product image (PNG, JPG or WEBP), at most 200 characters. Not a product page.',
	},
	{
		displayName: 'Type',
		name: 'productType',
		type: 'options',
		options: PRODUCT_TYPE_OPTIONS,
		default: 'product_anyshot',
	},
	{
		displayName: 'Aspect Ratio',
		name: 'aspectRatio',
		type: 'options',
		options: [
			{ name: '9:16 (Vertical)', value: '9x16' },
			{ name: '16:9 (Landscape)', value: '16x9' },
			{ name: '1:1 (Square)', value: '1x1' },
		],
		default: '9x16',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			avatarLocator,
			imagePromptOption,
			{
				displayName: 'Product Showcase URL',
				name: 'productShowcaseUrl',
				type: 'string',
				default: '',
				description: 'A second image of the product in use, to guide the scene',
			},
			webhookUrlOption,
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['productVideo'], operation: ['generateImage'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await runPaidPerItem(this, items, (itemIndex) => {
		const productUrl = this.getNodeParameter('productUrl', itemIndex) as string;
		const productType = this.getNodeParameter('productType', itemIndex) as string;
		const aspectRatio = normalizeAspectRatio(this.getNodeParameter('aspectRatio', itemIndex)) as string;
		const problem =
			productUrlProblem(productUrl) ??
			choiceProblem('Type', productType, PRODUCT_TYPES) ??
			choiceProblem('Aspect Ratio', aspectRatio, ASPECT_RATIOS);
		if (problem) invalidInput(this, itemIndex, problem);
		const body = {
			product_url: productUrl.trim(),
			type: productType,
			// the documented default has changed between API versions, so it is always sent
			aspect_ratio: aspectRatio,
			...buildOptionalFields(this, itemIndex, readOptions(this, itemIndex)),
		};
		return {
			method: 'POST',
			path: ['product_to_videos', 'gen_image'],
			body,
			schema: taskSchema,
			itemIndex,
			spendsCredits: true,
		};
	});
}
