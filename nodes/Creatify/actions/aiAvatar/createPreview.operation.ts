/**
 * Create Preview: a cheap preview of an AI Avatar video, to look at before paying for the render
 * (POST /api/lipsyncs_v2/preview/, https://docs.creatify.ai/api-reference/lipsyncs_v2/post-apilipsyncs-preview).
 * The preview is a link to Creatify's web player (`preview`), not a video file; Render makes the video.
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
	paidNotice(familyStep(aiAvatar, 'preview').cost.text),
	...sceneProperties,
	aspectRatioProperty,
	...waitProperties('poll'),
	optionsCollection([...lookOptions, ...waitOptions(aiAvatar, { download: false })]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['aiAvatar'], operation: ['createPreview'] } },
	properties,
);

export const execute = paidOperation(aiAvatar, (ctx, itemIndex) => {
	const request = jobCreation(
		aiAvatar,
		itemIndex,
		'avatar preview',
		avatarVideoBody(ctx, itemIndex),
	);
	return { request: { ...request, path: [...aiAvatar.path, 'preview'] }, step: 'preview' };
});
