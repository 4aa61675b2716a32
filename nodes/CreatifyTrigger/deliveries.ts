/**
 * The trigger's memory of the deliveries it emitted, so that a repeat of a callback starts nothing (Creatify may
 * deliver twice, minutes or days apart).
 */

/** How many deliveries the trigger remembers to spot repeats (oldest forgotten first). */
export const REMEMBERED_DELIVERIES = 1000;

/** job id + event → when it was first delivered (ms). A plain object, so that n8n can keep it in static data. */
export type DeliveryLog = Record<string, number>;

/** A copy of the log that a request in flight loaded; `size` counts its entries without walking them. */
export interface OpenCopy {
	log: DeliveryLog;
	at: number;
	size: number;
	/** whether it will be saved (changed): n8n saves only a changed copy, so only those are written to */
	saved: boolean;
	/** the deliveries its request recorded */
	recorded: string[];
}

/**
 * One process's record of the deliveries a trigger node emitted, kept in step with the copies of the node's
 * static data that webhook requests work on. n8n loads a copy of static data when a request arrives and saves
 * that copy whole, if it was changed, when the request is answered; so requests in flight together overwrite
 * each other's records (the last save wins), in one process or across several. The book learns from each copy
 * loaded (what other processes saved). A copy gets every record the book holds when its request records a
 * delivery, or when it lacks a record whose request has been answered (another process's save dropped it): it is
 * then saved, restoring the record. Each new record goes into every copy that will be saved, so that whichever
 * copy this process saves last holds all of them. A request that records nothing and finds nothing missing
 * leaves its copy untouched, and n8n does not save it.
 *
 * Rule that must not regress: recording costs the same whatever the log's size. n8n hands the copies over as
 * proxies whose every read is a function call, so walking each open copy on each record made the trigger's
 * intake fall with the number of requests in flight; a copy is walked when it is loaded, once when its request
 * records, and again only when it has to be trimmed.
 */
export class DeliveryBook {
	private readonly known = new Map<string, number>();
	/** deliveries forgotten because their execution did not start: kept out of the copies this process saves */
	private readonly forgotten = new Set<string>();
	/** deliveries recorded by requests not answered yet: their own save is still to come */
	private readonly pending = new Set<string>();
	private open: OpenCopy[] = [];

	constructor(
		private readonly limit = REMEMBERED_DELIVERIES,
		/** how long a loaded copy may still be saved by n8n, if its request is never reported done */
		private readonly openMs = 60_000,
		private readonly maxOpen = 200,
	) {}

	/**
	 * Learns from a copy of the log just loaded from static data, restores into it what another process's save
	 * dropped, and keeps it open until `close`.
	 */
	attach(log: DeliveryLog, now: number): OpenCopy {
		const entries = Object.entries(log);
		let oldest = Infinity;
		for (const [key, at] of entries) {
			oldest = Math.min(oldest, at);
			if (!this.known.has(key) && !this.forgotten.has(key)) this.known.set(key, at);
		}
		trim(this.known, this.limit);
		const copy: OpenCopy = { log, at: now, size: entries.length, saved: false, recorded: [] };
		for (const stale of this.open.filter((open) => now - open.at >= this.openMs)) this.close(stale);
		for (const extra of this.open.slice(0, -(this.maxOpen - 1))) this.close(extra);
		this.open.push(copy);
		// a full log was trimmed by whoever saved it: only records newer than its oldest can be missing from it
		if (this.dropped(log, entries.length >= this.limit ? oldest : -Infinity)) this.fill(copy);
		return copy;
	}

	/** The copy's request was answered: n8n has saved the copy (or not), and later records need not reach it. */
	close(copy: OpenCopy): void {
		this.open = this.open.filter((open) => open !== copy);
		for (const key of copy.recorded) this.pending.delete(key);
	}

	has(key: string): boolean {
		return this.known.has(key);
	}

	/** Records `key` as delivered at `now` by the request that loaded `own`; false when it was delivered already. */
	record(key: string, now: number, own: OpenCopy): boolean {
		if (this.known.has(key)) return false;
		this.known.set(key, now);
		this.forgotten.delete(key);
		this.pending.add(key);
		own.recorded.push(key);
		trim(this.known, this.limit);
		if (!own.saved) this.fill(own);
		for (const copy of this.open) if (copy.saved) write(copy, key, now, this.limit);
		return true;
	}

	/** Forgets `key` (a delivery whose execution did not start), here and in every copy still to be saved. */
	forget(key: string): void {
		this.known.delete(key);
		this.pending.delete(key);
		this.forgotten.add(key);
		trimSet(this.forgotten, this.limit);
		for (const copy of this.open) if (copy.saved) erase(copy, key);
	}

	/** Whether the log lacks a record newer than `floor` whose own request has been answered. */
	private dropped(log: DeliveryLog, floor: number): boolean {
		for (const [key, at] of this.known) {
			if (at > floor && !this.pending.has(key) && log[key] === undefined) return true;
		}
		return false;
	}

	/** Puts every record the book holds into a copy that is going to be saved, and takes forgotten ones out. */
	private fill(copy: OpenCopy): void {
		copy.saved = true;
		for (const [key, at] of this.known) write(copy, key, at, Infinity);
		for (const key of this.forgotten) erase(copy, key);
		copy.size = trimLog(copy.log, copy.size, this.limit);
	}
}

function write(copy: OpenCopy, key: string, at: number, limit: number): void {
	if (copy.log[key] !== undefined) return;
	copy.log[key] = at;
	copy.size = trimLog(copy.log, copy.size + 1, limit);
}

function erase(copy: OpenCopy, key: string): void {
	if (copy.log[key] === undefined) return;
	delete copy.log[key];
	copy.size--;
}

function trimSet(keys: Set<string>, limit: number): void {
	for (const key of keys) {
		if (keys.size <= limit) return;
		keys.delete(key);
	}
}

/**
 * Whether `size` entries are enough to trim down to `limit`: only at a tenth more, so that a full log is sorted
 * once per many records, not on each.
 */
const overLimit = (size: number, limit: number) => size > limit + Math.ceil(limit / 10);

/** The keys to forget so that only the newest `limit` entries stay (merged entries may be older than others). */
function oldestBeyond(entries: Array<[string, number]>, limit: number): string[] {
	return entries
		.sort((a, b) => a[1] - b[1])
		.slice(0, entries.length - limit)
		.map(([key]) => key);
}

function trim(entries: Map<string, number>, limit: number): void {
	if (!overLimit(entries.size, limit)) return;
	for (const key of oldestBeyond([...entries], limit)) entries.delete(key);
}

/** Trims a log of `size` entries when it is over the limit; returns its size afterwards. */
function trimLog(log: DeliveryLog, size: number, limit: number): number {
	if (!overLimit(size, limit)) return size;
	const entries = Object.entries(log);
	for (const key of oldestBeyond(entries, limit)) delete log[key];
	return Math.min(entries.length, limit);
}
