import type {
	IDataObject,
	INodeProperties,
	INodePropertyOptions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { FAMILIES } from '../shared/families';
import type { JobFamily } from '../shared/families/types';
import { readStatus } from '../shared/helpers/status';
import { fingerprint } from '../shared/helpers/fingerprint';
import { RecentKeys } from '../shared/helpers/recentKeys';
import { answerJson } from '../shared/transport/answer';
import { readCallback } from '../shared/transport/callbackRequest';
import { noRemoteWebhook } from '../shared/webhookLifecycle';
import type { DeliveryLog } from './deliveries';
import { DeliveryBook } from './deliveries';
import { keepUntilAnswered } from './lasting';
import type { Outcome } from './verify';
import {
	STATUS_CHANGED,
	candidateFamilies,
	chosenFamilies,
	emitVerified,
	eventFor,
} from './verify';

/** Every step event of every family, once each; an event several families share says what it means in each. */
function eventOptions(): INodePropertyOptions[] {
	// an event's meanings, each with the job types it comes from
	const events = new Map<string, { name: string; meanings: Map<string, string[]> }>();
	for (const family of FAMILIES) {
		for (const { event } of family.steps) {
			const entry = events.get(event.value) ?? { name: event.name, meanings: new Map() };
			const meaning = event.description ?? event.name;
			entry.meanings.set(meaning, [...(entry.meanings.get(meaning) ?? []), family.displayName]);
			events.set(event.value, entry);
		}
	}
	return [...events].map(([value, { name, meanings }]) => ({
		name,
		value,
		description: [...meanings]
			.map(([meaning, families]) => `${meaning} (${families.join(', ')})`)
			.join('. '),
	}));
}

/** A filter on each family whose jobs come in kinds (Product Video's product types). */
function kindFilters(): INodeProperties[] {
	return FAMILIES.flatMap(({ kind, displayName, noun }: JobFamily) =>
		kind
			? [
					{
						displayName: kind.parameter.displayName,
						name: kind.parameter.name,
						type: 'multiOptions' as const,
						options: kind.options,
						default: [],
						description: `Only ${displayName} ${noun.toLowerCase()}s of these types start the workflow (other job types are not filtered). None selected: all types.`,
					},
				]
			: [],
	);
}

/** Callbacks this n8n process is handling or has just handled (copies that arrive together). */
const recentCallbacks = new RecentKeys();

/** This process's delivery records, one book per trigger node (workflow id + node id). */
const books = new Map<string, DeliveryBook>();

function bookFor(scope: string): DeliveryBook {
	let book = books.get(scope);
	if (!book) books.set(scope, (book = new DeliveryBook()));
	return book;
}

export class CreatifyTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Creatify Trigger',
		name: 'creatifyTrigger',
		icon: { light: 'file:creatify.svg', dark: 'file:creatify.dark.svg' },
		group: ['trigger'],
		// Version 2 behaves as version 1. n8n evaluates an expression in its isolate on every request to a version 1
		// webhook node (the old binary-data option), which costs the trigger's intake about a tenth of its CPU.
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description:
			'Starts a workflow when a Creatify job is done or fails: a video ad, voice-over, avatar video, AI image, banner, script or custom avatar (the Creatify node makes them)',
		defaults: { name: 'Creatify Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'creatifyApi', required: true, displayOptions: { show: { verifyWithApi: [true] } } },
		],
		webhooks: [
			// responseData '' makes n8n answer with the webhookResponse the node returns
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				responseData: '',
				path: 'creatify',
			},
		],
		properties: [
			{
				displayName:
					'Copy this node\'s <b>Production URL</b> (under Webhook URLs above) into the <b>Webhook URL</b> option of a Creatify node, then <b>activate</b> this workflow. Creatify calls the URL minutes later, when the job finishes. The Test URL only listens for about two minutes after "Listen for test event" and takes one call, so it is not suitable for Creatify.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Job Types',
				name: 'jobTypes',
				type: 'multiOptions',
				options: FAMILIES.map((family) => ({ name: family.displayName, value: family.name })),
				default: [],
				description:
					'Which kinds of Creatify job start the workflow. None selected: all, including kinds added in later versions. Each item says its kind in jobType.',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				options: [
					{
						name: 'Failed',
						value: 'failed',
						description: "A job (or one of its steps) failed; the item's failed_reason says why",
					},
					...eventOptions(),
					{
						name: 'Status Changed',
						value: STATUS_CHANGED,
						description:
							'A job moved on but has not finished (pending, in queue, running): once per status reached. Creatify may or may not send these.',
					},
				],
				default: [
					'videoReady',
					'audioReady',
					'assetsReady',
					'avatarReady',
					'scriptsReady',
					'failed',
				],
			},
			...kindFilters(),
			{
				displayName: 'Verify With Creatify API',
				name: 'verifyWithApi',
				type: 'boolean',
				default: true,
				description:
					'Whether to fetch the job from Creatify and use that record instead of the posted body. Creatify signs nothing, so anyone who knows the URL could post a fake job; with this on, only jobs your account really has, in a finished state, start the workflow.',
			},
		],
	};

	webhookMethods = noRemoteWebhook;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const parsed = await readCallback(this);
		if (!parsed.ok)
			return answerJson(this, parsed.httpStatus, { error: parsed.error, message: parsed.message });
		const { body } = parsed;
		const scope = `${this.getWorkflow().id}:${this.getNode().id}`;
		const book = bookFor(scope);
		const staticData = this.getWorkflowStaticData('node') as IDataObject & {
			deliveries?: DeliveryLog;
		};
		const copy = book.attach((staticData.deliveries ??= {}), Date.now());
		this.getResponseObject().once('close', () => book.close(copy));

		// A repeat of an event already emitted needs no second look at the API.
		const candidates = candidateFamilies(FAMILIES, chosenFamilies(this), body);
		const claimedEvents = candidates.map((family) => eventFor(family, readStatus(family, body)));
		if (claimedEvents.some((event) => event && book.has(`${body.id}:${event}`))) {
			return answerJson(this, 200, { received: true, duplicate: true });
		}
		// Copies of this callback in flight in this process: only the first goes on. The claim is the whole body's
		// fingerprint: a job's preview and its render both end "done", and their callbacks may differ only in the
		// result URL. Two different bodies for one event are both verified; the delivery record starts one execution.
		const claim = `${scope}:callback:${body.id}:${fingerprint(JSON.stringify(body))}`;
		if (!recentCallbacks.claim(claim, Date.now())) {
			return answerJson(this, 200, { received: true, duplicate: true });
		}
		let outcome: Outcome | undefined;
		try {
			outcome = await emitVerified(this, candidates, body, (key) =>
				book.record(key, Date.now(), copy),
			);
		} finally {
			// only an emitted callback keeps its claim; a refused one may be delivered again
			if (!outcome?.delivery) recentCallbacks.release(claim);
		}
		const { delivery } = outcome;
		if (delivery) {
			keepUntilAnswered(this, staticData, () => {
				book.forget(delivery);
				recentCallbacks.release(claim);
			});
		}
		return outcome.answer;
	}
}
