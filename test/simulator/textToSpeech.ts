/**
 * The simulator's Text to Speech routes (https://docs.creatify.ai/api-reference/text-to-speech/post-text-to-speech):
 * a script of at most 8,000 characters and an accent from the voices; 1 credit per started 30 s of audio, the
 * audio lasting one second per 14 characters. A script containing "fail-audio" fails.
 */
import { randomUUID } from 'node:crypto';

import { HttpAnswer } from './http';
import type { SimHost } from './queueJob';
import { found, isUuid, listByIds, runQueuedJob, webhookUrlErrors } from './queueJob';
import { VOICES } from './urlToVideo';

export const SPEECH_CHARACTERS_PER_SECOND = 14;

export interface SimSpeech {
	id: string;
	script: string;
	accent: string | null;
	status: string;
	output: string | null;
	media_job: string | null;
	credits_used: number;
	duration: number;
	is_hidden: boolean;
	failed_reason: string | null;
	webhook_url: string | null;
	created_at: string;
	updated_at: string;
	[field: string]: unknown;
}

const ACCENTS = VOICES.flatMap((voice) => voice.accents.map((accent) => accent.id));

function speechProblems(body: Record<string, unknown>) {
	const errors: Record<string, string[]> = {};
	if (typeof body.script !== 'string' || body.script === '')
		errors.script = ['This field is required.'];
	else if (body.script.length > 8000)
		errors.script = ['Ensure this field has no more than 8000 characters.'];
	if (body.accent !== undefined && body.accent !== null && !ACCENTS.includes(String(body.accent)))
		errors.accent = [`Invalid pk "${String(body.accent)}" - object does not exist.`];
	Object.assign(errors, webhookUrlErrors(body));
	return Object.keys(errors).length ? errors : undefined;
}

export class TextToSpeechRoutes {
	readonly speeches = new Map<string, SimSpeech>();

	constructor(private readonly host: SimHost) {}

	clear() {
		this.speeches.clear();
	}

	route(
		method: string,
		parts: string[],
		query: Record<string, string>,
		body: Record<string, unknown>,
	) {
		if (parts[1] !== 'text_to_speech') return undefined;
		if (parts.length === 2 && method === 'GET') return listByIds(this.speeches, query);
		if (parts.length === 2 && method === 'POST') return this.create(body);
		if (parts.length === 3 && method === 'GET')
			return new HttpAnswer(200, found(this.speeches, parts[2]));
		return undefined;
	}

	private create(body: Record<string, unknown>): HttpAnswer {
		const problems = speechProblems(body);
		if (problems) return new HttpAnswer(400, problems);
		const script = body.script as string;
		const duration = Math.ceil(script.length / SPEECH_CHARACTERS_PER_SECOND);
		const credits = Math.max(1, Math.ceil(duration / 30));
		this.host.spend(credits);
		const now = this.host.timestamp();
		const speech: SimSpeech = {
			id: randomUUID(),
			script,
			accent: isUuid(body.accent) ? body.accent : null,
			status: 'pending',
			output: null,
			media_job: null,
			credits_used: credits,
			duration,
			is_hidden: false,
			failed_reason: null,
			webhook_url: (body.webhook_url as string) ?? null,
			created_at: now,
			updated_at: now,
		};
		this.speeches.set(speech.id, speech);
		runQueuedJob(this.host, speech, this.host.renderMs(), () => this.outcome(speech), callbackOf);
		return new HttpAnswer(201, { ...speech });
	}

	private outcome(speech: SimSpeech): Partial<SimSpeech> {
		if (/fail-audio/.test(speech.script))
			return { status: 'failed', failed_reason: 'Speech synthesis failed for this script.' };
		return { status: 'done', output: `${this.host.url}/media/${speech.id}/audio.mp3` };
	}

	/** Calls back again, as Creatify does when it repeats a delivery. */
	callback(speech: SimSpeech) {
		this.host.postCallback(
			speech.webhook_url as string,
			callbackOf(speech),
			speech.id,
			speech.status,
		);
	}
}

/** The documented webhook body: the audio URL arrives as video_output. */
function callbackOf({ id, status, failed_reason, output }: SimSpeech) {
	return { id, status, failed_reason, video_output: output };
}
