/**
 * A deep copy of plain data (objects, arrays, primitives), the only kind state holds. Several
 * times faster than structuredClone on the many small objects of a market, and it never keeps
 * two references to one object, so a copy cannot alias itself.
 */
export function clonePlain<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = clonePlain(value[i]);
    return out as T;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = clonePlain((value as Record<string, unknown>)[key]);
  return out as T;
}
