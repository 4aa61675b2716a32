/**
 * "Download Result": attaches a finished job's files as n8n binary data. A file is streamed from Creatify's URL
 * into n8n's binary data store (to disk in n8n's filesystem mode), never held whole in memory. The generated
 * URLs are public links: they are fetched without the Creatify credential.
 */
import type {
	IBinaryKeyData,
	IDataObject,
	IExecuteFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { JobFamily, ResultFile } from '../../shared/families/types';
import type { CreatifyJob } from '../../shared/helpers/schemas';
import { choiceProblem } from '../../shared/helpers/validation';
import { invalidInput } from './items';

/** 'none', the value of one of the family's files, or 'all' */
export interface DownloadSettings extends IDataObject {
	files: string;
	binaryProperty: string;
	/**
	 * Of a list that can be picked from: only its files with one of these names (lower case); empty or absent
	 * (a waiting execution stored before this setting existed): all.
	 */
	only?: string[];
}

/** An item's download choice (per item: it may come from the item's own data), checked before sending. */
export function readDownloadSettings(
	ctx: IExecuteFunctions,
	family: JobFamily,
	itemIndex: number,
): DownloadSettings {
	const files = ctx.getNodeParameter('options.download', itemIndex, 'none') || 'none';
	const choices = ['none', ...family.files.map((file) => file.value), 'all'];
	const problem = choiceProblem('Download Result', files, choices);
	if (problem) invalidInput(ctx, itemIndex, problem);
	const field = String(ctx.getNodeParameter('options.binaryProperty', itemIndex, 'data') ?? '');
	const only = family.files.some((file) => file.pick)
		? String(ctx.getNodeParameter('options.downloadOnly', itemIndex, '') ?? '')
				.split(/[,\n]/)
				.map((name) => name.trim().toLowerCase())
				.filter(Boolean)
		: [];
	return { files: files as string, binaryProperty: field.trim() || 'data', only };
}

interface Wanted {
	file: ResultFile;
	url: string;
	property: string;
	fileName: string;
}

/** The URLs of a list field, only those with one of the names asked for when the list can be picked from. */
function listedUrls(file: ResultFile, job: CreatifyJob, only: string[] = []): string[] {
	const urls = file.urls!(job);
	if (!file.pick || only.length === 0) return urls;
	const names = file.pick.names(job);
	return urls.filter((_, k) => (names[k] ?? []).some((name) => only.includes(name.toLowerCase())));
}

/** The file's name suffix, with the URL's own extension when it names another (a transparent WebM video). */
function suffixFor(file: ResultFile, url: string): string {
	const extension = /\.([a-z0-9]{2,5})(?:\?|$)/i.exec(url)?.[1]?.toLowerCase();
	if (!extension) return file.fileNameSuffix;
	return file.fileNameSuffix.replace(/\.[a-z0-9]+$/i, `.${extension}`);
}

/** The files of a list field: the URLs, each to its own binary field and file name. */
function listedFiles(
	file: ResultFile,
	job: CreatifyJob,
	property: string,
	urls: string[],
): Wanted[] {
	return urls.map((url, k) => {
		const extension = /\.([a-z0-9]{2,5})(?:\?|$)/i.exec(url)?.[1]?.toLowerCase();
		return {
			file,
			url,
			property: k === 0 ? property : `${property}_${k}`,
			fileName: `${job.id}-${k + 1}${extension ? `.${extension}` : file.fileNameSuffix}`,
		};
	});
}

function wantedFiles(family: JobFamily, job: CreatifyJob, settings: DownloadSettings): Wanted[] {
	const chosen = family.files.filter((f) => settings.files === 'all' || settings.files === f.value);
	const property = (file: ResultFile) =>
		chosen.length > 1 ? `${settings.binaryProperty}${file.binarySuffix}` : settings.binaryProperty;
	return chosen.flatMap((file) => {
		if (file.urls)
			return listedFiles(file, job, property(file), listedUrls(file, job, settings.only));
		const url = job[file.field];
		if (typeof url !== 'string' || url === '') return [];
		const fileName = `${job.id}${suffixFor(file, url)}`;
		return [{ file, url, property: property(file), fileName }];
	});
}

/** A finished job none of whose listed files has a name asked for. */
function noneNamed(
	ctx: IExecuteFunctions | IWebhookFunctions,
	family: JobFamily,
	file: ResultFile,
	job: CreatifyJob,
	only: string[],
) {
	const has = file
		.pick!.names(job)
		.map((names) => names.join(' / '))
		.join(', ');
	return new NodeOperationError(
		ctx.getNode(),
		`${family.noun} ${job.id} finished, but none of its files is named ${only.join(', ')} (${file.pick!.displayName}); it has ${has || 'none'}`,
		{
			description: `The job is paid for and kept: fetch it with Get, or correct ${file.pick!.displayName}.`,
		},
	);
}

/** A response body stream, as prepareBinaryData takes it. */
type BinarySource = Parameters<IExecuteFunctions['helpers']['prepareBinaryData']>[0];

async function fetchStream(ctx: IExecuteFunctions | IWebhookFunctions, url: string) {
	return (await ctx.helpers.httpRequest({
		method: 'GET',
		url,
		encoding: 'stream',
		returnFullResponse: true,
		timeout: 10 * 60_000,
	})) as { body: BinarySource; headers: Record<string, string | undefined> };
}

/** Downloads the wanted files of a finished job; the error names the job and the URL. */
export async function downloadFiles(
	ctx: IExecuteFunctions | IWebhookFunctions,
	family: JobFamily,
	job: CreatifyJob,
	settings: DownloadSettings,
): Promise<IBinaryKeyData | undefined> {
	const binary: IBinaryKeyData = {};
	const wanted = wantedFiles(family, job, settings);
	const listsFiles = family.files.some((f) => f.urls && [f.value, 'all'].includes(settings.files));
	if (listsFiles && wanted.length === 0) {
		// a list that names nothing would otherwise end the item silently without the files asked for
		const only = settings.only ?? [];
		const picked = family.files.find((f) => f.pick && only.length > 0);
		if (picked) throw noneNamed(ctx, family, picked, job, only);
		const output = JSON.stringify(job.output ?? null).slice(0, 300);
		throw new NodeOperationError(
			ctx.getNode(),
			`${family.noun} ${job.id} finished, but its output names no file to download (output: ${output})`,
		);
	}
	for (const { file, url, property, fileName } of wanted) {
		let response: Awaited<ReturnType<typeof fetchStream>>;
		try {
			response = await fetchStream(ctx, url);
		} catch (error) {
			throw new NodeOperationError(
				ctx.getNode(),
				`${family.noun} ${job.id} finished, but its file could not be downloaded from ${url}: ${(error as Error).message}`,
			);
		}
		const mimeType = (response.headers['content-type'] ?? file.mimeType).split(';')[0];
		binary[property] = await ctx.helpers.prepareBinaryData(response.body, fileName, mimeType);
	}
	return Object.keys(binary).length ? binary : undefined;
}
