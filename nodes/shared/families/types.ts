/**
 * A Creatify job family as the engine, the callback handling, downloads, the credits check, the pickers and the
 * trigger read it. A family is data: adding one means writing its description and its operation files, never
 * changing the engine.
 */
import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

import type { CreatifyJob, Schema } from '../helpers/schemas';
import type { StatusTable, StepStatuses } from '../helpers/status';
import { assetsOf } from '../helpers/templates';

/** What a step costs, from the body of the request that starts it (fixed, or e.g. per 30 s of video). */
export interface StepCost {
	credits: (body: IDataObject) => number;
	/** how the cost reads in the editor, e.g. "3 credits" */
	text: string;
	/** Creatify charges nothing for the step (custom avatars): messages do not speak of paying */
	free?: true;
}

export interface FamilyStep extends StepStatuses {
	cost: StepCost;
	/** the Creatify Trigger's event when this step is done */
	event: INodePropertyOptions & { value: string };
}

/** A paid request that continues a job once an earlier step is done (Product Video: the video of an image). */
export interface FollowUpStep {
	/** the step that must be done first */
	after: string;
	/** the step the request starts */
	starts: string;
	/** path segments after /api/ for a job */
	path: (jobId: string) => string[];
}

/** A file a finished job links to, which Download Result can attach as binary data. */
export interface ResultFile {
	/** the value of the Download Result option */
	value: string;
	name: string;
	/** the record field holding the URL */
	field: string;
	/** the file name is the job ID plus this suffix, e.g. "-preview.png" */
	fileNameSuffix: string;
	/** MIME type when the server sends none */
	mimeType: string;
	/** when several files are attached, this one goes to the binary field name plus this suffix */
	binarySuffix: string;
	/**
	 * For a field holding a list of files (AI Ad Templates' assets): their URLs. Each is attached, the first to
	 * the binary field, the next ones to the field name plus _1, _2, …; named <job ID>-<n> plus the URL's extension.
	 */
	urls?: (job: CreatifyJob) => string[];
	/**
	 * For a list: the option that downloads only some of its files, and the names each file (in `urls` order) can
	 * be chosen by (Image Ads: a banner's name and size).
	 */
	pick?: { displayName: string; description: string; names: (job: CreatifyJob) => string[][] };
}

/** One preview a preview job lists: what Creatify's player shows, in one visual style. */
export interface PreviewRecord {
	/** the ID a render of this one preview takes */
	mediaJob: string;
	visualStyle?: string;
	/** a link to Creatify's web player (not a video file) */
	url?: string;
}

/**
 * Preview then render: a cheap step whose job lists previews for a person or a rule to look at, then a paid
 * render of the chosen one on the same job.
 */
export interface PreviewCapability {
	/** the step that makes the previews */
	step: string;
	/** the step a render makes */
	renderStep: string;
	/** the previews a record lists */
	previews: (job: CreatifyJob) => PreviewRecord[];
	/** the paid request rendering a job (as read just before): one chosen preview, or the job's only one */
	render: (job: CreatifyJob, mediaJob?: string) => { path: string[]; body: IDataObject };
	/** what a render's price depends on, read from the job (never sent) */
	renderCostFacts: (job: CreatifyJob) => IDataObject;
}

export interface JobFamily<Name extends string = string> extends StatusTable {
	/** the resource value in the node, e.g. 'productVideo' */
	name: Name;
	displayName: string;
	/** the node's Resource option, when it says more than the display name */
	resourceLabel?: string;
	/** words users search the nodes panel with for this family (the node's codex aliases hold them) */
	aliases: readonly string[];
	/** how messages name one job, e.g. 'Task' */
	noun: string;
	/** path segments after /api/ of the family's collection; GET <path>/<id>/ reads one job */
	path: readonly string[];
	/** the job record; unknown fields pass through */
	schema: Schema<CreatifyJob>;
	steps: readonly FamilyStep[];
	followUp?: FollowUpStep;
	files: readonly ResultFile[];
	/**
	 * The fields of the family's callback body when Creatify posts only part of the record (URL to Video, Text
	 * to Speech); absent when it posts the whole record. The trigger uses it to tell families apart.
	 */
	callbackFields?: readonly string[];
	/**
	 * Fields this family's records carry that most others' do not; a callback body holding them is likely this
	 * family's, the more of them it holds the likelier (two families may share some). They tell apart the
	 * families whose callback body is not documented (Aurora, AI Ad Templates, the Asset Generator).
	 */
	recordFields?: readonly string[];
	/**
	 * A record field with a fixed set of kinds that the trigger can filter on, and the trigger's parameter for
	 * it (its name is kept in users' workflows).
	 */
	kind?: {
		field: string;
		options: INodePropertyOptions[];
		parameter: { name: string; displayName: string };
	};
	/** a preview step and a paid render of a chosen preview, when the family offers them */
	preview?: PreviewCapability;
	/** how a job reads in a picker */
	label: (job: CreatifyJob) => string;
	/** what to check when a job fails, added to the error */
	failureAdvice: string;
}

/** The one step of a family whose job queues, renders a video, and ends `done` (or in the family's failures). */
export function videoStep(cost: StepCost): FamilyStep {
	return {
		name: 'video',
		working: ['pending', 'in_queue', 'running'],
		done: ['done'],
		cost,
		event: {
			name: 'Video Ready',
			value: 'videoReady',
			description: 'A video is finished: its record holds the video URL',
		},
	};
}

/** A finished video at `video_output`, downloaded as an MP4 named after the job. */
export const MP4_VIDEO: ResultFile = {
	value: 'video',
	name: 'Video',
	field: 'video_output',
	fileNameSuffix: '.mp4',
	mimeType: 'video/mp4',
	binarySuffix: '',
};

/** A finished video's thumbnail at `video_thumbnail`, downloaded as a JPEG beside the video. */
export const JPEG_THUMBNAIL: ResultFile = {
	value: 'thumbnail',
	name: 'Thumbnail',
	field: 'video_thumbnail',
	fileNameSuffix: '-thumbnail.jpg',
	mimeType: 'image/jpeg',
	binarySuffix: '_thumbnail',
};

/** A job's generated assets (a list at `assets`), each downloaded, named after the job plus its URL's extension. */
export const GENERATED_ASSETS: ResultFile = {
	value: 'assets',
	name: 'Assets',
	field: 'assets',
	fileNameSuffix: '',
	mimeType: 'application/octet-stream',
	binarySuffix: '',
	urls: (job) => assetsOf(job.assets).map((asset) => asset.url),
};

export const fixedCost = (credits: number): StepCost => ({
	credits: () => credits,
	text: `${credits} Creatify credit${credits === 1 ? '' : 's'}`,
});

export function familyStep(family: JobFamily, name: string): FamilyStep {
	const step = family.steps.find((candidate) => candidate.name === name);
	if (!step) throw new Error(`${family.displayName} has no step "${name}"`);
	return step;
}
