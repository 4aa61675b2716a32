import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { familyStep } from '../../../shared/families/types';
import { ASPECT_RATIOS, PRODUCT_TYPES, productVideo } from '../../../shared/families/productVideo';
import type { CreatifyJob } from '../../../shared/helpers/schemas';
import {
	choiceProblem,
	normalizeAspectRatio,
	productUrlProblem,
} from '../../../shared/helpers/validation';
import type { CreatifyRequest } from '../../../shared/transport';
import { paidOperation } from '../../engine/engine';
import { waitOptions, waitProperties } from '../../engine/waitParameters';
import { invalidInput, readOptions } from '../common';
import {
	aspectRatioProperty,
	avatarLocator,
	imagePromptOption,
	optionsCollection,
	paidNotice,
	webhookUrlOption,
} from '../descriptions';
import { productVideoFields } from './fields';

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
		options: productVideo.kind!.options,
		default: 'product_anyshot',
	},
	aspectRatioProperty,
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
	paidNotice(familyStep(productVideo, 'image').cost.text),
	...imageProperties,
	...waitProperties('none'),
	optionsCollection([
		...imageOptions,
		webhookUrlOption,
		...waitOptions(productVideo, { download: 'image' }),
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['productVideo'], operation: ['generateImage'] } },
	properties,
);

/**
 * The gen_image request for an item; also the first step of Create Video, whose Webhook URL option belongs to
 * the video step (then `sendWebhookOption` is false).
 * https://docs.creatify.ai/api-reference/product_to_video/post-apiproduct_to_videos-gen_image
 */
export function imageRequest(
	ctx: IExecuteFunctions,
	itemIndex: number,
	{ sendWebhookOption }: { sendWebhookOption: boolean },
): CreatifyRequest<CreatifyJob> {
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
	const optional = productVideoFields(ctx, itemIndex, readOptions(ctx, itemIndex), [
		'overrideAvatar',
		'imagePrompt',
		'productShowcaseUrl',
		...(sendWebhookOption ? (['webhookUrl'] as const) : []),
	]);
	return {
		method: 'POST',
		path: [...productVideo.path, 'gen_image'],
		// the documented default aspect ratio has changed between API versions, so it is always sent
		body: {
			product_url: productUrl.trim(),
			type: productType,
			aspect_ratio: aspectRatio,
			...optional,
		},
		schema: productVideo.schema,
		itemIndex,
		spendsCredits: true,
	};
}

export const execute = paidOperation(productVideo, (ctx, itemIndex) => ({
	request: imageRequest(ctx, itemIndex, { sendWebhookOption: true }),
	step: 'image',
}));
