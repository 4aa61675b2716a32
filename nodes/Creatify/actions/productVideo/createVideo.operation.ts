import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { CREDIT_COSTS } from '../../helpers/waiting';
import { paidOperation } from '../../wait/engine';
import { waitOptions, waitProperties } from '../../wait/settings';
import { optionsCollection, paidNotice, webhookUrlOption } from '../descriptions';
import { imageOptions, imageProperties, imageRequest } from './generateImage.operation';
import { motionStyleProperty, videoPromptOption, videoRequestFor } from './generateVideo.operation';

const properties: INodeProperties[] = [
	paidNotice(CREDIT_COSTS.createVideo),
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
		...waitOptions,
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
export const execute = paidOperation((ctx, itemIndex) => ({
	request: imageRequest(ctx, itemIndex, false),
	step: 'image',
	thenVideo: videoRequestFor(ctx, itemIndex),
	credits: CREDIT_COSTS.createVideo,
}));
