/**
 * A media input (Aurora's image and audio, a custom avatar's video): a URL Creatify fetches, or a file from an
 * earlier node sent in the request. Creatify's reference types both as file URLs and lists multipart among the request's encodings
 * (https://docs.creatify.ai/api-reference/aurora/post-aurora); a file from n8n goes as a multipart part of the
 * same name.
 */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { AUDIO_EXTENSIONS, IMAGE_EXTENSIONS } from '../../shared/families/aurora';
import { choiceProblem, httpUrlProblem } from '../../shared/helpers/validation';
import type { UploadFile } from '../../shared/transport';
import type { FileKind } from './binaryUpload';
import { binaryUpload } from './binaryUpload';
import { invalidInput } from './common';

export interface MediaInput extends FileKind {
	/** the prefix of the node parameters (and Aurora's request field) */
	field: string;
	title: string;
	defaultProperty: string;
	example: string;
	/** what the Binary File source does */
	binaryDescription: string;
}

const AURORA_BINARY =
	"A file an earlier node attached to the item. Creatify's pages document URLs only, so the file may be refused: then nothing is charged, and a URL works instead.";

export const IMAGE_INPUT: MediaInput = {
	field: 'image',
	title: 'Image',
	noun: 'image',
	mimeTypes: ['image/png', 'image/jpeg', 'image/jpg', 'image/webp'],
	extensions: IMAGE_EXTENSIONS,
	defaultProperty: 'data',
	example: 'https://example.com/presenter.png',
	binaryDescription: AURORA_BINARY,
};

export const AUDIO_INPUT: MediaInput = {
	field: 'audio',
	title: 'Audio',
	noun: 'audio',
	mimeTypes: ['audio/mpeg', 'audio/mp3', 'audio/wav', 'audio/x-wav', 'audio/wave'],
	extensions: AUDIO_EXTENSIONS,
	defaultProperty: 'audio',
	example: 'https://example.com/voice-over.mp3',
	binaryDescription: AURORA_BINARY,
};

export function mediaProperties(input: MediaInput): INodeProperties[] {
	const source = `${input.field}Source`;
	const formats = input.extensions.join(', ');
	const defaultProperty = input.defaultProperty;
	return [
		{
			displayName: `${input.title} Source`,
			name: source,
			type: 'options',
			options: [
				{ name: 'URL', value: 'url', description: `A public link to the ${input.noun}` },
				{
					name: 'Binary File',
					value: 'binary',
					description: input.binaryDescription,
				},
			],
			default: 'url',
			description: `Where the ${input.noun} comes from (${formats})`,
		},
		{
			displayName: `${input.title} URL`,
			name: `${input.field}Url`,
			type: 'string',
			default: '',
			required: true,
			placeholder: `e.g. ${input.example}`,
			description: `A public http(s) link to the ${input.noun} (${formats}) that Creatify can download`,
			displayOptions: { show: { [source]: ['url'] } },
		},
		{
			displayName: `${input.title} Field`,
			name: `${input.field}BinaryProperty`,
			type: 'string',
			default: defaultProperty,
			required: true,
			description: `The item's binary field holding the ${input.noun} (${formats}); it is streamed to Creatify`,
			displayOptions: { show: { [source]: ['binary'] } },
		},
	];
}

/** The input as a URL for the body, or as a file for the multipart request. */
export async function readMedia(
	ctx: IExecuteFunctions,
	itemIndex: number,
	input: MediaInput,
): Promise<{ url?: string; file?: UploadFile }> {
	const source = ctx.getNodeParameter(`${input.field}Source`, itemIndex, 'url');
	const problem = choiceProblem(`${input.title} Source`, source, ['url', 'binary']);
	if (problem) invalidInput(ctx, itemIndex, problem);
	if (source === 'binary') {
		const property = String(
			ctx.getNodeParameter(`${input.field}BinaryProperty`, itemIndex, input.defaultProperty),
		).trim();
		return { file: await binaryUpload(ctx, itemIndex, property, input) };
	}
	const url = String(ctx.getNodeParameter(`${input.field}Url`, itemIndex, '') ?? '').trim();
	if (url === '') invalidInput(ctx, itemIndex, `${input.title} URL is empty`);
	const urlProblem = httpUrlProblem(`${input.title} URL`, url);
	if (urlProblem) invalidInput(ctx, itemIndex, urlProblem);
	return { url };
}
