/**
 * Preview then render, for every family that declares it (JobFamily.preview): the paid render of a job's
 * preview, checked against the job before anything is paid. Reading the job is free; a job whose previews are
 * not ready, or a preview the job does not list, is an input error naming the item, and nothing is sent.
 */
import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { JobFamily, PreviewCapability, PreviewRecord } from '../../shared/families/types';
import type { CreatifyJob } from '../../shared/helpers/schemas';
import { jobState, readStatus } from '../../shared/helpers/status';
import { getJob, paidJobRequest } from '../../shared/transport/jobs';
import type { PaidItemPlan } from './plan';

/** A render refused before anything is paid (the job was only read). */
function refuse(ctx: IExecuteFunctions, itemIndex: number, problem: string, advice: string): never {
	throw new NodeOperationError(ctx.getNode(), `${problem} (item ${itemIndex})`, {
		itemIndex,
		description: `No render was requested and no credits were spent. ${advice}`,
	});
}

const listed = (previews: PreviewRecord[]) =>
	previews.map((p) => (p.visualStyle ? `${p.mediaJob} (${p.visualStyle})` : p.mediaJob)).join(', ');

/**
 * Why the job cannot be rendered now, or undefined when it can: it failed, it has its video already (a render
 * would be paid again), it is being rendered, or its previews are not ready.
 */
function notReady(family: JobFamily, preview: PreviewCapability, job: CreatifyJob) {
	const status = readStatus(family, job);
	const noun = `${family.noun} ${job.id}`;
	const said = `status "${String(job.status)}"`;
	if (jobState(family, preview.step, status) === 'failed')
		return `${noun} ${String(job.status)}: ${String(job.failed_reason ?? 'no reason given')}; it has nothing to render`;
	if (jobState(family, preview.renderStep, status) === 'done')
		return `${noun} has its video already (${said}): rendering it again would be paid again`;
	const previews = preview.previews(job).length;
	if (jobState(family, preview.step, status) !== 'done')
		return previews > 0
			? `${noun} is being rendered (${said})`
			: `${noun} has no finished previews yet (${said}): render it once its previews are ready`;
	if (previews === 0) return `${noun} finished without previews: there is nothing to render`;
	return undefined;
}

/** The jobs each run renders, so that two items naming the same job pay for one render. */
const renderedInRun = new WeakMap<object, Set<string>>();

function claimForRun(ctx: IExecuteFunctions, family: JobFamily, jobId: string, itemIndex: number) {
	const jobs = renderedInRun.get(ctx) ?? new Set<string>();
	renderedInRun.set(ctx, jobs);
	if (jobs.has(jobId))
		refuse(
			ctx,
			itemIndex,
			`${family.noun} ${jobId} is rendered by an earlier item of this run`,
			'Render each job once per run.',
		);
	jobs.add(jobId);
}

/** The preview to render: the one asked for, or the job's only one (undefined: render the job as it is). */
function chosenPreview(
	ctx: IExecuteFunctions,
	family: JobFamily,
	job: CreatifyJob,
	asked: string,
	itemIndex: number,
): string | undefined {
	const previews = family.preview!.previews(job);
	if (asked) {
		if (previews.some((p) => p.mediaJob === asked)) return asked;
		refuse(
			ctx,
			itemIndex,
			`${family.noun} ${job.id} has no preview "${asked}"; its previews are ${listed(previews)}`,
			"Give the media_job of one of the job's previews.",
		);
	}
	if (previews.length === 1) return undefined;
	refuse(
		ctx,
		itemIndex,
		`${family.noun} ${job.id} has ${previews.length} previews: choose one in Preview (its media_job): ${listed(previews)}`,
		'Give the media_job of the preview to render.',
	);
}

/** The plan of a paid render of job `jobId` (its preview `asked`, or its only one), checked first. */
export async function renderPlan(
	ctx: IExecuteFunctions,
	family: JobFamily,
	jobId: string,
	asked: string,
	itemIndex: number,
): Promise<PaidItemPlan> {
	const preview = family.preview;
	if (!preview) throw new Error(`${family.displayName} has no previews`);
	claimForRun(ctx, family, jobId, itemIndex);
	const job = await getJob(ctx, family, jobId, itemIndex);
	const problem = notReady(family, preview, job);
	if (problem)
		refuse(
			ctx,
			itemIndex,
			problem,
			"Wait for the previews (Create Previews with a wait mode, or the trigger's Preview Ready event).",
		);
	const { path, body } = preview.render(job, chosenPreview(ctx, family, job, asked, itemIndex));
	return {
		request: paidJobRequest(family, jobId, path, body, itemIndex),
		step: preview.renderStep,
		costFacts: preview.renderCostFacts(job),
	};
}
