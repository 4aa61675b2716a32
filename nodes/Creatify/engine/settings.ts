/**
 * How the wait parameters of a paid operation are read at run time. Settings that shape the whole batch (wait
 * mode, Max Wait, concurrency, poll intervals, the credits check) are read once per run: an expression that
 * gives different values for different items is an error naming the field, never silently item 0's value.
 * What may differ per item (the request fields, what to download and where) is read per item.
 */
import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { type BackoffPolicy, pollPolicy } from '../../shared/helpers/backoff';

export type WaitMode = 'none' | 'poll' | 'callback';

export interface WaitSettings {
	mode: WaitMode;
	maxWaitMs: number;
	poll: BackoffPolicy;
	concurrency: number;
	checkCredits: boolean;
	/** the most a run may spend; 0: no cap */
	maxCredits: number;
	/** callback mode serves at most this many items; a bigger run polls instead. 0: no limit */
	callbackItemLimit: number;
}

/** The default of Max Items for Callbacks: what one n8n process answers in time (README, bench:callbacks). */
export const CALLBACK_ITEM_LIMIT = 500;

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
		maxCredits: Math.max(
			0,
			Number(once('options.maxCreditsPerRun', 'Max Credits per Run', 0)) || 0,
		),
		callbackItemLimit: Math.max(
			0,
			Number(once('options.callbackItemLimit', 'Max Items for Callbacks', CALLBACK_ITEM_LIMIT)) ||
				0,
		),
	};
}
