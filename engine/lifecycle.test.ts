import { exceptions } from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';
import { ConcurrentPoolChange } from './cognito/errors';
import { SettingsLifecycle, type Invocation } from './lifecycle';
import { deepMerge } from './merge';
import type { OwnershipRecord } from './ownershipRecord';
import { OwnershipRecords, type ParameterAccess } from './ownershipRecords';
import { conflictRetry, startInvocationClock } from './retry';
import type { PlannedWrite, SettingsType } from './settingsType';
import { createPropertiesValidator } from './schemaValidation';

/**
 * The engine's lifecycle against a settings type of its own, with nothing of Cognito: a
 * "widget" whose settings are a nested map, each top-level member written by a write of
 * its own (as UpdateUserPool, SetUserPoolMfaConfig and TagResource share a pool), claimed
 * by a record in a map standing for Parameter Store, or by an earlier version's marker.
 * Each type's handler tests check the same steps through its own spec.
 */
type Settings = Record<string, Record<string, string>>;
interface Widget {
  settings: Settings;
  legacyMarker: boolean;
}
type Declared = Record<string, unknown>;
interface Plan {
  refusals: { kind: 'locked' | 'invalid'; message: string }[];
  next: Settings;
}

const TYPE = 'Test::Widget::Settings';
const calls: string[] = [];
let widgets: Map<string, Widget>;
let parameters: Map<string, string>;
/** Writes that fail: the name of the write, and what it throws; `times` failures, then success. */
let failing: { write: string; error: Error; applyFirst?: boolean; times?: number }[];
/** Undos that fail, by write name. */
let failingUndo: Set<string>;
/** How many reads see a concurrent change before one does not. */
let conflicts = 0;

function fail(operation: string, applied: () => void): void {
  const fault = failing.find((candidate) => candidate.write === operation && (candidate.times ?? 1) > 0);
  if (!fault) return applied();
  fault.times = (fault.times ?? 1) - 1;
  if (fault.applyFirst) applied();
  throw fault.error;
}

/** Parameter Store's semantics: create without overwrite fails on an existing name. */
const store: ParameterAccess = {
  get: async (name) => (calls.push('GetParameter'), parameters.get(name)),
  create: async (name, value) => {
    calls.push('PutParameter');
    if (parameters.has(name)) return false;
    fail('claim', () => parameters.set(name, value));
    return true;
  },
  put: async (name, value) => {
    calls.push('PutParameter');
    fail(JSON.parse(value).operation?.finished ? 'finish' : 'record', () => parameters.set(name, value));
  },
  delete: async (name) => (calls.push('DeleteParameter'), parameters.delete(name)),
  children: async (path) => {
    calls.push('GetParametersByPath');
    return [...parameters]
      .filter(([name]) => name.startsWith(`${path}/`) && !name.slice(path.length + 1).includes('/'))
      .map(([name, value]) => ({ name, value }));
  },
  listPage: async (path, token, recursive) => {
    calls.push('GetParametersByPath');
    const names = [...parameters.keys()]
      .filter((name) => name.startsWith(`${path}/`) && (recursive || !name.slice(path.length + 1).includes('/')))
      .sort();
    const start = Number(token ?? 0);
    return {
      names: names.slice(start, start + 1),
      nextToken: start + 1 < names.length ? String(start + 1) : undefined,
    };
  },
};

function memberWrite(widget: Widget, member: string, next: Settings, before: Settings): PlannedWrite {
  const put = (value: Record<string, string> | undefined) => {
    if (value === undefined) delete widget.settings[member];
    else widget.settings[member] = { ...value };
  };
  return {
    operation: `set ${member}`,
    log: `set ${member}`,
    request: { member },
    changes: () => [],
    run: async () => {
      calls.push(`set ${member}`);
      fail(`set ${member}`, () => put(next[member]));
    },
    undo: async () => {
      calls.push(`undo ${member}`);
      if (failingUndo.has(member)) throw new Error(`undo of ${member} refused`);
      put(before[member]);
    },
  };
}

const widgetType: SettingsType<Declared, Widget, Plan, Map<string, Widget>> = {
  typeName: TYPE,
  identifiers: ['WidgetId'],
  listedWithin: [],
  declarable: ['Color', 'Size', 'Shape'],
  assertions: [],
  blocks: [],
  scope: 'widget',
  findSchemaProblems: createPropertiesValidator({ properties: {}, definitions: {} }),
  connect: () => widgets,
  read: async (widgetStore, { WidgetId }) => {
    calls.push('read');
    const widget = widgetStore.get(WidgetId);
    if (!widget) throw new exceptions.NotFound(TYPE, WidgetId);
    return { state: structuredClone(widget), legacyClaim: widget.legacyMarker, reads: ['read'] };
  },
  plan: (widget, _ids, declared) => {
    const shape = declared.Shape as Record<string, string> | undefined;
    return {
      refusals:
        shape && widget.settings.Shape && shape.kind !== widget.settings.Shape.kind
          ? [{ kind: 'locked', message: 'Shape is locked.' }]
          : [],
      next: deepMerge(widget.settings, declared) as Settings,
    };
  },
  writes: (widgetStore, { WidgetId }, plan, before) => {
    const widget = widgetStore.get(WidgetId)!;
    const writes: PlannedWrite[] = [];
    if (conflicts > 0) {
      conflicts -= 1;
      failing.push({ write: 'set conflicted', error: new ConcurrentPoolChange('changed meanwhile') });
      writes.push(memberWrite(widget, 'conflicted', {}, {}));
    }
    // Migration: the next write of a legacy claim removes its marker.
    if (before.legacyMarker) {
      writes.push({
        ...memberWrite(widget, 'marker', {}, {}),
        run: async () => void (calls.push('unmark'), (widget.legacyMarker = false)),
      });
    }
    const members = [...new Set([...Object.keys(plan.next), ...Object.keys(before.settings)])].sort();
    for (const member of members) {
      if (JSON.stringify(plan.next[member]) !== JSON.stringify(before.settings[member])) {
        writes.push(memberWrite(widget, member, plan.next, before.settings));
      }
    }
    return writes;
  },
  explain: (failure) => new exceptions.InvalidRequest(`explained: ${(failure.cause as Error).message}`),
  report: (plan) => plan.next,
  current: (widget) => widget.settings,
  releaseLegacyClaim: async (widgetStore, { WidgetId }) => void (widgetStore.get(WidgetId)!.legacyMarker = false),
  exists: async (widgetStore, { WidgetId }) => widgetStore.has(WidgetId),
  legacyClaimsPage: async (widgetStore) => ({
    found: [...widgetStore.entries()].filter(([, widget]) => widget.legacyMarker).map(([WidgetId]) => ({ WidgetId })),
  }),
};

const STACK = { stackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/app/1', logicalResourceId: 'Settings' };
const logLines: string[] = [];
const lifecycle = (invocation: Partial<Invocation> = {}) =>
  new SettingsLifecycle(
    widgetType,
    widgets,
    new OwnershipRecords(store, TYPE),
    { log: (line) => void logLines.push(line) },
    { claimant: STACK, rollback: false, ...invocation },
  );
const ids = { WidgetId: 'w1' };
const recordName = '/test-widget-settings/w1';
const record = (): OwnershipRecord => JSON.parse(parameters.get(recordName)!);
const settings = () => widgets.get('w1')!.settings;
const writesIn = (list: string[]) => list.filter((call) => call.startsWith('set ') || call.startsWith('undo '));

beforeEach(() => {
  calls.length = 0;
  logLines.length = 0;
  failing = [];
  failingUndo = new Set();
  conflicts = 0;
  parameters = new Map();
  widgets = new Map([['w1', { settings: { Color: { name: 'red' }, Size: { value: 'L' } }, legacyMarker: false }]]);
  conflictRetry.sleep = async () => undefined;
  startInvocationClock(undefined);
});

describe('the settings lifecycle, for any type', () => {
  it('CREATE claims with the undo record before its first write, marks it finished after its last, and reports what READ then reports', async () => {
    const created = await lifecycle().create(ids, { Color: { name: 'blue' } });
    expect(created).toEqual({ Color: { name: 'blue' }, Size: { value: 'L' } });
    expect(calls).toEqual(['GetParameter', 'read', 'PutParameter', 'set Color', 'PutParameter']);
    expect(record()).toMatchObject({
      ...STACK,
      operation: {
        action: 'CREATE',
        finished: true,
        changes: [{ path: ['Color', 'name'], before: 'red', after: 'blue' }],
      },
    });
    expect(await lifecycle().read(ids)).toEqual(created);
  });

  it('a no-op UPDATE reads and writes nothing, record included', async () => {
    await lifecycle().create(ids, { Color: { name: 'blue' } });
    calls.length = 0;
    await lifecycle().update(ids, { Color: { name: 'blue' } });
    expect(calls).toEqual(['GetParameter', 'read']);
  });

  it('CREATE of a resource another stack claimed is AlreadyExists naming that stack; UPDATE and READ of an unclaimed one NotFound; nothing written', async () => {
    await expect(lifecycle().update(ids, { Color: { name: 'blue' } })).rejects.toBeInstanceOf(exceptions.NotFound);
    await expect(lifecycle().read(ids)).rejects.toBeInstanceOf(exceptions.NotFound);
    await lifecycle({ claimant: { stackId: 'arn:other', logicalResourceId: 'Theirs' } }).create(ids, {});
    calls.length = 0;
    const again = lifecycle().create(ids, { Color: { name: 'blue' } });
    await expect(again).rejects.toBeInstanceOf(exceptions.AlreadyExists);
    await expect(lifecycle().create(ids, {})).rejects.toThrow(/by Theirs in stack arn:other/);
    expect(writesIn(calls)).toEqual([]);
    expect(settings().Color).toEqual({ name: 'red' });
  });

  it('CREATE that finds its own stack and logical id in the claim (a retry after a lost answer) carries on', async () => {
    await lifecycle().create(ids, {});
    await expect(lifecycle().create(ids, { Color: { name: 'blue' } })).resolves.toMatchObject({
      Color: { name: 'blue' },
    });
  });

  it('a claim whose answer was lost and that is sent again counts as done; a lost claim undone removes only its own record', async () => {
    // The first PutParameter is applied, then its answer lost: the retry finds its own nonce.
    const parametersCreate = store.create;
    store.create = async (name, value, description) => {
      await parametersCreate(name, value, description);
      // The SDK sends it again: Parameter Store answers ParameterAlreadyExists.
      return parametersCreate(name, value, description);
    };
    try {
      await expect(lifecycle().create(ids, { Color: { name: 'blue' } })).resolves.toBeDefined();
    } finally {
      store.create = parametersCreate;
    }
    expect(record().operation?.finished).toBe(true);
  });

  it("a claim that lost the race and whose answer was lost never removes the winner's record", async () => {
    const parametersCreate = store.create;
    store.create = async (name, value, description) => {
      // Another stack claims first; then our PutParameter is refused, and its answer lost.
      parameters.set(name, JSON.stringify({ type: TYPE, stackId: 'arn:winner', logicalResourceId: 'Winner' }));
      await parametersCreate(name, value, description);
      throw new exceptions.NetworkFailure('socket hang up');
    };
    try {
      await expect(lifecycle().create(ids, { Color: { name: 'blue' } })).rejects.toThrow();
    } finally {
      store.create = parametersCreate;
    }
    expect(record()).toMatchObject({ stackId: 'arn:winner' });
    expect(settings().Color).toEqual({ name: 'red' });
  });

  it('a refusal is answered before any write', async () => {
    widgets.get('w1')!.settings.Shape = { kind: 'round' };
    await lifecycle().create(ids, {});
    calls.length = 0;
    await expect(lifecycle().update(ids, { Shape: { kind: 'square' } })).rejects.toBeInstanceOf(
      exceptions.NotUpdatable,
    );
    expect(calls).toEqual(['GetParameter', 'read']);
  });

  it('a failed write undoes the earlier ones in reverse (changed values, not only added ones), puts the record back, and the type explains the failure', async () => {
    await lifecycle().create(ids, {});
    const before = record();
    failing.push({ write: 'set Size', error: new Error('Size refused') });
    calls.length = 0;
    const update = lifecycle().update(ids, { Color: { name: 'blue' }, Glow: { level: 'high' }, Size: { value: 'S' } });
    await expect(update).rejects.toThrow('explained: Size refused');
    expect(writesIn(calls)).toEqual(['set Color', 'set Glow', 'set Size', 'undo Glow', 'undo Color']);
    expect(settings()).toEqual({ Color: { name: 'red' }, Size: { value: 'L' } });
    expect(record()).toEqual(before);
  });

  it('a failed claim undoes the settings and removes the claim', async () => {
    failing.push({ write: 'finish', error: new Error('record refused') });
    await expect(lifecycle().create(ids, { Color: { name: 'blue' } })).rejects.toThrow('explained: record refused');
    expect(settings().Color).toEqual({ name: 'red' });
    expect(parameters.has(recordName)).toBe(false);
  });

  it('a write whose answer was lost (NetworkFailure) is undone too, since it may have taken effect', async () => {
    await lifecycle().create(ids, {});
    failing.push({ write: 'set Size', error: new exceptions.NetworkFailure('socket hang up'), applyFirst: true });
    await expect(lifecycle().update(ids, { Color: { name: 'blue' }, Size: { value: 'S' } })).rejects.toThrow();
    expect(settings()).toEqual({ Color: { name: 'red' }, Size: { value: 'L' } });
  });

  it('when an undo fails, the record stays unfinished, and the next invocation puts back what it can before its own request', async () => {
    await lifecycle().create(ids, {});
    failing.push({ write: 'set Size', error: new Error('Size refused') });
    failingUndo.add('Color');
    await expect(lifecycle().update(ids, { Color: { name: 'blue' }, Size: { value: 'S' } })).rejects.toThrow();
    expect(settings().Color).toEqual({ name: 'blue' });
    expect(record().operation?.finished).toBe(false);

    failingUndo.clear();
    logLines.length = 0;
    await lifecycle().update(ids, { Size: { value: 'M' } });
    expect(settings()).toEqual({ Color: { name: 'red' }, Size: { value: 'M' } });
    expect(logLines.join('\n')).toContain('never finished');
    expect(record().operation).toMatchObject({ finished: true, changes: [{ path: ['Size', 'value'] }] });
  });

  it('recovery leaves alone a leaf another writer changed since, and says so', async () => {
    await lifecycle().create(ids, {});
    parameters.set(
      recordName,
      JSON.stringify({
        ...record(),
        operation: {
          ...record().operation,
          finished: false,
          changes: [
            { path: ['Color', 'name'], before: 'red', after: 'blue' },
            { path: ['Glow', 'level'], after: 'high' },
            { path: ['Size', 'value'], before: 'L', after: 'S' },
          ],
        },
      }),
    );
    // The handler stopped after its first two writes; then another writer set Size.
    widgets.get('w1')!.settings = { Color: { name: 'blue' }, Glow: { level: 'high' }, Size: { value: 'XL' } };
    await lifecycle().delete(ids);
    expect(settings()).toEqual({ Color: { name: 'red' }, Size: { value: 'XL' } });
    expect(logLines.join('\n')).toContain('Size.value: another writer changed it since; left as it is');
    expect(parameters.has(recordName)).toBe(false);
  });

  it('a stack rollback UPDATE puts back what the rolled-back template changed and the target does not declare', async () => {
    await lifecycle().create(ids, { Color: { name: 'red' } });
    const newTemplate = { Color: { name: 'blue' }, Glow: { level: 'high' }, Size: { value: 'S' } };
    await lifecycle().update(ids, newTemplate);
    await lifecycle({ rollback: true, previous: newTemplate }).update(ids, { Color: { name: 'red' } });
    expect(settings()).toEqual({ Color: { name: 'red' }, Size: { value: 'L' } });
  });

  it('a rollback puts back only what the target does not declare; the target decides the rest', async () => {
    await lifecycle().create(ids, { Color: { name: 'red' } });
    settings().Color = { name: 'pink' }; // another writer, between the stack's operations
    const newTemplate = { Color: { name: 'blue' }, Glow: { level: 'high' } };
    await lifecycle().update(ids, newTemplate);
    logLines.length = 0;
    await lifecycle({ rollback: true, previous: newTemplate }).update(ids, { Color: { name: 'red' } });
    expect(settings()).toEqual({ Color: { name: 'red' }, Size: { value: 'L' } });
    expect(logLines.filter((line) => line.startsWith('Putting back'))).toEqual(['Putting back: Glow.level']);
  });

  it('without rollback, an UPDATE that drops a property leaves its value', async () => {
    await lifecycle().create(ids, {});
    const newTemplate = { Glow: { level: 'high' } };
    await lifecycle().update(ids, newTemplate);
    await lifecycle({ previous: newTemplate }).update(ids, {});
    expect(settings().Glow).toEqual({ level: 'high' });
  });

  it('a rollback whose record applied another template changes only what the target declares', async () => {
    await lifecycle().create(ids, {});
    await lifecycle().update(ids, { Glow: { level: 'high' } });
    await lifecycle({ rollback: true, previous: { Glow: { level: 'low' } } }).update(ids, {});
    expect(settings().Glow).toEqual({ level: 'high' });
  });

  it('DELETE with rollback puts back what its CREATE changed, then releases; without rollback it keeps every setting', async () => {
    await lifecycle().create(ids, { Color: { name: 'blue' }, Glow: { level: 'high' } });
    await lifecycle({ rollback: true }).delete(ids);
    expect(settings()).toEqual({ Color: { name: 'red' }, Size: { value: 'L' } });
    expect(parameters.has(recordName)).toBe(false);

    await lifecycle().create(ids, { Color: { name: 'blue' } });
    await lifecycle().delete(ids);
    expect(settings().Color).toEqual({ name: 'blue' });
    await expect(lifecycle().delete(ids)).rejects.toBeInstanceOf(exceptions.NotFound);
  });

  it('a legacy claim is managed, migrated to a record on its next write, and released on DELETE', async () => {
    widgets.set('w2', { settings: {}, legacyMarker: true });
    await lifecycle().delete({ WidgetId: 'w2' });
    expect(widgets.get('w2')!.legacyMarker).toBe(false);
    widgets.get('w1')!.legacyMarker = true;
    await expect(lifecycle().read(ids)).resolves.toBeDefined();
    await expect(lifecycle().create(ids, {})).rejects.toThrow(/earlier version/);
    await lifecycle().update(ids, { Color: { name: 'blue' } });
    expect(record().operation?.action).toBe('UPDATE');
    expect(widgets.get('w1')!.legacyMarker).toBe(false);
    await lifecycle().delete(ids);
    expect(parameters.has(recordName)).toBe(false);
  });

  it('a concurrent change runs the whole attempt again, from a fresh read', async () => {
    await lifecycle().create(ids, {});
    conflicts = 1;
    calls.length = 0;
    await expect(lifecycle().update(ids, { Color: { name: 'green' } })).resolves.toMatchObject({
      Color: { name: 'green' },
    });
    expect(calls.filter((call) => call === 'read')).toHaveLength(2);
    expect(writesIn(calls)).toEqual(['set conflicted', 'set Color']);
  });

  it('preview reads and plans, and writes nothing', async () => {
    const preview = await lifecycle().preview(ids, { Color: { name: 'blue' } });
    expect(preview.ownership).toBe('claim');
    expect(preview.writes.map((planned) => planned.operation)).toEqual(['PutParameter', 'set Color', 'PutParameter']);
    expect(calls).toEqual(['GetParameter', 'read']);
    expect(settings().Color).toEqual({ name: 'red' });
  });

  it('LIST pages through the records, pages with no live resource included, then the legacy claims', async () => {
    widgets.set('w2', { settings: {}, legacyMarker: true });
    await lifecycle().create(ids, {});
    parameters.set('/test-widget-settings/gone', JSON.stringify({ type: TYPE }));
    const first = await lifecycle().list({});
    expect(first.found).toEqual([]);
    const second = await lifecycle().list({}, first.nextToken);
    expect(second.found).toEqual([{ WidgetId: 'w1' }]);
    const legacy = await lifecycle().list({}, second.nextToken);
    expect(legacy).toEqual({ found: [{ WidgetId: 'w2' }] });
  });
});
