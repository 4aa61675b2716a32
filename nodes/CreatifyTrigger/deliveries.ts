/**
 * The trigger's memory of the deliveries it emitted, so that a repeat of a callback starts nothing (Creatify may
 * deliver twice, minutes or days apart).
 */

/** How many deliveries the trigger remembers to spot repeats (oldest forgotten first). */
export const REMEMBERED_DELIVERIES = 1000;

/** job id + event → when it was first delivered (ms). A plain object, so that n8n can keep it in static data. */
export type DeliveryLog = Record<string, number>;

/**
 * One process's record of the deliveries a trigger node emitted, kept in step with the copies of the node's
 * static data that webhook requests work on. n8n loads a copy of static data when a request arrives and saves
 * that copy whole when the request is done, so requests in flight together overwrite each other's records
 * (the last save wins), in one process or across several. Each copy a request loads is merged with the book
 * (learning what other processes saved, restoring what an overwrite dropped), and each new record goes into
 * every copy still open, so that whichever copy this process saves last holds all of them.
 */
export class DeliveryBook {
	private readonly known = new Map<string, number>();
	private open: Array<{ log: DeliveryLog; at: number }> = [];

	constructor(
		private readonly limit = REMEMBERED_DELIVERIES,
		/** how long a loaded copy may still be saved by n8n */
		private readonly openMs = 60_000,
		private readonly maxOpen = 200,
	) {}

	/** Merges a copy of the log just loaded from static data and keeps it open for new records. */
	attach(log: DeliveryLog, now: number): void {
		for (const [key, at] of Object.entries(log)) if (!this.known.has(key)) this.known.set(key, at);
		trim(this.known, this.limit);
		for (const [key, at] of this.known) if (log[key] === undefined) log[key] = at;
		trimLog(log, this.limit);
		this.open = this.open.filter((copy) => now - copy.at < this.openMs).slice(-(this.maxOpen - 1));
		this.open.push({ log, at: now });
	}

	has(key: string): boolean {
		return this.known.has(key);
	}

	/** Records `key` as delivered at `now`; false when it was delivered already. */
	record(key: string, now: number): boolean {
		if (this.known.has(key)) return false;
		this.known.set(key, now);
		trim(this.known, this.limit);
		for (const { log } of this.open) {
			log[key] = now;
			trimLog(log, this.limit);
		}
		return true;
	}

	/** Forgets `key` (a delivery whose execution did not start), here and in every copy still open. */
	forget(key: string): void {
		this.known.delete(key);
		for (const { log } of this.open) delete log[key];
	}
}

/**
 * The keys to forget so that only the newest `limit` entries stay (merged entries may be older than ones already
 * held). Nothing until there are a tenth more, so that a full log is sorted once per many records, not on each.
 */
function oldestBeyond(entries: Array<[string, number]>, limit: number): string[] {
	if (entries.length <= limit + Math.ceil(limit / 10)) return [];
	return entries
		.sort((a, b) => a[1] - b[1])
		.slice(0, entries.length - limit)
		.map(([key]) => key);
}

function trim(entries: Map<string, number>, limit: number): void {
	for (const key of oldestBeyond([...entries], limit)) entries.delete(key);
}

function trimLog(log: DeliveryLog, limit: number): void {
	for (const key of oldestBeyond(Object.entries(log), limit)) delete log[key];
}
