import schema from '../schema.json';

/**
 * The differences drift detection (and `cfn test`'s input-equals-output) would see
 * between what a template declares and what READ reports: declared properties only,
 * objects member by member, arrays element by element, primitives compared as the
 * strings CloudFormation sends. Write-only properties are never compared.
 */
export function driftBetween(
  declared: Record<string, unknown>,
  reported: Record<string, unknown> | undefined,
): string[] {
  const compared = { ...declared };
  for (const pointer of schema.writeOnlyProperties ?? []) delete compared[pointer.replace('/properties/', '')];
  return differences(compared, reported ?? {}, '');
}

function differences(declared: unknown, reported: unknown, at: string): string[] {
  if (Array.isArray(declared)) {
    if (!Array.isArray(reported) || reported.length !== declared.length) {
      return [`${at}: declared ${JSON.stringify(declared)}, reported ${JSON.stringify(reported)}`];
    }
    return declared.flatMap((item, index) => differences(item, reported[index], `${at}[${index}]`));
  }
  if (declared !== null && typeof declared === 'object') {
    if (reported === null || typeof reported !== 'object' || Array.isArray(reported)) {
      return [`${at}: declared an object, reported ${JSON.stringify(reported)}`];
    }
    return Object.entries(declared).flatMap(([key, value]) =>
      differences(value, (reported as Record<string, unknown>)[key], at ? `${at}.${key}` : key),
    );
  }
  return String(declared) === String(reported)
    ? []
    : [`${at}: declared ${JSON.stringify(declared)}, reported ${JSON.stringify(reported)}`];
}
