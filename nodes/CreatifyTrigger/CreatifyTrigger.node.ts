import type {
	IDataObject,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes } from 'n8n-workflow';

import { PRODUCT_TYPE_OPTIONS } from '../Creatify/actions/descriptions';
import type { CallbackBody, CallbackEvent, DeliveryLog } from '../Creatify/helpers/callbacks';
import { DeliveryBook, eventFor, parseCallback, RecentKeys } from '../Creatify/helpers/callbacks';
import type { CreatifyTask } from '../Creatify/helpers/schemas';
import { PRODUCT_TYPES, taskSchema } from '../Creatify/helpers/schemas';
import { noRemoteWebhook } from '../Creatify/methods/webhookLifecycle';
import { creatifyRequest } from '../Creatify/transport';

/** Callbacks this n8n process is handling or has just handled (copies that arrive together). */
const recentCallbacks = new RecentKeys();

/** This process's delivery records, one book per trigger node (workflow id + node id). */
const books = new Map<string, DeliveryBook>();

function bookFor(scope: string): DeliveryBook {
	let book = books.get(scope);
	if (!book) books.set(scope, (book = new DeliveryBook()));
	return book;
}

function respond(ctx: IWebhookFunctions, status: number, body: IDataObject): IWebhookResponseData {
	ctx.getResponseObject().status(status).json(body);
	return { noWebhookResponse: true };
}

export class CreatifyTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Creatify Trigger',
		name: 'creatifyTrigger',
		icon: { light: 'file:creatify.svg', dark: 'file:creatify.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow when Creatify finishes a product image or video',
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
					'Copy this node\'s <b>Production URL</b> (under Webhook URLs above) into the <b>Webhook URL</b> option of a Creatify node, then <b>activate</b> this workflow. Creatify calls the URL minutes later, when the task finishes. The Test URL only listens for about two minutes after "Listen for test event" and takes one call, so it is not suitable for Creatify.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
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
						description: 'A step failed; failed_reason says why',
					},
					{
						name: 'Preview Image Ready',
						value: 'imageReady',
						description: 'Generate Image or Regenerate Image finished',
					},
					{
						name: 'Video Ready',
						value: 'videoReady',
						description: 'Generate Video finished; generated_video_url is set',
					},
				],
				default: ['videoReady', 'failed'],
			},
			{
				displayName: 'Product Types',
				name: 'productTypes',
				type: 'multiOptions',
				options: PRODUCT_TYPE_OPTIONS,
				default: [],
				description: 'Only tasks of these types start the workflow. None selected: all types.',
			},
			{
				displayName: 'Verify With Creatify API',
				name: 'verifyWithApi',
				type: 'boolean',
				default: true,
				description:
					'Whether to fetch the task from Creatify and use that record instead of the posted body. Creatify signs nothing, so anyone who knows the URL could post a fake task; with this on, only tasks your account really has, in a finished state, start the workflow.',
			},
		],
	};

	webhookMethods = noRemoteWebhook;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const request = this.getRequestObject() as { rawBody?: Buffer };
		const parsed = parseCallback(request.rawBody, this.getBodyData());
		if (!parsed.ok)
			return respond(this, parsed.httpStatus, { error: parsed.error, message: parsed.message });
		const { body } = parsed;
		const scope = `${this.getWorkflow().id}:${this.getNode().id}`;
		const book = bookFor(scope);
		const staticData = this.getWorkflowStaticData('node') as { deliveries?: DeliveryLog };
		book.attach((staticData.deliveries ??= {}), Date.now());

		// A repeat of an event already emitted needs no second look at the API.
		const claimedEvent = eventFor(body.status);
		if (claimedEvent && book.has(`${body.id}:${claimedEvent}`)) {
			return respond(this, 200, { received: true, duplicate: true });
		}
		// Copies of this callback in flight in this process: only the first goes on.
		const claim = `${scope}:callback:${body.id}:${String(body.status)}`;
		if (!recentCallbacks.claim(claim, Date.now())) {
			return respond(this, 200, { received: true, duplicate: true });
		}
		let result: IWebhookResponseData | undefined;
		try {
			result = await emitVerified(this, body, book);
		} finally {
			// only an emitted callback keeps its claim; a refused one may be delivered again
			if (!result?.workflowData) recentCallbacks.release(claim);
		}
		return result;
	}
}

/** Verifies a callback, filters it and, when it is new, starts the workflow with the task record. */
async function emitVerified(
	ctx: IWebhookFunctions,
	body: CallbackBody,
	book: DeliveryBook,
): Promise<IWebhookResponseData> {
	const verify = ctx.getNodeParameter('verifyWithApi', true) as boolean;
	let task: CreatifyTask = body as CreatifyTask;
	if (verify) {
		try {
			task = await creatifyRequest(ctx, {
				method: 'GET',
				path: ['product_to_videos', body.id],
				schema: taskSchema,
				taskId: body.id,
			});
		} catch (error) {
			if (error instanceof NodeApiError && error.httpCode === '404') {
				return respond(ctx, 404, {
					error: 'unknown_task',
					message: 'No such task in this Creatify account',
				});
			}
			// Creatify could not be asked: answer with a temporary failure and start nothing unverified.
			return respond(ctx, 503, {
				error: 'verification_unavailable',
				message: 'Could not verify the task with Creatify',
			});
		}
	}

	const event = eventFor(task.status, body.status);
	if (event === undefined) {
		return respond(ctx, 409, {
			error: 'task_not_finished',
			message: `Task status is "${String(task.status)}"`,
		});
	}
	const events = ctx.getNodeParameter('events', []) as CallbackEvent[];
	const productTypes = (ctx.getNodeParameter('productTypes', []) as string[]).filter((t) =>
		(PRODUCT_TYPES as readonly string[]).includes(t),
	);
	if (
		!events.includes(event) ||
		(productTypes.length > 0 && !productTypes.includes(String(task.type)))
	) {
		return respond(ctx, 200, { received: true, ignored: 'not selected in the trigger' });
	}

	// two different bodies for the same task and event (a stale copy and a current one) also start one execution
	if (!book.record(`${task.id}:${event}`, Date.now())) {
		return respond(ctx, 200, { received: true, duplicate: true });
	}
	// n8n sends this answer once it has created the execution: Creatify never hears 200 for a workflow that did
	// not start (an answer written here would go out first, and a failed start would lose the event)
	return {
		webhookResponse: { received: true, taskId: task.id, event },
		workflowData: [[{ json: { ...task, event, verified: verify } }]],
	};
}
