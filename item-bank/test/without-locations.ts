/** A deep copy without source places (location, line, column) and undefined keys, for comparing models. */
export function withoutLocations<T>(value: T): T {
  return JSON.parse(
    JSON.stringify(value, (key, v: unknown) =>
      key === 'location' || key === 'line' || key === 'column' ? undefined : v,
    ),
  ) as T;
}
