/** The URL Creatify calls back for a waiting node: the node's own path under n8n's resume URL. */
import { MAX_WEBHOOK_URL_LENGTH } from './validation';

/** Builds the URL of this node's waiting webhook from n8n's resume URL (which may carry a signature query). */
export function nodeResumeUrl(resumeUrl: string, nodeId: string): string {
	const url = new URL(resumeUrl);
	url.pathname = `${url.pathname.replace(/\/+$/, '')}/${nodeId}`;
	return url.toString();
}

/**
 * Why Creatify would refuse the callback URL as webhook_url, if it would: too long. The URL itself is not shown
 * (its signature lets anyone resume the execution).
 */
export function callbackUrlLengthProblem(callbackUrl: string): string | undefined {
	if (callbackUrl.length <= MAX_WEBHOOK_URL_LENGTH) return undefined;
	const { origin } = new URL(callbackUrl);
	return `Creatify would have to call back a URL of ${callbackUrl.length} characters (n8n's address ${origin}, then the waiting execution, this node and n8n's signature), and it accepts at most ${MAX_WEBHOOK_URL_LENGTH}. Set n8n's WEBHOOK_URL to a shorter address (the path after the host counts too), or use Wait for Result: Poll Until Done.`;
}
