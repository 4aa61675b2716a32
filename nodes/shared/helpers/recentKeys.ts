/**
 * Keys claimed recently in this n8n process, each with a note, forgotten after `ttlMs` (oldest first, and
 * beyond `limit` entries). Copies of one callback that arrive together all find the first one's claim.
 */
export class RecentKeys<Note = true> {
	private readonly held = new Map<string, { at: number; note: Note }>();

	constructor(
		private readonly ttlMs = 10 * 60_000,
		private readonly limit = 10_000,
	) {}

	/** Takes `key` if nobody holds it; false when it is held (a copy in flight or just handled). */
	claim(key: string, now: number, note?: Note): boolean {
		for (const [old, { at }] of this.held) {
			if (now - at < this.ttlMs && this.held.size <= this.limit) break;
			this.held.delete(old);
		}
		if (this.held.has(key)) return false;
		this.held.set(key, { at: now, note: note ?? (true as Note) });
		return true;
	}

	/** The note of a held key. */
	noteOf(key: string): Note | undefined {
		return this.held.get(key)?.note;
	}

	/** Replaces the note of a held key, keeping its claim time. */
	annotate(key: string, note: Note): void {
		const entry = this.held.get(key);
		if (entry) entry.note = note;
	}

	release(key: string): void {
		this.held.delete(key);
	}
}
