/** The n8n HTTP APIs the end-to-end suite drives: owner set-up and the editor's REST calls, and the public API. */
import type { IDataObject } from 'n8n-workflow';

import type { N8nProcess } from './runtime';

export interface OutputItem {
	json: IDataObject;
	pairedItem?: { item: number };
}

/** An execution as the public API returns it with includeData=true (the parts the suite reads). */
export interface ExecutionRecord {
	id: string;
	status: string;
	finished?: boolean;
	waitTill?: string | null;
	data?: {
		resultData?: {
			error?: { message?: string };
			runData?: Record<
				string,
				Array<{ data?: { main?: OutputItem[][] }; hints?: Array<{ message: string }> }>
			>;
		};
	};
}

export class N8nApi {
	/** the owner's session cookie ("name=value"), for a browser */
	cookie = '';
	apiKey = '';

	constructor(private readonly n8n: N8nProcess) {}

	private async call(path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
		const headers: Record<string, string> = {
			'browser-id': 'creatify-e2e',
			...(init.headers as Record<string, string>),
		};
		if (this.cookie) headers.cookie = this.cookie;
		if (this.apiKey && path.startsWith('/api/')) headers['X-N8N-API-KEY'] = this.apiKey;
		if (init.json !== undefined) headers['content-type'] = 'application/json';
		return await fetch(`${this.n8n.url}${path}`, {
			...init,
			headers,
			body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
		});
	}

	async json<T = unknown>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
		const response = await this.call(path, init);
		const text = await response.text();
		if (!response.ok)
			throw new Error(
				`${init.method ?? 'GET'} ${path} → ${response.status}: ${text.slice(0, 500)}`,
			);
		return (text ? JSON.parse(text) : undefined) as T;
	}

	/** Creates the owner account (a fresh n8n has none) and keeps its session cookie. */
	async setUpOwner(): Promise<void> {
		const response = await this.call('/rest/owner/setup', {
			method: 'POST',
			json: {
				email: 'owner@example.com',
				firstName: 'E2E',
				lastName: 'Owner',
				password: 'E2e-password-123',
			},
		});
		if (!response.ok)
			throw new Error(`owner setup failed: ${response.status} ${await response.text()}`);
		this.cookie = (response.headers.getSetCookie?.() ?? [response.headers.get('set-cookie') ?? ''])
			.map((c) => c.split(';')[0])
			.join('; ');
		const { data: scopes } = await this.json<{ data: string[] }>('/rest/api-keys/scopes');
		const { data } = await this.json<{ data: { rawApiKey: string } }>('/rest/api-keys', {
			method: 'POST',
			json: { label: 'e2e', scopes, expiresAt: null },
		});
		this.apiKey = data.rawApiKey;
	}

	async nodeTypes(): Promise<
		Array<{ name: string; displayName: string; icon?: unknown; iconUrl?: unknown }>
	> {
		return await this.json('/types/nodes.json');
	}

	async credentialTypes(): Promise<Array<{ name: string }>> {
		return await this.json('/types/credentials.json');
	}

	/** The Creatify credential for a simulator, named as the workflows in workflows.ts expect it. */
	async simulatorCredential(sim: { apiId: string; apiKey: string; url: string }): Promise<string> {
		// n8n's public API wants the HTTP request domain setting for credentials that sign HTTP requests
		const data = {
			apiId: sim.apiId,
			apiKey: sim.apiKey,
			baseUrl: sim.url,
			allowedHttpRequestDomains: 'all',
		};
		return await this.createCredential('Creatify (simulator)', 'creatifyApi', data);
	}

	async createCredential(
		name: string,
		type: string,
		data: Record<string, unknown>,
	): Promise<string> {
		const created = await this.json<{ id: string }>('/api/v1/credentials', {
			method: 'POST',
			json: { name, type, data },
		});
		return created.id;
	}

	/** The editor's "test credential" call for a saved credential with the values in the dialog. */
	async testCredential(
		id: string,
		type: string,
		data: Record<string, unknown>,
	): Promise<{ status: string; message: string }> {
		const { data: result } = await this.json<{ data: { status: string; message: string } }>(
			'/rest/credentials/test',
			{
				method: 'POST',
				json: { credentials: { id, name: 'Creatify (simulator)', type, data } },
			},
		);
		return result;
	}

	async createWorkflow(workflow: Record<string, unknown>): Promise<string> {
		const created = await this.json<{ id: string }>('/api/v1/workflows', {
			method: 'POST',
			json: workflow,
		});
		return created.id;
	}

	async activate(id: string): Promise<void> {
		await this.json(`/api/v1/workflows/${id}/activate`, { method: 'POST' });
	}

	async executions(workflowId: string): Promise<ExecutionRecord[]> {
		const { data } = await this.json<{ data: ExecutionRecord[] }>(
			`/api/v1/executions?workflowId=${workflowId}&includeData=true&limit=250`,
		);
		return data;
	}

	async execution(id: string): Promise<ExecutionRecord> {
		return await this.json<ExecutionRecord>(`/api/v1/executions/${id}?includeData=true`);
	}

	/** What the editor asks for a resource locator's list (listSearch). */
	async listSearch(
		body: Record<string, unknown>,
	): Promise<{ results: Array<{ name: string; value: string }> }> {
		const { data } = await this.json<{ data: { results: Array<{ name: string; value: string }> } }>(
			'/rest/dynamic-node-parameters/resource-locator-results',
			{ method: 'POST', json: body },
		);
		return data;
	}

	/** What the editor asks for a resource mapper's fields (resourceMapping). */
	async resourceMapperFields(
		body: Record<string, unknown>,
	): Promise<{ fields: Array<{ id: string; type?: string; required: boolean }> }> {
		const { data } = await this.json<{
			data: { fields: Array<{ id: string; type?: string; required: boolean }> };
		}>('/rest/dynamic-node-parameters/resource-mapper-fields', { method: 'POST', json: body });
		return data;
	}
}
