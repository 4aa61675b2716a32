import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { MAX_SCRIPT_LENGTH, textToSpeech } from '../../../shared/families/textToSpeech';
import { familyStep } from '../../../shared/families/types';
import { uuidProblem } from '../../../shared/helpers/validation';
import { paidOperation } from '../../engine/engine';
import { jobCreation } from '../../engine/plan';
import { waitOptions, waitProperties } from '../../engine/waitParameters';
import { invalidInput, readOptions } from '../common';
import { optionsCollection, paidNotice, voiceLocator, webhookUrlOption } from '../descriptions';
import { SHARED_FIELDS, buildOptionalFields } from '../optionalFields';

const properties: INodeProperties[] = [
	paidNotice(familyStep(textToSpeech, 'audio').cost.text),
	{
		displayName: 'Script',
		name: 'script',
		type: 'string',
		typeOptions: { rows: 6 },
		default: '',
		required: true,
		description: `The text to read, at most ${MAX_SCRIPT_LENGTH.toLocaleString('en')} characters`,
	},
	voiceLocator(
		'voice',
		"The voice (an accent of one of Creatify's voices) that reads the script. Left empty, Creatify picks one.",
	),
	...waitProperties('poll'),
	optionsCollection([webhookUrlOption, ...waitOptions(textToSpeech)]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['textToSpeech'], operation: ['create'] } },
	properties,
);

/**
 * A voice-over: POST /api/text_to_speech/ with the script, the accent and the Webhook URL
 * (https://docs.creatify.ai/api-reference/text-to-speech/post-text-to-speech).
 */
export const execute = paidOperation(textToSpeech, (ctx, itemIndex) => {
	const script = String(ctx.getNodeParameter('script', itemIndex, '') ?? '');
	if (script.trim() === '') invalidInput(ctx, itemIndex, 'Script is empty: give the text to read');
	if (script.length > MAX_SCRIPT_LENGTH)
		invalidInput(
			ctx,
			itemIndex,
			`Script is ${script.length} characters long; Creatify reads at most ${MAX_SCRIPT_LENGTH}. Split it over several items`,
		);
	const voice = String(
		ctx.getNodeParameter('voice', itemIndex, '', { extractValue: true }) ?? '',
	).trim();
	const problem = voice === '' ? undefined : uuidProblem('Voice ID', voice);
	if (problem) invalidInput(ctx, itemIndex, problem);
	const optional = buildOptionalFields(ctx, itemIndex, readOptions(ctx, itemIndex), [
		['webhookUrl', SHARED_FIELDS.webhookUrl],
	]);
	return {
		request: jobCreation(textToSpeech, itemIndex, 'voice-over', {
			script,
			...(voice ? { accent: voice } : {}),
			...optional,
		}),
		step: 'audio',
	};
});
