import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { CreatifyTask } from '../../helpers/schemas';
import { ASPECT_RATIOS, PRODUCT_TYPES, taskSchema } from '../../helpers/schemas';
import { choiceProblem, normalizeAspectRatio, productUrlProblem } from '../../helpers/validation';
import { CREDIT_COSTS } from '../../helpers/waiting';
import type { CreatifyRequest } from '../../transport';
import { paidOperation } from '../../wait/engine';
import { waitOptions, waitProperties } from '../../wait/settings';
import { invalidInput, readOptions } from '../common';
import {
	avatarLocator,
	imagePromptOption,
	optionsCollection,
	paidNotice,
	PRODUCT_TYPE_OPTIONS,
	webhookUrlOption,
} from '../descriptions';
import { buildOptionalFields } from './optionalFields';

/** The parameters that describe the product image; shared with Create Video. */
export const imageProperties: INodeProperties[] = [
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
];

export const imageOptions: INodeProperties[] = [
	avatarLocator,
	imagePromptOption,
	{
		displayName: 'Product Showcase URL',
		name: 'productShowcaseUrl',
		type: 'string',
		default: '',
		description: 'A second image of the product in use, to guide the scene',
	},
];

const properties: INodeProperties[] = [
	paidNotice(CREDIT_COSTS.generateImage),
	...imageProperties,
	...waitProperties('none'),
	optionsCollection([...imageOptions, webhookUrlOption, ...waitOptions]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['productVideo'], operation: ['generateImage'] } },
	properties,
);

/** The gen_image request for an item; also the first step of Create Video. */
export function imageRequest(
	ctx: IExecuteFunctions,
	itemIndex: number,
	withWebhook: boolean,
): CreatifyRequest<CreatifyTask> {
	const productUrl = ctx.getNodeParameter('productUrl', itemIndex) as string;
	const productType = ctx.getNodeParameter('productType', itemIndex) as string;
	const aspectRatio = normalizeAspectRatio(
		ctx.getNodeParameter('aspectRatio', itemIndex),
	) as string;
	const problem =
		productUrlProblem(productUrl) ??
		choiceProblem('Type', productType, PRODUCT_TYPES) ??
		choiceProblem('Aspect Ratio', aspectRatio, ASPECT_RATIOS);
	if (problem) invalidInput(ctx, itemIndex, problem);
	const optional = buildOptionalFields(ctx, itemIndex, readOptions(ctx, itemIndex), [
		'overrideAvatar',
		'imagePrompt',
		'productShowcaseUrl',
		...(withWebhook ? (['webhookUrl'] as const) : []),
	]);
	return {
		method: 'POST',
		path: ['product_to_videos', 'gen_image'],
		// the documented default aspect ratio has changed between API versions, so it is always sent
		body: {
			product_url: productUrl.trim(),
			type: productType,
			aspect_ratio: aspectRatio,
			...optional,
		},
		schema: taskSchema,
		itemIndex,
		spendsCredits: true,
	};
}

export const execute = paidOperation((ctx, itemIndex) => ({
	request: imageRequest(ctx, itemIndex, true),
	step: 'image',
	credits: CREDIT_COSTS.generateImage,
}));
