/**
 * The wait parameters every paid operation shows in the editor: Wait for Result, Max Wait, the batch options and
 * Download Result (how they are read at run time: settings.ts and download.ts).
 */
import type { INodeProperties } from 'n8n-workflow';

import type { JobFamily } from '../../shared/families/types';
import type { WaitMode } from './settings';
import { CALLBACK_ITEM_LIMIT } from './settings';

/** The "Wait for Result" parameter of every paid operation, and how long to wait. */
export function waitProperties(defaultMode: WaitMode, canSkipWaiting = true): INodeProperties[] {
	const dontWait = {
		name: "Don't Wait",
		value: 'none',
		description: 'Return each job as soon as Creatify has accepted it',
	};
	return [
		{
			displayName: 'Wait for Result',
			name: 'waitMode',
			type: 'options',
			options: [
				...(canSkipWaiting ? [dontWait] : []),
				{
					name: 'Poll Until Done',
					value: 'poll',
					description:
						'Check the status of all jobs together until each has finished or failed. Keeps this execution running meanwhile.',
				},
				{
					name: 'Wait for Creatify Callback',
					value: 'callback',
					description:
						'Pause the execution (no worker is held) and resume it when Creatify reports that all jobs have finished. Needs n8n reachable from the internet.',
				},
			],
			default: defaultMode,
			description:
				'Whether the node waits for Creatify to finish before passing the results on. Applies to all items at once: an expression here must give the same value for every item.',
		},
		{
			displayName:
				"Creatify will call this n8n back at its public address (n8n's WEBHOOK_URL): a local or private address fails at once. The execution shows as Waiting until all jobs finish. If Max Wait passes first, n8n resumes it with the jobs as they were created, each marked <code>creatify_wait.timed_out: true</code>: check that field after this node. Failed jobs come out with their failed status and <code>failed_reason</code>. Each callback makes n8n load the whole waiting execution: keep batches to a few hundred items per execution (Loop Over Items). Above Max Items for Callbacks (an option, 500 by default) the run polls instead.",
			name: 'callbackNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { waitMode: ['callback'] } },
		},
		{
			displayName: 'Max Wait (Minutes)',
			name: 'maxWaitMinutes',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 30,
			description:
				'How long to wait. With Poll Until Done a job not finished by then becomes an error with its ID; with Wait for Creatify Callback it comes out as created, marked creatify_wait.timed_out: true. Either way it is paid for and keeps rendering: fetch it later with Get. Applies to all items at once.',
			displayOptions: { hide: { waitMode: ['none'] } },
		},
	];
}

/** The options about credits, which an operation Creatify does not charge for does not show. */
const CREDIT_OPTIONS = ['checkCredits', 'maxCreditsPerRun'];

/** Options that shape how paid requests are sent and followed; part of each paid operation's Options. */
const batchOptions: INodeProperties[] = [
	{
		displayName: 'Check Credits First',
		name: 'checkCredits',
		type: 'boolean',
		default: true,
		description:
			'Whether to read the remaining credits once before sending anything, and stop without spending if they cannot cover all items. Applies to all items at once.',
	},
	{
		displayName: 'Concurrent Requests',
		name: 'concurrency',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 20 },
		default: 5,
		description:
			'How many generation requests to send at the same time. Applies to all items at once.',
	},
	{
		displayName: 'First Poll Interval (Seconds)',
		name: 'pollIntervalSeconds',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 5,
		description:
			'Wait before the first status check; the interval then grows by half each round. Applies to all items at once.',
	},
	{
		displayName: 'Max Credits per Run',
		name: 'maxCreditsPerRun',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description:
			'A spending cap: a run whose items would cost more credits than this in all is refused before anything is sent (the error names the most expensive items). 0: no cap. Items whose price is unknown until rendered count as 0. Applies to all items at once.',
	},
	{
		displayName: 'Max Items for Callbacks',
		name: 'callbackItemLimit',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: CALLBACK_ITEM_LIMIT,
		description:
			"With Wait for Creatify Callback: a run of more items than this polls for the results instead, and says so in the node's output. Each callback makes n8n load the whole waiting execution, so one n8n process answers Creatify too slowly once a big batch finishes together. 0: no limit. Applies to all items at once.",
		displayOptions: { show: { '/waitMode': ['callback'] } },
	},
	{
		displayName: 'Max Poll Interval (Seconds)',
		name: 'maxPollIntervalSeconds',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 30,
		description: 'The longest pause between two status checks. Applies to all items at once.',
	},
];

/**
 * The wait options of a family's paid operations: batch settings and Download Result, preset to the file
 * `download` names (the family's first by default; false for an operation whose jobs end with no file, such as
 * previews). A `free` operation (Creatify charges nothing) has no credit options.
 */
export function waitOptions(
	family: JobFamily,
	{ download, free = false }: { download?: string | false; free?: boolean } = {},
): INodeProperties[] {
	const batch = free
		? batchOptions.filter((option) => !CREDIT_OPTIONS.includes(option.name))
		: batchOptions;
	if (download === false) return batch;
	return [...batch, ...downloadOptions(family, download)];
}

/** The Download Result and Put File in Field options, offering the family's files. */
export function downloadOptions(family: JobFamily, preset?: string): INodeProperties[] {
	const several = family.files.length > 1;
	const firstFile = preset ?? family.files[0].value;
	return [
		{
			displayName: 'Download Result',
			name: 'download',
			type: 'options',
			options: [
				{ name: 'No', value: 'none' },
				...family.files.map((file) => ({ name: file.name, value: file.value })),
				...(several ? [{ name: family.files.map((f) => f.name).join(' and '), value: 'all' }] : []),
			],
			default: firstFile,
			description:
				"Attach the finished files as binary data, for upload or e-mail nodes after this one. Only with a wait mode; Creatify's links may expire, so downloading right away is safest.",
		},
		...family.files
			.filter((file) => file.pick)
			.map(
				(file): INodeProperties => ({
					displayName: file.pick!.displayName,
					name: 'downloadOnly',
					type: 'string',
					default: '',
					description: file.pick!.description,
				}),
			),
		{
			displayName: 'Put File in Field',
			name: 'binaryProperty',
			type: 'string',
			default: 'data',
			description: several
				? `The binary field for the file. With several files, each other file goes to this name plus its suffix (${family.files
						.filter((f) => f.binarySuffix)
						.map((f) => `"${f.binarySuffix}" for the ${f.name.toLowerCase()}`)
						.join(', ')}).`
				: family.files[0].urls
					? 'The binary field for the first file; each further one goes to this name plus _1, _2, …'
					: 'The binary field for the file.',
		},
	];
}
