/**
 * One run of a paid operation over its items: sends the paid requests with bounded concurrency and keeps the
 * list of the jobs it created.
 *
 * Rules that must not regress:
 * - Every input item is checked before anything is spent (the engine prepares all plans first).
 * - A created job is never forgotten: every error that stops the run lists the jobs already paid for.
 * - Requests already in flight when one item fails are finished, never abandoned.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	NodeApiError,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { JobFamily } from '../../shared/families/types';
import { runPool } from '../../shared/helpers/pool';
import type { CreatifyJob } from '../../shared/helpers/schemas';
import { remainingCredits } from '../../shared/transport/jobs';
import type { WaitSettings } from './settings';
import type { ItemRun } from './plan';
import { planCredits } from './plan';
import { asNodeError, errorItem } from './items';

type NodeError = NodeApiError | NodeOperationError;

/** Per-second prices (0.7 credits) add up with binary fractions: credits are counted to a tenth. */
const toTenth = (credits: number) => Math.round(credits * 10) / 10;

/** How many created job IDs an error lists in full before summarising. */
const MAX_LISTED_JOBS = 20;

export class PaidRun {
	private readonly created: Array<{ itemIndex: number; jobId: string }> = [];
	private stopped?: NodeError;
	readonly continueOnFail: boolean;

	constructor(
		readonly ctx: IExecuteFunctions,
		readonly family: JobFamily,
		readonly settings: WaitSettings,
		/** callback mode: every paid request asks Creatify to call this URL */
		readonly callbackUrl?: string,
	) {
		this.continueOnFail = ctx.continueOnFail();
	}

	/** A paid request's body, with this execution's callback URL in callback mode. */
	withCallbackUrl(body: IDataObject = {}): IDataObject {
		return this.callbackUrl ? { ...body, webhook_url: this.callbackUrl } : body;
	}

	/**
	 * Sends one paid request per run; `send` answers the job, or 'sentAlready' when no request was needed.
	 * A failure stops new sends unless the node continues on fail.
	 */
	async submit(runs: ItemRun[], send: (run: ItemRun) => Promise<CreatifyJob | 'sentAlready'>) {
		const sendOne = async (index: number) => {
			const run = runs[index];
			try {
				const job = await send(run);
				if (job !== 'sentAlready') this.remember(run, job);
			} catch (error) {
				this.fail(run, asNodeError(this.ctx, error, run.itemIndex));
			}
		};
		await runPool(runs.length, this.settings.concurrency, sendOne, () => this.isStopped());
		this.throwIfStopped();
	}

	private remember(run: ItemRun, job: CreatifyJob) {
		run.job = job;
		if (!this.created.some((c) => c.jobId === job.id)) {
			this.created.push({ itemIndex: run.itemIndex, jobId: job.id });
		}
	}

	fail(run: ItemRun, error: NodeError) {
		run.error = error;
		run.settled = true;
		if (!this.continueOnFail && !this.stopped) this.stopped = error;
	}

	isStopped(): boolean {
		return this.stopped !== undefined;
	}

	throwIfStopped() {
		if (this.stopped) throw this.withCreatedJobs(this.stopped);
	}

	/** Adds the jobs this run already paid for to an error, so that stopping the workflow loses none. */
	withCreatedJobs(error: NodeError): NodeError {
		if (this.created.length === 0) return error;
		const listed = this.created
			.slice(0, MAX_LISTED_JOBS)
			.map(({ itemIndex, jobId }) => `item ${itemIndex}: ${jobId}`)
			.join(', ');
		const more = this.created.length - MAX_LISTED_JOBS;
		const paid = this.family.steps.some((step) => !step.cost.free) ? ' (and paid for)' : '';
		error.description =
			`${error.description ?? ''}\n\n${this.family.noun}s already created${paid} by this execution: ${listed}${more > 0 ? ` and ${more} more` : ''}. Creatify keeps processing them: fetch them with the Get or Get Many operation instead of running the items again. To keep the other items' results when one fails, set the node's On Error setting to Continue.`.trim();
		error.context.createdJobs = this.created.map((c) => ({ ...c }));
		return error;
	}

	/** An error about one run's job, naming the item and the job. */
	jobError(run: ItemRun, message: string, description: string): NodeOperationError {
		const error = new NodeOperationError(this.ctx.getNode(), message, {
			itemIndex: run.itemIndex,
			description,
		});
		if (run.job) error.context.jobId = run.job.id;
		return error;
	}

	/** Stops before anything is sent when the run would spend more than Max Credits per Run. */
	checkCap(runs: ItemRun[], cap: number) {
		const priced = runs.map((run) => ({ run, credits: planCredits(this.family, run.plan) }));
		const total = toTenth(priced.reduce((sum, { credits }) => sum + credits, 0));
		if (total <= cap) return;
		const costliest = priced
			.sort((a, b) => b.credits - a.credits)
			.slice(0, 5)
			.map(({ run, credits }) => `item ${run.itemIndex}: ${toTenth(credits)}`)
			.join(', ');
		throw new NodeOperationError(
			this.ctx.getNode(),
			`This run would spend ${total} Creatify credits, more than Max Credits per Run (${cap})`,
			{
				description: `Nothing was sent. The most expensive items: ${costliest}. Run fewer items, or raise Max Credits per Run if the total is what you meant.`,
			},
		);
	}

	/** Stops before anything is sent when the account cannot pay for every item. */
	async checkCredits(runs: ItemRun[]) {
		const needed = toTenth(
			runs.reduce((total, run) => total + planCredits(this.family, run.plan), 0),
		);
		if (needed === 0) return;
		const { remaining_credits: remaining } = await remainingCredits(this.ctx);
		if (remaining >= needed) return;
		throw new NodeOperationError(
			this.ctx.getNode(),
			`Not enough Creatify credits for this run: it needs ${needed}, the account has ${remaining}`,
			{
				description: `${runs.length} item(s) were checked before anything was sent; nothing was spent. Top up credits in Creatify or run fewer items. (To skip this check, turn off the Check Credits First option.)`,
			},
		);
	}

	output(runs: ItemRun[]): INodeExecutionData[] {
		return runs.map((run) => {
			if (run.error) return errorItem(run.error, run.itemIndex);
			if (run.jobFailure) return errorItem(run.jobFailure, run.itemIndex, run.job);
			return {
				json: run.job as IDataObject,
				...(run.binary ? { binary: run.binary } : {}),
				pairedItem: { item: run.itemIndex },
			};
		});
	}
}
