/**
 * Create Video: an AI Avatar video rendered directly (POST /api/lipsyncs_v2/,
 * https://docs.creatify.ai/api-reference/lipsyncs_v2/post-apilipsyncs).
 */
import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { aiAvatar } from '../../../shared/families/aiAvatar';
import { familyStep } from '../../../shared/families/types';
import { paidOperation } from '../../engine/engine';
import { jobCreation } from '../../engine/plan';
import { waitOptions, waitProperties } from '../../engine/waitParameters';
import { aspectRatioProperty, optionsCollection, paidNotice } from '../descriptions';
import { lookOptions } from './look';
import { avatarVideoBody, sceneProperties } from './scenes';

const properties: INodeProperties[] = [
	paidNotice(familyStep(aiAvatar, 'video').cost.text),
	...sceneProperties,
	aspectRatioProperty,
	...waitProperties('poll'),
	optionsCollection([...lookOptions, ...waitOptions(aiAvatar)]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['aiAvatar'], operation: ['createVideo'] } },
	properties,
);

export const execute = paidOperation(aiAvatar, (ctx, itemIndex) => ({
	request: jobCreation(aiAvatar, itemIndex, 'avatar video', avatarVideoBody(ctx, itemIndex)),
	step: 'video',
}));
