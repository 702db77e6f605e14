/**
 * The roles a field of a Cognito shape can play in a settings type. Each type keeps one
 * table that classifies every member of the SDK shapes it reads and writes; the schema,
 * the merge, the request builder and the README are checked against that table.
 *
 * - `mergeable`: declarable; merged into the described state and sent in the update.
 * - `mfa`: declarable; written by SetUserPoolMfaConfig, which replaces the whole MFA state.
 * - `locked`: declarable only as an assertion; Cognito cannot change it after creation.
 * - `carried`: not declarable; sent back exactly as described so the update keeps it.
 * - `dropped`: returned by the describe call (or accepted by the update) but never sent.
 */
export type FieldRole = 'mergeable' | 'mfa' | 'locked' | 'carried' | 'dropped';

export interface FieldSpec<Described = unknown> {
  readonly role: FieldRole;
  /** Where the describe call reports it, when the name differs. */
  readonly describedAs?: keyof Described;
  /** Why a field is dropped, carried or locked: the Cognito trap it avoids. */
  readonly why?: string;
  /**
   * The API that writes a mergeable field, when it is not the type's update call: such a
   * field is merged and reported like the others but never sent in the update request.
   */
  readonly writtenBy?: string;
}

/** The names in a field table that have a given role. */
export type FieldsWithRole<Table extends Record<string, { role: FieldRole }>, R extends FieldRole> = {
  [K in keyof Table]: Table[K]['role'] extends R ? K : never;
}[keyof Table];

export function fieldsWithRole<Table extends Record<string, { role: FieldRole }>, R extends FieldRole>(
  table: Table,
  role: R,
): FieldsWithRole<Table, R>[] {
  return (Object.keys(table) as (keyof Table)[]).filter((name) => table[name].role === role) as FieldsWithRole<
    Table,
    R
  >[];
}

/** The names in a space-separated list, as a union type: `'A B'` is `'A' | 'B'`. */
type NamesIn<List extends string> = List extends `${infer Name} ${infer Rest}` ? Name | NamesIn<Rest> : List;

/**
 * Table entries for several fields that share a role (and the reason for it), from a
 * space-separated list of their names: `...withRole('dropped', 'Arn Status', 'describe-only')`.
 */
export function withRole<R extends FieldRole, List extends string>(
  role: R,
  names: List,
  why?: string,
): Record<NamesIn<List>, { readonly role: R; readonly why?: string }> {
  const spec = why === undefined ? { role } : { role, why };
  return Object.fromEntries(names.split(' ').map((name) => [name, spec])) as Record<
    NamesIn<List>,
    { readonly role: R; readonly why?: string }
  >;
}
