/**
 * The tags a settings type writes on a pool to mark what it manages (or, in earlier
 * versions, marked): keyed by the type's own name, `org-cognito-userpoolsettings:managed`,
 * with the value `true`. They are bookkeeping, never settings: no type reports another's
 * markers, or its own, as a pool tag.
 */
export const MARKER_TAG_VALUE = 'true';

/** The key of a type's marker: its name in lower case with `::` as `-`, then `:` and what it marks. */
export function markerTagKey(typeName: string, marks: string): string {
  return `${markerTagPrefix(typeName)}${marks}`;
}

/** What every marker key of a type starts with. */
export function markerTagPrefix(typeName: string): string {
  return `${typeName.toLowerCase().replace(/::/g, '-')}:`;
}
