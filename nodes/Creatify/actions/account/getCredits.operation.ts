import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { remainingCredits } from '../../../shared/transport/jobs';
import { runPerItem } from '../common';

export const description: INodeProperties[] = [];

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await runPerItem(this, items, async (itemIndex) => remainingCredits(this, itemIndex));
}
