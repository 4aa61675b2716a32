/**
 * An example workflow as a user imports it, made runnable here by local stand-ins for what lies outside the
 * machine, put in by the test and never written into the example:
 * - its credentials: the simulator for Creatify, the local mail server for SMTP, a header token;
 * - a manual or schedule start: a Webhook at a path the test posts to;
 * - a Google Sheets node that reads rows: n8n's Read/Write Files from Disk reading an XLSX the test writes,
 *   then Extract From File, which keeps the Sheets node's name (so `$('Product Rows')` still reads the rows);
 * - a Gmail node: n8n's Send Email node of the same name, to the local mail server;
 * - a Google Drive upload: Read/Write Files from Disk writing the file into the test's folder;
 * - a file path under /home/node/.n8n-files/ (n8n's default file folder in Docker): the same name in the
 *   test's folder.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import * as XLSX from '@e965/xlsx';

export type ExampleNode = {
	id?: string;
	name: string;
	type: string;
	typeVersion?: number;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
} & Record<string, unknown>;

type Connection = { node: string; type: string; index: number };
export interface Example {
	name: string;
	nodes: ExampleNode[];
	connections: Record<string, { main: Connection[][] }>;
	[field: string]: unknown;
}

export interface StandIns {
	/** credential type → the ID of the test's credential */
	credentials: Record<string, string>;
	/** where sheets are read from and files written to (n8n may touch only this folder) */
	folder: string;
	/** the webhook path that starts an example started by hand or on a schedule; none: starts are kept */
	startPath?: string;
}

/** The folder of n8n's Docker image the examples read from and write to. */
const USER_FILES = '/home/node/.n8n-files/';

export function loadExample(file: string): Example {
	return JSON.parse(readFileSync(join(__dirname, '..', '..', 'examples', file), 'utf8')) as Example;
}

/** The XLSX a Google Sheets node named `sheet` reads in the test. */
export const sheetFile = (folder: string, sheet: string) =>
	join(folder, `${sheet.toLowerCase().replace(/\W+/g, '-')}.xlsx`);

/** Writes rows as the first sheet of an XLSX file, the header row from the first row's keys. */
export function writeSheet(path: string, rows: object[]): void {
	const book = XLSX.utils.book_new();
	XLSX.utils.book_append_sheet(book, XLSX.utils.json_to_sheet(rows), 'Sheet1');
	XLSX.writeFile(book, path);
}

/** The rows of an XLSX file's first sheet. */
export function readSheet(path: string): Array<Record<string, unknown>> {
	const book = XLSX.read(readFileSync(path));
	return XLSX.utils.sheet_to_json(book.Sheets[book.SheetNames[0]]);
}

const credentialKind = (node: ExampleNode): string | undefined => {
	if (node.type.startsWith('n8n-nodes-creatify.')) return 'creatifyApi';
	if (node.type === 'n8n-nodes-base.emailSend') return 'smtp';
	if (node.parameters.authentication === 'headerAuth') return 'httpHeaderAuth';
	return undefined;
};

/** A start by hand or on a schedule becomes a Webhook at `path`. */
function asWebhookStart(node: ExampleNode, path: string): void {
	Object.assign(node, {
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		webhookId: randomUUID(),
		parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
	});
}

/** A Gmail message becomes the same message from the Send Email node, to the local mail server. */
function asSmtpMessage(node: ExampleNode): void {
	const { sendTo, subject, message, emailType } = node.parameters;
	Object.assign(node, {
		type: 'n8n-nodes-base.emailSend',
		typeVersion: 2.1,
		parameters: {
			fromEmail: 'n8n@example.com',
			toEmail: sendTo,
			subject,
			emailFormat: emailType === 'html' ? 'html' : 'text',
			[emailType === 'html' ? 'html' : 'text']: message,
			options: {},
		},
	});
}

/** A Google Drive upload becomes a file written into `folder`/uploads under the same name. */
function asFileUpload(node: ExampleNode, folder: string): void {
	const name = String(node.parameters.name ?? 'upload');
	const uploads = join(folder, 'uploads');
	mkdirSync(uploads, { recursive: true });
	const fileName = name.startsWith('=') ? `=${uploads}/${name.slice(1)}` : join(uploads, name);
	Object.assign(node, {
		type: 'n8n-nodes-base.readWriteFile',
		typeVersion: 1.1,
		parameters: {
			operation: 'write',
			fileName,
			dataPropertyName: node.parameters.inputDataFieldName ?? 'data',
			options: {},
		},
	});
}

/**
 * A Google Sheets read becomes a file read (a new node, which the Sheets node's inputs now reach) and Extract
 * From File under the Sheets node's name.
 */
function asSheetFile(example: Example, node: ExampleNode, folder: string): void {
	const reader: ExampleNode = {
		id: randomUUID(),
		name: `${node.name} (file)`,
		type: 'n8n-nodes-base.readWriteFile',
		typeVersion: 1.1,
		position: node.position,
		parameters: { operation: 'read', fileSelector: sheetFile(folder, node.name), options: {} },
	};
	for (const outputs of Object.values(example.connections))
		for (const output of outputs.main)
			for (const link of output) if (link.node === node.name) link.node = reader.name;
	example.connections[reader.name] = { main: [[{ node: node.name, type: 'main', index: 0 }]] };
	example.nodes.push(reader);
	Object.assign(node, {
		type: 'n8n-nodes-base.extractFromFile',
		typeVersion: 1.1,
		parameters: { operation: 'xlsx', options: {} },
	});
}

/** Paths under n8n's default file folder point into the test's folder. */
function withFolder(node: ExampleNode, folder: string): void {
	for (const key of ['fileSelector', 'fileName']) {
		const value = node.parameters[key];
		if (typeof value === 'string') node.parameters[key] = value.replace(USER_FILES, `${folder}/`);
	}
}

/** The example with the test's stand-ins put in (see the top of this file). */
export function withStandIns(example: Example, standIns: StandIns): Example {
	for (const node of [...example.nodes]) {
		const isStart = ['n8n-nodes-base.manualTrigger', 'n8n-nodes-base.scheduleTrigger'];
		if (isStart.includes(node.type)) {
			if (standIns.startPath) asWebhookStart(node, standIns.startPath);
		} else if (node.type === 'n8n-nodes-base.googleSheets')
			asSheetFile(example, node, standIns.folder);
		else if (node.type === 'n8n-nodes-base.gmail') asSmtpMessage(node);
		else if (node.type === 'n8n-nodes-base.googleDrive') asFileUpload(node, standIns.folder);
		else if (node.type === 'n8n-nodes-base.readWriteFile') withFolder(node, standIns.folder);
	}
	for (const node of example.nodes) {
		const kind = credentialKind(node);
		const id = kind ? standIns.credentials[kind] : undefined;
		if (kind && id) node.credentials = { [kind]: { id, name: kind } };
	}
	delete example.id;
	return example;
}
