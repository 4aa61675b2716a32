import type {
	ICredentialDataDecryptedObject,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { normalizeBaseUrl } from '../nodes/shared/baseUrl';

export class CreatifyApi implements ICredentialType {
	name = 'creatifyApi';

	displayName = 'Creatify API';

	icon: Icon = { light: 'file:creatify.svg', dark: 'file:creatify.dark.svg' };

	documentationUrl = 'https://docs.creatify.ai/api-reference/authentication';

	properties: INodeProperties[] = [
		{
			displayName:
				'Find your keys in the Creatify app: click your account name, then API Dashboard, then Show API Keys. API access needs a paid Creatify plan.',
			name: 'keysNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'API ID',
			name: 'apiId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 5d3c0a1e-8b7f-4c2a-9e61-0f4b2d7a8c93',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.creatify.ai',
			description:
				'Change only to go through a proxy or to use a local Creatify simulator. Paths such as /api/… are added to it.',
		},
	];

	/**
	 * The keys as headers, and the Base URL under requests that give a path only. A function rather than
	 * expressions: n8n 2.x evaluates each credential expression in a fresh isolate when a request holds the
	 * pool (tens of ms per request), and the node need not read the credential a second time for the URL.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return {
			...requestOptions,
			baseURL: requestOptions.baseURL ?? normalizeBaseUrl(credentials.baseUrl),
			headers: {
				...requestOptions.headers,
				'X-API-ID': String(credentials.apiId ?? ''),
				'X-API-KEY': String(credentials.apiKey ?? ''),
			},
		};
	}

	// The one free call that needs valid keys: a wrong key fails here with Creatify's own message.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/api/remaining_credits/',
			method: 'GET',
		},
	};
}
