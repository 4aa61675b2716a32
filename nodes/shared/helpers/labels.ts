/** How records are named in the editor's pickers. */

type Record_ = { id: string } & Record<string, unknown>;
type Searchable = Record<string, unknown>;

export function text(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The last path segment of a URL, e.g. a product image's file name. */
export function fileName(url: string | undefined): string | undefined {
	if (!url) return undefined;
	try {
		const last = new URL(url).pathname.split('/').filter(Boolean).pop();
		return last ? decodeURIComponent(last) : url;
	} catch {
		return url;
	}
}

/** Parts of a label, the empty ones left out. */
export function joinLabel(parts: Array<string | undefined>): string {
	return parts.filter(Boolean).join(' · ');
}

/** A job as a picker shows it: its title (or `fallback`), status, creation time and short ID. */
export function jobLabel(job: Record_, title: string | undefined, fallback: string): string {
	return joinLabel([
		title ?? fallback,
		text(job.status) ?? 'unknown status',
		text(job.created_at)?.slice(0, 16).replace('T', ' '),
		job.id.slice(0, 8),
	]);
}

export function avatarLabel(persona: Record_): string {
	const name = text(persona.creator_name) ?? text(persona.name) ?? persona.id;
	const details = [text(persona.gender), text(persona.age_range), text(persona.style)].filter(
		Boolean,
	);
	return details.length ? `${name} (${details.join(', ')})` : name;
}

/** Case-insensitive match of the picker's search text against any text field of the record. */
export function matchesFilter(record: Searchable, filter: string | undefined): boolean {
	const wanted = filter?.trim().toLowerCase();
	if (!wanted) return true;
	return Object.values(record).some(
		(value) => typeof value === 'string' && value.toLowerCase().includes(wanted),
	);
}
