import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pollPolicy } from '../helpers/waiting';
import { downloadOptions, readDownloadSettings } from './download';
import type { WaitMode, WaitSettings } from './engine';

/** The "Wait" parameter of every paid operation, and how long to wait. */
export function waitProperties(defaultMode: WaitMode, canSkipWaiting = true): INodeProperties[] {
	const dontWait = {
		name: "Don't Wait",
		value: 'none',
		description: 'Return each task as soon as Creatify has accepted it',
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
						'Check the status of all tasks together until each has finished or failed. Keeps this execution running meanwhile.',
				},
				{
					name: 'Wait for Creatify Callback',
					value: 'callback',
					description:
						'Pause the execution (no worker is held) and resume it when Creatify reports that all tasks have finished. Needs n8n reachable from the internet.',
				},
			],
			default: defaultMode,
		},
		{
			displayName:
				'Creatify will call this n8n back at its public address (n8n\'s WEBHOOK_URL): a local or private address fails at once. The execution shows as Waiting until all tasks finish. If Max Wait passes first, n8n resumes it with the tasks as they were created, each marked <code>creatify_wait.timed_out: true</code>: check that field after this node. Failed tasks come out with <code>status: "failed"</code>.',
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
				'Give up waiting after this long. A task that has not finished by then becomes an error with its ID (it is still paid for and keeps rendering: fetch it later with Get).',
			displayOptions: { hide: { waitMode: ['none'] } },
		},
	];
}

/** Options that shape how paid requests are sent and followed; part of each paid operation's Options. */
export const waitOptions: INodeProperties[] = [
	{
		displayName: 'Check Credits First',
		name: 'checkCredits',
		type: 'boolean',
		default: true,
		description:
			'Whether to read the remaining credits once before sending anything, and stop without spending if they cannot cover all items',
	},
	{
		displayName: 'Concurrent Requests',
		name: 'concurrency',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 20 },
		default: 5,
		description: 'How many generation requests to send at the same time',
	},
	{
		displayName: 'First Poll Interval (Seconds)',
		name: 'pollIntervalSeconds',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 5,
		description: 'Wait before the first status check; the interval then grows by half each round',
	},
	{
		displayName: 'Max Poll Interval (Seconds)',
		name: 'maxPollIntervalSeconds',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 30,
		description: 'The longest pause between two status checks',
	},
	...downloadOptions,
];

export function readWaitSettings(ctx: IExecuteFunctions): WaitSettings {
	const options = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	const mode = ctx.getNodeParameter('waitMode', 0, 'none') as WaitMode;
	return {
		mode,
		maxWaitMs: (ctx.getNodeParameter('maxWaitMinutes', 0, 30) as number) * 60_000,
		poll: pollPolicy(
			Number(options.pollIntervalSeconds ?? 5),
			Number(options.maxPollIntervalSeconds ?? 30),
		),
		concurrency: Math.max(1, Math.floor(Number(options.concurrency ?? 5))),
		checkCredits: options.checkCredits !== false,
		download: readDownloadSettings(options),
	};
}
