/** The URL Creatify calls back for a waiting node: the node's own path under n8n's resume URL. */

/** Builds the URL of this node's waiting webhook from n8n's resume URL (which may carry a signature query). */
export function nodeResumeUrl(resumeUrl: string, nodeId: string): string {
	const url = new URL(resumeUrl);
	url.pathname = `${url.pathname.replace(/\/+$/, '')}/${nodeId}`;
	return url.toString();
}
