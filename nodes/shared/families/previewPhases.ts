/**
 * Preview then render on one job (URL to Video, AI Avatar, Custom Templates): Creatify reports the same statuses
 * (pending → done) for the preview and for the render, so the record tells the two phases apart.
 */
import { text } from '../helpers/labels';
import type { CreatifyJob } from '../helpers/schemas';
import type { FamilyStep, PreviewRecord, StepCost } from './types';

const WORKING = ['pending', 'in_queue', 'running'];

/** The previews step: its own names for Creatify's statuses while a job has neither previews nor a video. */
export function previewStep(cost: StepCost, description: string): FamilyStep {
	return {
		name: 'preview',
		working: WORKING.map((status) => `preview_${status}`),
		done: ['preview_done'],
		cost,
		event: {
			name: 'Preview Ready',
			value: 'previewReady',
			description,
		},
	};
}

type Job = { status?: unknown } & Record<string, unknown>;

/**
 * The status the steps read. Done with a video (`videoField`) is the video step done; done as a preview request
 * (`isPreview`) without a video is the previews step done. Any working status without a video counts as the
 * previews step working: while a render runs, the video step reads as not done, which is what waiting for it
 * needs, and a job being rendered never reads as a finished preview to render again.
 */
export function previewPhaseStatus(
	videoField: string,
	failed: readonly string[],
	isPreview: (job: Job) => boolean,
): (job: Job) => unknown {
	return (job) => {
		const status = job.status;
		if (typeof status !== 'string' || failed.includes(status)) return status;
		if (text(job[videoField])) return status;
		if (status !== 'done') return `preview_${status}`;
		return isPreview(job) ? 'preview_done' : status;
	};
}

/** A job with one preview (AI Avatar, Custom Templates): its `preview` player link, rendered as the whole job. */
export function singlePreview(job: CreatifyJob): PreviewRecord[] {
	const url = text(job.preview);
	return url ? [{ mediaJob: text(job.media_job) ?? job.id, url }] : [];
}

/**
 * Whether a finished record of a single-preview family is its preview: it holds the preview's link, or names its
 * video field without a video. The documented callback bodies carry no `preview`: a preview's is `{id, status:
 * "done", failed_reason, output: null}`, its render's has the video URL.
 */
export const isPreviewOf =
	(videoField: string) =>
	(job: Record<string, unknown>): boolean =>
		text(job.preview) !== undefined || (videoField in job && text(job[videoField]) === undefined);
