/**
 * Reads a multipart/form-data request as it arrives, keeping the text fields and, of each file, only its name,
 * type, length and first bytes: an upload of any size passes through in constant memory.
 */
import type { IncomingMessage } from 'node:http';

export interface ReceivedFile {
	fileName: string;
	type: string;
	size: number;
	/** the first bytes, to tell formats apart */
	head: string;
}

/** Text fields (a name sent several times: a list, as Django reads a list field), and files. */
export type MultipartBody = Record<string, string | string[] | ReceivedFile>;

const HEAD_BYTES = 16;

interface Part {
	name: string;
	fileName?: string;
	type: string;
	size: number;
	chunks: Buffer[];
}

function partOf(headers: string): Part {
	const disposition = /content-disposition:[^\r\n]*/i.exec(headers)?.[0] ?? '';
	return {
		name: /\bname="([^"]*)"/.exec(disposition)?.[1] ?? '',
		fileName: /\bfilename="([^"]*)"/.exec(disposition)?.[1],
		type: /content-type:\s*([^\r\n;]*)/i.exec(headers)?.[1] ?? 'text/plain',
		size: 0,
		chunks: [],
	};
}

function addContent(part: Part, bytes: Buffer) {
	part.size += bytes.length;
	const kept = part.chunks.reduce((sum, c) => sum + c.length, 0);
	if (part.fileName === undefined) part.chunks.push(bytes);
	else if (kept < HEAD_BYTES) part.chunks.push(bytes.subarray(0, HEAD_BYTES - kept));
}

function finish(part: Part, body: MultipartBody) {
	const bytes = Buffer.concat(part.chunks);
	const before = body[part.name];
	if (part.fileName === undefined && before !== undefined && typeof before !== 'object') {
		body[part.name] = [before, bytes.toString('utf8')];
		return;
	}
	if (part.fileName === undefined && Array.isArray(before)) {
		body[part.name] = [...before, bytes.toString('utf8')];
		return;
	}
	body[part.name] =
		part.fileName === undefined
			? bytes.toString('utf8')
			: {
					fileName: part.fileName,
					type: part.type,
					size: part.size,
					head: bytes.toString('latin1'),
				};
}

export function isMultipart(req: IncomingMessage): boolean {
	return /^multipart\/form-data/i.test(req.headers['content-type'] ?? '');
}

export async function readMultipart(req: IncomingMessage): Promise<MultipartBody> {
	const boundary = /boundary=("?)([^";]+)\1/i.exec(req.headers['content-type'] ?? '')?.[2] ?? '';
	const delimiter = Buffer.from(`\r\n--${boundary}`);
	const body: MultipartBody = {};
	// the body starts with "--boundary": read it as if a line break came first
	let pending = Buffer.from('\r\n');
	let part: Part | undefined;
	let state: 'boundary' | 'headers' | 'content' | 'end' = 'boundary';
	for await (const chunk of req) {
		pending = Buffer.concat([pending, chunk as Buffer]);
		for (;;) {
			if (state === 'boundary') {
				const at = pending.indexOf(delimiter);
				if (at < 0 || pending.length < at + delimiter.length + 2) break;
				const after = pending.subarray(at + delimiter.length, at + delimiter.length + 2).toString();
				pending = pending.subarray(at + delimiter.length + 2);
				state = after === '--' ? 'end' : 'headers';
			} else if (state === 'headers') {
				const at = pending.indexOf('\r\n\r\n');
				if (at < 0) break;
				part = partOf(pending.subarray(0, at).toString('utf8'));
				pending = pending.subarray(at + 4);
				state = 'content';
			} else if (state === 'content' && part) {
				const at = pending.indexOf(delimiter);
				const end = at < 0 ? Math.max(0, pending.length - delimiter.length) : at;
				addContent(part, pending.subarray(0, end));
				pending = pending.subarray(end);
				if (at < 0) break;
				finish(part, body);
				state = 'boundary';
			} else break;
		}
	}
	return body;
}
