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
import { resourceOptions, resourceProperties, router } from './actions/router';
import { handleCallback } from './engine/callback';
import { listSearch, resourceMapping } from './methods';

export class Creatify implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Creatify',
		name: 'creatify',
		icon: { light: 'file:creatify.svg', dark: 'file:creatify.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Make video ads, avatar and talking videos, voice-overs, AI images, banners and ad scripts with Creatify, from product pages, images and scripts',
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
				options: resourceOptions(),
				default: 'productVideo',
			},
			...resourceProperties(),
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
