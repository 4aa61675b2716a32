import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { familyStep } from '../../../shared/families/types';
import { productVideo } from '../../../shared/families/productVideo';
import { paidOperation } from '../../engine/engine';
import { waitOptions, waitProperties } from '../../engine/waitParameters';
import { optionsCollection, paidNotice, webhookUrlOption } from '../descriptions';
import { imageOptions, imageProperties, imageRequest } from './generateImage.operation';
import { motionStyleProperty, videoBody, videoPromptOption } from './generateVideo.operation';

const credits = ['image', 'video']
	.map((step) => familyStep(productVideo, step).cost.credits({}))
	.reduce((sum, n) => sum + n, 0);

const properties: INodeProperties[] = [
	paidNotice(`${credits} Creatify credits`),
	...imageProperties,
	motionStyleProperty,
	...waitProperties('poll', false),
	optionsCollection([
		...imageOptions,
		videoPromptOption,
		{
			...webhookUrlOption,
			description:
				'Creatify also POSTs the task here when the video step succeeds or fails, e.g. the PRODUCTION URL of a Creatify Trigger in an active workflow',
		},
		...waitOptions(productVideo),
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['productVideo'], operation: ['createVideo'] } },
	properties,
);

/**
 * Product image to finished video: gen_image, wait for the preview image, gen_video, wait for the video. The
 * video request is checked up front with the image request, so a bad motion style costs nothing.
 */
export const execute = paidOperation(productVideo, (ctx, itemIndex) => ({
	request: imageRequest(ctx, itemIndex, { sendWebhookOption: false }),
	step: 'image',
	followUp: videoBody(ctx, itemIndex),
}));
