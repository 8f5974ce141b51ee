/**
 * Sortable keys for agenda order: lowercase base-36 strings compared as text. A key can always be
 * made between two others, so moving or inserting an item rewrites only that item (and two
 * offline edits that insert in the same place both survive).
 */
const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';
const MAX_KEY = 32;

/** A key strictly between `before` and `after` (either may be missing: the start or end of the list). */
export const keyBetween = (before?: string, after?: string): string => {
  const a = before ?? '';
  let b: string | null = after ?? null;
  if (b !== null && a >= b) throw new Error(`Order keys out of order: ${a} ≥ ${b}`);
  let out = '';
  for (let i = 0; i < MAX_KEY; i++) {
    const da = i < a.length ? DIGITS.indexOf(a[i]) : 0;
    const db = b !== null && i < b.length ? DIGITS.indexOf(b[i]) : DIGITS.length;
    if (da === db) {
      out += DIGITS[da];
      continue;
    }
    if (db - da > 1) return out + DIGITS[Math.floor((da + db) / 2)];
    // Adjacent digits: keep a's digit and find room above the rest of a.
    out += DIGITS[da];
    b = null;
  }
  throw new Error('No room between these order keys; renumber the agenda');
};

/** Keys for a new list, 0010, 0020 …, leaving room between each (as the example's agendas), all one width so they sort as text. */
export const spreadKeys = (n: number): string[] => {
  const width = Math.max(4, String(n * 10).length);
  return Array.from({ length: n }, (_v, i) => String((i + 1) * 10).padStart(width, '0'));
};

/**
 * The key for a new place at `index` among sorted keys. After very many inserts at one place the
 * keys either side have no room left; then the whole list gets fresh keys (`renumbered`, in the
 * same order, without the new place) and the new place one among them, rather than refusing.
 */
export const keyForPlace = (keys: readonly string[], index: number): { key: string; renumbered?: string[] } => {
  try {
    return { key: keyBetween(keys[index - 1], keys[index]) };
  } catch {
    const fresh = spreadKeys(keys.length + 1);
    return { key: fresh[index], renumbered: [...fresh.slice(0, index), ...fresh.slice(index + 1)] };
  }
};
