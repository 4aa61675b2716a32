import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

import type { Schema } from '../helpers/schemas';
import type { UploadFile } from './upload';

export type CreatifyContext = IExecuteFunctions | ILoadOptionsFunctions | IWebhookFunctions;

export interface CreatifyRequest<T> {
	method: IHttpRequestMethods;
	/** path segments after /api/, e.g. ['personas', 'paginated'] */
	path: readonly string[];
	body?: IDataObject;
	/** files to upload: the request is sent as multipart, `body` as its text fields */
	files?: Record<string, UploadFile>;
	qs?: IDataObject;
	/** the response schema; a body that does not match is an error naming what was wrong */
	schema: Schema<T>;
	/** item the request is for, carried into every error */
	itemIndex?: number;
	/** the job concerned, named in every error (as `context.jobId`) */
	jobId?: string;
	/** what messages say the request is for when there is no job yet, e.g. 'for the page https://…' */
	about?: string;
	/** how messages name the job, e.g. 'job' (the default) */
	noun?: string;
	/**
	 * Set on requests that spend credits. They are never repeated unless the server certainly did not act on
	 * them (429, or a connection that was never established): a repeat could create a second paid job.
	 */
	spendsCredits?: boolean;
}

/** What one HTTP exchange answered. */
export interface Outcome {
	status: number;
	headers: Record<string, unknown>;
	body: unknown;
}
