/**
 * The one way the package talks to Creatify: base URL, auth, trailing slashes, timeouts, retries, error mapping
 * and response validation.
 *
 * Rules that must not regress:
 * - A request that spends credits is repeated only when Creatify certainly did not act on it (HTTP 429, or a
 *   connection that was never made): a repeat could create a second paid job.
 * - Errors carry the status and Creatify's body, never the request: its headers hold the API key.
 */
import type { IHttpRequestOptions } from 'n8n-workflow';

import { classifyNetworkError, networkErrorCode } from '../helpers/apiErrors';
import type { BackoffPolicy } from '../helpers/backoff';
import { retryDelay } from '../helpers/backoff';
import { parseWith } from '../helpers/schemas';
import { abortableSleep } from '../helpers/sleep';
import { normalizeBaseUrl } from '../baseUrl';
import { apiPath, failure, httpFailure, networkFailure, subject } from './failures';
import type { CreatifyContext, CreatifyRequest, Outcome } from './request';
import { multipartBody } from './upload';

export { apiPath } from './failures';
export type { CreatifyContext, CreatifyRequest } from './request';
export type { UploadFile } from './upload';

export const CREDENTIAL_TYPE = 'creatifyApi';

/** A GET is tried this many times in all; a paid POST as often, but only while nothing was processed. */
export const MAX_ATTEMPTS = 5;
export const RETRY_BACKOFF: BackoffPolicy = { initialMs: 1000, maxMs: 30_000, factor: 2 };
export const REQUEST_TIMEOUT_MS = 60_000;

export async function creatifyBaseUrl(ctx: CreatifyContext): Promise<string> {
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
	return normalizeBaseUrl(credentials.baseUrl);
}

function shouldRetry(req: CreatifyRequest<unknown>, status: number | undefined, code?: string) {
	if (status === 429) return true;
	if (code !== undefined) {
		return req.spendsCredits ? classifyNetworkError(code) === 'notSent' : true;
	}
	return !req.spendsCredits && status !== undefined && status >= 500;
}

type Attempt = { outcome: Outcome; code?: undefined } | { outcome?: undefined; code: string };

/** One HTTP exchange: an answer of any status, or the network error code of a request that got none. */
async function attempt(
	ctx: CreatifyContext,
	req: CreatifyRequest<unknown>,
	options: IHttpRequestOptions,
	signal: AbortSignal | undefined,
): Promise<Attempt> {
	try {
		const response = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, CREDENTIAL_TYPE, {
			...options,
		})) as { statusCode: number; headers?: Record<string, unknown>; body: unknown };
		return {
			outcome: {
				status: response.statusCode,
				headers: response.headers ?? {},
				body: response.body,
			},
		};
	} catch (error) {
		if (signal?.aborted) {
			throw failure(ctx, req, 'The execution was cancelled', 'The request was stopped.');
		}
		const code = networkErrorCode(error);
		if (code !== undefined) return { code };
		const reason = error instanceof Error ? error.message : String(error);
		const baseUrl = await creatifyBaseUrl(ctx);
		throw failure(
			ctx,
			req,
			`Could not complete the request to Creatify${subject(req)}`,
			`${reason}. Check that ${baseUrl} is reachable from n8n.`,
		);
	}
}

function parsed<T>(ctx: CreatifyContext, req: CreatifyRequest<T>, outcome: Outcome): T {
	const result = parseWith(req.schema, outcome.body);
	if (result.ok) return result.value;
	const maybeProcessed = req.spendsCredits
		? ' The request may have been processed: look for the job with the Get Many operation before running it again.'
		: '';
	throw failure(
		ctx,
		req,
		`Creatify sent a response the node cannot use${subject(req)}`,
		`${req.method} ${apiPath(req.path)} answered ${outcome.status} but ${result.problem}.${maybeProcessed}`,
		outcome.status,
	);
}

/**
 * The options of one attempt of a request with files: a fresh multipart body (its files are read again), and no
 * redirects, since following them keeps a copy of the whole body in memory to send it again.
 */
function withFiles(
	options: IHttpRequestOptions,
	req: CreatifyRequest<unknown>,
): IHttpRequestOptions {
	return {
		...options,
		body: multipartBody(req.body ?? {}, req.files ?? {}),
		disableFollowRedirect: true,
	};
}

export async function creatifyRequest<T>(
	ctx: CreatifyContext,
	req: CreatifyRequest<T>,
): Promise<T> {
	// the credential adds the base URL and the keys (its authenticate function): one credential read per request
	const options: IHttpRequestOptions = {
		method: req.method,
		url: apiPath(req.path),
		qs: req.qs,
		body: req.body,
		json: true,
		timeout: REQUEST_TIMEOUT_MS,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};
	const signal = 'getExecutionCancelSignal' in ctx ? ctx.getExecutionCancelSignal() : undefined;
	for (let attempts = 1; ; attempts++) {
		const sent = req.files ? withFiles(options, req) : options;
		const { outcome, code } = await attempt(ctx, req, sent, signal);
		if (outcome && outcome.status >= 200 && outcome.status < 300) return parsed(ctx, req, outcome);
		if (attempts >= MAX_ATTEMPTS || !shouldRetry(req, outcome?.status, code)) {
			throw outcome
				? httpFailure(ctx, req, outcome, attempts)
				: networkFailure(ctx, req, await creatifyBaseUrl(ctx), code as string, attempts);
		}
		const delay = retryDelay(RETRY_BACKOFF, attempts - 1, outcome?.headers['retry-after']);
		await abortableSleep(delay, signal);
	}
}
