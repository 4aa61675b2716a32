/**
 * Text to Speech: a script read by one of Creatify's voices (an accent) becomes an audio file.
 * Create: https://docs.creatify.ai/api-reference/text-to-speech/post-text-to-speech (script at most 8,000
 * characters, accent, webhook_url at most 200; 1 credit per 30 s of audio; statuses pending, in_queue, running,
 * failed, done; the webhook body {id, status, failed_reason, video_output} carries the audio URL as
 * video_output, the record as `output`)
 * Get one: https://docs.creatify.ai/api-reference/text-to-speech/get-text-to-speech-
 * List (`ids`, at most 100; no paginated variant): https://docs.creatify.ai/api-reference/text-to-speech/get-text-to-speech
 */
import type { IDataObject } from 'n8n-workflow';

import { jobLabel, text } from '../helpers/labels';
import { jobSchema } from '../helpers/schemas';
import type { JobFamily, StepCost } from './types';

export const MAX_SCRIPT_LENGTH = 8000;
/**
 * The price is per 30 s of audio, known only once rendered. Before it, a script is estimated at 15 characters
 * per second of speech (a brisk voice-over pace), so 450 characters for 30 s.
 */
export const CHARACTERS_PER_30_SECONDS = 450;

/** How long a script takes to speak, estimated at that pace (AI Avatar prices its scripts the same way). */
export const estimatedSpeechSeconds = (script: string): number =>
	(script.length / CHARACTERS_PER_30_SECONDS) * 30;

export function estimatedSpeechCredits(script: string): number {
	return Math.max(1, Math.ceil(script.length / CHARACTERS_PER_30_SECONDS));
}

const perScript: StepCost = {
	credits: (body: IDataObject) => estimatedSpeechCredits(String(body.script ?? '')),
	text: `1 Creatify credit per 30 seconds of audio (estimated before sending as 1 per ${CHARACTERS_PER_30_SECONDS} characters of script)`,
};

export const textToSpeech: JobFamily<'textToSpeech'> = {
	name: 'textToSpeech',
	displayName: 'Text to Speech',
	aliases: ['text to speech', 'voice-over'],
	noun: 'Voice-Over',
	path: ['text_to_speech'],
	schema: jobSchema(['output', 'script']),
	steps: [
		{
			name: 'audio',
			working: ['pending', 'in_queue', 'running'],
			done: ['done'],
			cost: perScript,
			event: {
				name: 'Audio Ready',
				value: 'audioReady',
				description: 'A voice-over is finished: its record holds the audio URL in output',
			},
		},
	],
	failed: ['failed'],
	callbackFields: ['id', 'status', 'failed_reason', 'video_output'],
	files: [
		{
			value: 'audio',
			name: 'Audio',
			field: 'output',
			fileNameSuffix: '.mp3',
			mimeType: 'audio/mpeg',
			binarySuffix: '',
		},
	],
	label: (speech) => jobLabel(speech, text(speech.script)?.slice(0, 40), 'speech'),
	failureAdvice: 'Check the script (plain text, at most 8,000 characters) and the voice.',
};
