/**
 * A short fingerprint of a text: its length and two independent 32-bit hashes (FNV-1a and djb2), 64 bits in all.
 * It names a callback body in the trigger's in-flight claims without keeping the body (up to 64 KB) in memory;
 * nodes cannot import node:crypto, and a clash only makes two different bodies share a claim for minutes.
 */
export function fingerprint(text: string): string {
	let fnv = 0x811c9dc5;
	let djb = 5381;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		fnv = Math.imul(fnv ^ code, 0x01000193);
		djb = (Math.imul(djb, 33) + code) | 0;
	}
	const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
	return `${text.length}:${hex(fnv)}${hex(djb)}`;
}
