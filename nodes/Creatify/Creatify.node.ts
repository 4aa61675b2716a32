import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { familyNamed } from '../shared/families';
import { noRemoteWebhook } from '../shared/webhookLifecycle';
import * as account from './actions/account';
import * as adTemplate from './actions/adTemplate';
import * as aurora from './actions/aurora';
import * as avatar from './actions/avatar';
import * as productVideo from './actions/productVideo';
import * as textToSpeech from './actions/textToSpeech';
import * as urlToVideo from './actions/urlToVideo';
import * as voice from './actions/voice';
import type { ResourceName } from './actions/router';
import { router } from './actions/router';
import { handleCallback } from './engine/callback';
import { listSearch, resourceMapping } from './methods';

const RESOURCES: Array<{ name: string; value: ResourceName }> = [
	{ name: 'Account', value: 'account' },
	{ name: 'AI Ad Template', value: 'adTemplate' },
	{ name: 'Aurora (Talking Video)', value: 'aurora' },
	{ name: 'Avatar', value: 'avatar' },
	{ name: 'Product Video', value: 'productVideo' },
	{ name: 'Text to Speech', value: 'textToSpeech' },
	{ name: 'URL to Video', value: 'urlToVideo' },
	{ name: 'Voice', value: 'voice' },
];

export class Creatify implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Creatify',
		name: 'creatify',
		icon: { light: 'file:creatify.svg', dark: 'file:creatify.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Make AI video ads, talking videos, voice-overs and template ads with Creatify from product images, pages, portraits and scripts',
		defaults: { name: 'Creatify' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'creatifyApi', required: true }],
		// Wait mode "callback": Creatify calls this execution's resume URL (n8n's waiting webhook for this node).
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: '={{ $nodeId }}',
				restartWebhook: true,
				isFullPath: true,
			},
		],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: RESOURCES,
				default: 'productVideo',
			},
			...productVideo.description,
			...urlToVideo.description,
			...textToSpeech.description,
			...aurora.description,
			...adTemplate.description,
			...voice.description,
			...account.description,
			...avatar.description,
		],
	};

	methods = { listSearch, resourceMapping };

	webhookMethods = noRemoteWebhook;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}

	/** Wait mode "callback": the resource names the family whose jobs the execution waits for. */
	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const family = familyNamed(this.getNodeParameter('resource'));
		if (!family)
			throw new NodeOperationError(this.getNode(), 'This resource does not wait for jobs');
		return await handleCallback(this, family);
	}
}
