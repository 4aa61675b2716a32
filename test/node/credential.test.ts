/**
 * The credential test n8n runs from the credential dialog: its request is resolved with n8n's expression
 * engine, authenticated with the credential's own headers and sent to the simulator.
 */
import type { IHttpRequestOptions, INode } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { CreatifyApi } from '../../credentials/CreatifyApi.credentials';
import { TestCredentialsHelper, resolve } from '../harness/credentialsHelper';
import { useSimulator } from '../harness/fixture';
import { nodeTypes } from '../harness/n8n';

const { sim, credentials } = useSimulator();
const credentialType = new CreatifyApi();

async function testCredential(values: ReturnType<typeof credentials>) {
	const node = {
		name: 'x',
		type: 'n8n-nodes-base.noOp',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	} as unknown as INode;
	const workflow = new Workflow({ nodes: [], connections: {}, nodeTypes, active: false });
	const { request } = credentialType.test;
	const unsigned: IHttpRequestOptions = {
		url: request.url as string,
		baseURL: resolve(request.baseURL as string, values, workflow, node),
		method: request.method,
	};
	const helper = new TestCredentialsHelper(
		{ creatifyApi: credentialType },
		{ creatifyApi: values },
	);
	const signed = await helper.authenticate(values, 'creatifyApi', unsigned, workflow, node);
	const response = await fetch(`${signed.baseURL}${signed.url}`, {
		headers: signed.headers as Record<string, string>,
	});
	return { status: response.status, body: await response.json() };
}

test('good keys pass the credential test with GET /api/remaining_credits/', async () => {
	const result = await testCredential(credentials({ baseUrl: `${sim.url}/` }));
	expect(result).toEqual({ status: 200, body: { remaining_credits: 1000 } });
	expect(sim.requests.map((r) => r.path)).toEqual(['/api/remaining_credits/']);
	expect(sim.requests[0].headers['x-api-id']).toBe(sim.apiId);
});

test("a wrong key fails it with Creatify's message", async () => {
	const result = await testCredential(credentials({ apiKey: 'wrong' }));
	expect(result).toEqual({ status: 401, body: { detail: 'Invalid API ID or API key.' } });
});

test("the key field is a password field, and the default base URL is Creatify's", () => {
	const byName = Object.fromEntries(credentialType.properties.map((p) => [p.name, p]));
	expect(byName.apiKey.typeOptions?.password).toBe(true);
	expect(byName.baseUrl.default).toBe('https://api.creatify.ai');
	expect(credentialType.name).toBe('creatifyApi');
});
