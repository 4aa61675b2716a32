/**
 * The wait parameters of every paid operation and how they are read. Settings that shape the whole batch (wait
 * mode, Max Wait, concurrency, poll intervals, the credits check) are read once per run: an expression that
 * gives different values for different items is an error naming the field, never silently item 0's value.
 * What may differ per item (the request fields, what to download and where) is read per item.
 */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { JobFamily } from '../../shared/families/types';
import { type BackoffPolicy, pollPolicy } from '../../shared/helpers/backoff';
import { downloadOptions } from './download';

export type WaitMode = 'none' | 'poll' | 'callback';

export interface WaitSettings {
	mode: WaitMode;
	maxWaitMs: number;
	poll: BackoffPolicy;
	concurrency: number;
	checkCredits: boolean;
}

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
			description: 'Read once per run: the same for every item',
		},
		{
			displayName:
				"Creatify will call this n8n back at its public address (n8n's WEBHOOK_URL): a local or private address fails at once. The execution shows as Waiting until all jobs finish. If Max Wait passes first, n8n resumes it with the jobs as they were created, each marked <code>creatify_wait.timed_out: true</code>: check that field after this node. Failed jobs come out with their failed status and <code>failed_reason</code>.",
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
				'Give up waiting after this long. A job that has not finished by then becomes an error with its ID (it is still paid for and keeps rendering: fetch it later with Get). Read once per run: the same for every item.',
			displayOptions: { hide: { waitMode: ['none'] } },
		},
	];
}

/** Options that shape how paid requests are sent and followed; part of each paid operation's Options. */
export const batchOptions: INodeProperties[] = [
	{
		displayName: 'Check Credits First',
		name: 'checkCredits',
		type: 'boolean',
		default: true,
		description:
			'Whether to read the remaining credits once before sending anything, and stop without spending if they cannot cover all items. Read once per run: the same for every item.',
	},
	{
		displayName: 'Concurrent Requests',
		name: 'concurrency',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 20 },
		default: 5,
		description:
			'How many generation requests to send at the same time. Read once per run: the same for every item.',
	},
	{
		displayName: 'First Poll Interval (Seconds)',
		name: 'pollIntervalSeconds',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 5,
		description:
			'Wait before the first status check; the interval then grows by half each round. Read once per run: the same for every item.',
	},
	{
		displayName: 'Max Poll Interval (Seconds)',
		name: 'maxPollIntervalSeconds',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 30,
		description:
			'The longest pause between two status checks. Read once per run: the same for every item.',
	},
];

function rawParameter(ctx: IExecuteFunctions, path: string): unknown {
	return path
		.split('.')
		.reduce<unknown>(
			(value, key) =>
				value !== null && typeof value === 'object'
					? (value as Record<string, unknown>)[key]
					: undefined,
			ctx.getNode().parameters,
		);
}

/**
 * The wait options of a family's paid operations: batch settings and Download Result (not for an operation
 * whose jobs end with no file, such as previews).
 */
export function waitOptions(family: JobFamily, withDownload = true): INodeProperties[] {
	return withDownload ? [...batchOptions, ...downloadOptions(family)] : batchOptions;
}

/** A batch setting: item 0's value, after checking that an expression gives it for every item. */
export function readOncePerRun<T>(
	ctx: IExecuteFunctions,
	path: string,
	label: string,
	fallback: T,
): T {
	const first = ctx.getNodeParameter(path, 0, fallback) as T;
	const raw = rawParameter(ctx, path);
	if (typeof raw !== 'string' || !raw.startsWith('=')) return first;
	const count = ctx.getInputData().length;
	for (let itemIndex = 1; itemIndex < count; itemIndex++) {
		const value = ctx.getNodeParameter(path, itemIndex, fallback) as T;
		if (value === first) continue;
		throw new NodeOperationError(
			ctx.getNode(),
			`${label} must be the same for every item: item 0 gives ${JSON.stringify(first)}, item ${itemIndex} gives ${JSON.stringify(value)}`,
			{
				itemIndex,
				description: `${label} applies to the whole run, so it is read once. Nothing was sent to Creatify. Give it one value (not an expression that depends on the item), or split the items over several runs.`,
			},
		);
	}
	return first;
}

export function readWaitSettings(ctx: IExecuteFunctions): WaitSettings {
	const once = <T>(path: string, label: string, fallback: T) =>
		readOncePerRun(ctx, path, label, fallback);
	return {
		mode: once<WaitMode>('waitMode', 'Wait for Result', 'none'),
		maxWaitMs: Number(once('maxWaitMinutes', 'Max Wait (Minutes)', 30)) * 60_000,
		poll: pollPolicy(
			Number(once('options.pollIntervalSeconds', 'First Poll Interval (Seconds)', 5)),
			Number(once('options.maxPollIntervalSeconds', 'Max Poll Interval (Seconds)', 30)),
		),
		concurrency: Math.max(
			1,
			Math.floor(Number(once('options.concurrency', 'Concurrent Requests', 5))),
		),
		checkCredits: once<boolean>('options.checkCredits', 'Check Credits First', true) !== false,
	};
}
