/**
 * A media input (Aurora's image and audio, a custom avatar's video): a URL Creatify fetches, or a file from an
 * earlier node sent in the request as a multipart part.
 */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

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
