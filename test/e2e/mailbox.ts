/**
 * A real SMTP server on 127.0.0.1 standing in for the mail server of the example workflows: n8n's Send Email
 * node delivers to it, and the checks read what arrived (parsed with mailparser).
 */
import type { AddressInfo } from 'node:net';

import type { ParsedMail } from 'mailparser';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

import { until } from './helpers';

export class Mailbox {
	readonly mails: ParsedMail[] = [];
	private readonly server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onAuth: (_auth, _session, callback) => callback(null, { user: 'n8n' }),
		onData: (stream, _session, callback) => {
			simpleParser(stream).then(
				(mail) => {
					this.mails.push(mail);
					callback();
				},
				(error: Error) => callback(error),
			);
		},
	});
	port = 0;

	async start(): Promise<void> {
		await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
		this.port = (this.server.server.address() as AddressInfo).port;
	}

	async stop(): Promise<void> {
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}

	/** The SMTP credential data n8n's Send Email node needs to deliver here. */
	credentialData(): Record<string, unknown> {
		return {
			user: 'n8n',
			password: 'local',
			host: '127.0.0.1',
			port: this.port,
			secure: false,
			disableStartTls: true,
		};
	}

	/** Waits for the first mail whose subject matches. */
	async received(subject: RegExp, timeoutMs = 30_000): Promise<ParsedMail> {
		return await until(
			`a mail with the subject ${String(subject)}`,
			async () => this.mails.find((mail) => subject.test(mail.subject ?? '')),
			timeoutMs,
		);
	}
}
