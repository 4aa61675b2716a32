/**
 * Create: ad banners in Creatify's standard IAB sizes from one image (POST /api/iab_images/,
 * https://docs.creatify.ai/api-reference/iab-images/post-iab-images).
 */
import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { imageAd } from '../../../shared/families/imageAd';
import { familyStep } from '../../../shared/families/types';
import { httpUrlProblem } from '../../../shared/helpers/validation';
import { paidOperation } from '../../engine/engine';
import { jobCreation } from '../../engine/plan';
import { waitOptions, waitProperties } from '../../engine/waitParameters';
import { invalidInput, readOptions } from '../common';
import { optionsCollection, paidNotice, webhookUrlOption } from '../descriptions';
import { SHARED_FIELDS, buildOptionalFields } from '../optionalFields';

const properties: INodeProperties[] = [
	paidNotice(familyStep(imageAd, 'banners').cost.text),
	{
		displayName: 'Image URL',
		name: 'imageUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. https://shop.example.com/images/lamp.png',
		description:
			'A public link to the product image (PNG, JPG, JPEG or WEBP) the banners are made from',
	},
	...waitProperties('poll'),
	optionsCollection([webhookUrlOption, ...waitOptions(imageAd)]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['imageAd'], operation: ['create'] } },
	properties,
);

export const execute = paidOperation(imageAd, (ctx, itemIndex) => {
	const image = String(ctx.getNodeParameter('imageUrl', itemIndex, '') ?? '').trim();
	const problem = httpUrlProblem('Image URL', image);
	if (problem) invalidInput(ctx, itemIndex, problem);
	const optional = buildOptionalFields(ctx, itemIndex, readOptions(ctx, itemIndex), [
		['webhookUrl', SHARED_FIELDS.webhookUrl],
	]);
	return {
		request: jobCreation(imageAd, itemIndex, 'image ad', { image, ...optional }),
		step: 'banners',
	};
});
