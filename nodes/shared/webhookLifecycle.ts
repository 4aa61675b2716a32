import type { IHookFunctions } from 'n8n-workflow';

/**
 * Creatify has no API to register webhooks: the URL travels with each request (webhook_url). n8n only has to
 * listen, so the lifecycle has nothing to do remotely.
 */
export const noRemoteWebhook = {
	default: {
		async checkExists(this: IHookFunctions): Promise<boolean> {
			return true;
		},
		async create(this: IHookFunctions): Promise<boolean> {
			return true;
		},
		async delete(this: IHookFunctions): Promise<boolean> {
			return true;
		},
	},
};
