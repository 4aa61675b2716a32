/**
 * Files an earlier node put on an item (n8n binary data), made ready for upload. A file n8n keeps in its binary
 * data store (filesystem, S3, database) is streamed from there; only a file already held in the item's memory is
 * read as a buffer.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import type { UploadFile } from '../../shared/transport';
import { invalidInput } from './common';

/** What a part accepts: MIME types, or file extensions when the MIME type is generic. */
export interface FileKind {
	/** how messages name the file, e.g. 'image' */
	noun: string;
	mimeTypes: readonly string[];
	extensions: readonly string[];
}

function extensionOf(fileName: string | undefined, fileExtension: string | undefined): string {
	const fromName = /\.([a-z0-9]+)$/i.exec(fileName ?? '')?.[1];
	return (fileExtension ?? fromName ?? '').toLowerCase();
}

/** The binary field `property` of the item, checked against `kind`, as an upload. */
export async function binaryUpload(
	ctx: IExecuteFunctions,
	itemIndex: number,
	property: string,
	kind: FileKind,
): Promise<UploadFile> {
	const binary = ctx.getInputData()[itemIndex]?.binary ?? {};
	const file = binary[property];
	if (!file) {
		const present = Object.keys(binary);
		invalidInput(
			ctx,
			itemIndex,
			`The item has no binary field "${property}" for the ${kind.noun}`,
			present.length
				? `Its binary fields are: ${present.join(', ')}. Put the right name in the ${kind.noun}'s field parameter.`
				: `The item carries no files. Download the ${kind.noun} in an earlier node (e.g. HTTP Request with Response Format File), or give its URL instead.`,
		);
	}
	const extension = extensionOf(file.fileName, file.fileExtension);
	if (!kind.mimeTypes.includes(file.mimeType) && !kind.extensions.includes(extension)) {
		invalidInput(
			ctx,
			itemIndex,
			`The ${kind.noun} in binary field "${property}" is ${file.mimeType}${extension ? ` (.${extension})` : ''}; Creatify takes ${kind.extensions.join(', ')} files`,
		);
	}
	const fileName = file.fileName ?? `${kind.noun}.${kind.extensions[0]}`;
	const upload = { fileName, mimeType: file.mimeType };
	if (!file.id) {
		// held in the item as base64: decoded only when sent
		const size = Buffer.byteLength(file.data, 'base64');
		const open = async () => await ctx.helpers.getBinaryDataBuffer(itemIndex, property);
		return { ...upload, size, open };
	}
	const id = file.id;
	let size: number;
	try {
		size = (await ctx.helpers.getBinaryMetadata(id)).fileSize;
	} catch (error) {
		invalidInput(
			ctx,
			itemIndex,
			`The ${kind.noun} in binary field "${property}" could not be read from n8n's binary data store: ${(error as Error).message}`,
			'Run the node that made the file again (files of old executions may have been pruned).',
		);
	}
	return { ...upload, size, open: async () => await ctx.helpers.getBinaryStream(id) };
}
