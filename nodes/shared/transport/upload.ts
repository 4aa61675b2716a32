/**
 * Multipart requests that carry files. A file is streamed into the request from its source (n8n's binary data
 * store), never held whole in memory, and read anew for each attempt of the request.
 */
import type { IDataObject } from 'n8n-workflow';

/** A file sent as one part of a multipart request. */
export interface UploadFile {
	fileName: string;
	mimeType: string;
	/** the exact length in bytes, sent ahead as the part's length */
	size: number;
	/** the file's bytes, from the start, each time it is called */
	open: () => Promise<AsyncIterable<Uint8Array> | Uint8Array>;
}

/**
 * A File whose bytes come from `open()` only when the request is written. FormData keeps a File given without a
 * separate file name as it is (anything else it copies into a new File, reading it whole), and the HTTP client
 * reads its `size` and `stream()`.
 */
class StreamedFile extends File {
	readonly #upload: UploadFile;

	constructor(upload: UploadFile) {
		super([], upload.fileName, { type: upload.mimeType });
		this.#upload = upload;
		// the File was made empty: its size is the source's
		Object.defineProperty(this, 'size', { value: upload.size });
	}

	/** Read whole only if a client asks for the bytes at once; the HTTP client streams. */
	async arrayBuffer(): Promise<ArrayBuffer> {
		const chunks: Uint8Array[] = [];
		for await (const chunk of this.stream() as unknown as AsyncIterable<Uint8Array>)
			chunks.push(chunk);
		const whole = new Uint8Array(chunks.reduce((sum, c) => sum + c.length, 0));
		let at = 0;
		for (const chunk of chunks) {
			whole.set(chunk, at);
			at += chunk.length;
		}
		return whole.buffer;
	}

	async text(): Promise<string> {
		return new TextDecoder().decode(await this.arrayBuffer());
	}

	slice(): Blob {
		throw new Error('A file streamed from n8n cannot be sliced');
	}

	stream(): ReturnType<File['stream']> {
		const upload = this.#upload;
		return (async function* () {
			const source = await upload.open();
			if (source instanceof Uint8Array) yield source;
			else yield* source;
		})() as unknown as ReturnType<File['stream']>;
	}
}

const isScalar = (value: unknown) => ['string', 'number', 'boolean'].includes(typeof value);

/**
 * A multipart body: the fields as text, then the files. A list of texts is one part per entry, as a form sends
 * a multiple choice (Django reads a list field so); other objects go as JSON.
 */
export function multipartBody(fields: IDataObject, files: Record<string, UploadFile>): FormData {
	const form = new FormData();
	for (const [name, value] of Object.entries(fields)) {
		if (value === undefined || value === null) continue;
		if (Array.isArray(value) && value.every(isScalar))
			value.forEach((entry) => form.append(name, String(entry)));
		else form.append(name, typeof value === 'object' ? JSON.stringify(value) : String(value));
	}
	for (const [name, file] of Object.entries(files)) {
		form.append(name, new StreamedFile(file));
	}
	return form;
}
