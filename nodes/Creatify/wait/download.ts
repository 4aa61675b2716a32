/**
 * "Download Result": attaches a finished task's files as n8n binary data. The file is streamed from Creatify's
 * URL into n8n's binary data store (to disk in n8n's filesystem mode), never held whole in memory. The
 * generated URLs are public links: they are fetched without the Creatify credential.
 */
import { NodeOperationError } from 'n8n-workflow';
import type {
	IBinaryKeyData,
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	IWebhookFunctions,
} from 'n8n-workflow';

import type { CreatifyTask } from '../helpers/schemas';

export type DownloadChoice = 'none' | 'video' | 'image' | 'both';

export interface DownloadSettings {
	files: DownloadChoice;
	binaryProperty: string;
}

export const downloadOptions: INodeProperties[] = [
	{
		displayName: 'Download Result',
		name: 'download',
		type: 'options',
		options: [
			{ name: 'No', value: 'none' },
			{
				name: 'Video',
				value: 'video',
				description: 'The finished video (Generate Video, Create Video)',
			},
			{ name: 'Preview Image', value: 'image', description: 'The generated preview image' },
			{ name: 'Video and Preview Image', value: 'both' },
		],
		default: 'video',
		description:
			"Attach the finished files as binary data, for upload or e-mail nodes after this one. Only with a wait mode; Creatify's links may expire, so downloading right away is safest.",
	},
	{
		displayName: 'Put File in Field',
		name: 'binaryProperty',
		type: 'string',
		default: 'data',
		description:
			'The binary field for the file. With video and preview image, the image goes to this name plus "_preview".',
	},
];

export function readDownloadSettings(options: IDataObject): DownloadSettings {
	return {
		files: (options.download as DownloadChoice | undefined) ?? 'none',
		binaryProperty: String(options.binaryProperty ?? 'data').trim() || 'data',
	};
}

/** A response body stream, as prepareBinaryData takes it. */
type BinarySource = Parameters<IExecuteFunctions['helpers']['prepareBinaryData']>[0];

interface Wanted {
	url: string;
	property: string;
	fileName: string;
	mimeType: string;
}

function wantedFiles(task: CreatifyTask, settings: DownloadSettings): Wanted[] {
	const wanted: Wanted[] = [];
	const video = settings.files === 'video' || settings.files === 'both';
	const image = settings.files === 'image' || settings.files === 'both';
	if (video && task.generated_video_url) {
		wanted.push({
			url: task.generated_video_url,
			property: settings.binaryProperty,
			fileName: `${task.id}.mp4`,
			mimeType: 'video/mp4',
		});
	}
	if (image && task.generated_photo_url) {
		const property =
			settings.files === 'both' ? `${settings.binaryProperty}_preview` : settings.binaryProperty;
		wanted.push({
			url: task.generated_photo_url,
			property,
			fileName: `${task.id}-preview.png`,
			mimeType: 'image/png',
		});
	}
	return wanted;
}

/** Downloads the wanted files of a finished task; the error names the task and the URL. */
export async function downloadFiles(
	ctx: IExecuteFunctions | IWebhookFunctions,
	task: CreatifyTask,
	settings: DownloadSettings,
): Promise<IBinaryKeyData | undefined> {
	if (settings.files === 'none') return undefined;
	const binary: IBinaryKeyData = {};
	for (const file of wantedFiles(task, settings)) {
		let response: { body: BinarySource; headers: Record<string, string | undefined> };
		try {
			response = (await ctx.helpers.httpRequest({
				method: 'GET',
				url: file.url,
				encoding: 'stream',
				returnFullResponse: true,
				timeout: 10 * 60_000,
			})) as typeof response;
		} catch (error) {
			throw new NodeOperationError(
				ctx.getNode(),
				`Task ${task.id} finished, but its file could not be downloaded from ${file.url}: ${(error as Error).message}`,
			);
		}
		const mimeType = (response.headers['content-type'] ?? file.mimeType).split(';')[0];
		binary[file.property] = await ctx.helpers.prepareBinaryData(
			response.body,
			file.fileName,
			mimeType,
		);
	}
	return Object.keys(binary).length ? binary : undefined;
}
