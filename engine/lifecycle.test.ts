import { exceptions } from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';
import { ConcurrentPoolChange } from './cognito/errors';
import { SettingsLifecycle } from './lifecycle';
import { conflictRetry, startInvocationClock } from './retry';
import type { PlannedWrite, SettingsType } from './settingsType';
import { createPropertiesValidator } from './schemaValidation';

/**
 * The engine's lifecycle against a settings type of its own, with nothing of Cognito: a
 * "widget" whose settings are one map, managed when it carries a marker. Each type's
 * handler tests check the same steps through its own spec.
 */
interface Widget {
  settings: Record<string, string>;
  managed: boolean;
}
type Declared = Record<string, string>;
interface Plan {
  refusals: { kind: 'locked' | 'invalid'; message: string }[];
  next: Record<string, string>;
  claims: boolean;
}

const calls: string[] = [];
let widgets: Map<string, Widget>;
/** A write that fails: the name of the write, and what it throws. */
let failing: { write: string; error: Error } | undefined;
/** How many reads see a concurrent change before one does not. */
let conflicts = 0;

function write(operation: string, run: () => void, undo?: () => void): PlannedWrite {
  return {
    operation,
    log: operation,
    request: { operation },
    changes: () => [],
    run: async () => {
      calls.push(operation);
      if (failing?.write === operation) throw failing.error;
      run();
    },
    undo: undo && (async () => void (calls.push(`undo ${operation}`), undo())),
  };
}

const widgetType: SettingsType<Declared, Widget, Plan, Map<string, Widget>> = {
  typeName: 'Test::Widget::Settings',
  identifiers: ['WidgetId'],
  listedWithin: [],
  declarable: ['Color', 'Size'],
  findSchemaProblems: createPropertiesValidator({ properties: {}, definitions: {} }),
  connect: () => widgets,
  read: async (store, { WidgetId }) => {
    calls.push('read');
    const widget = store.get(WidgetId);
    if (!widget) throw new exceptions.NotFound('Test::Widget::Settings', WidgetId);
    return { state: structuredClone(widget), managed: widget.managed, reads: ['read'] };
  },
  plan: (widget, _ids, declared, ownership) => ({
    refusals:
      declared.Size && widget.settings.Size && declared.Size !== widget.settings.Size
        ? [{ kind: 'locked', message: 'Size is locked.' }]
        : [],
    next: { ...widget.settings, ...declared },
    claims: ownership === 'claim',
  }),
  writes: (store, { WidgetId }, plan, before) => {
    const widget = store.get(WidgetId)!;
    const writes: PlannedWrite[] = [];
    if (conflicts > 0) {
      conflicts -= 1;
      writes.push(write('conflicted', () => undefined));
      failing = { write: 'conflicted', error: new ConcurrentPoolChange('changed meanwhile') };
    }
    writes.push(
      write(
        'update',
        () => (widget.settings = { ...plan.next }),
        () => (widget.settings = { ...before.settings }),
      ),
    );
    if (plan.claims) writes.push(write('claim', () => (widget.managed = true)));
    return writes;
  },
  explain: (failure) => new exceptions.InvalidRequest(`explained: ${(failure.cause as Error).message}`),
  report: (plan) => plan.next,
  current: (widget) => widget.settings,
  release: async (store, { WidgetId }) => {
    const widget = store.get(WidgetId);
    if (!widget?.managed) return false;
    widget.managed = false;
    return true;
  },
  listPage: async (store) => ({
    found: [...store.entries()].filter(([, widget]) => widget.managed).map(([WidgetId]) => ({ WidgetId })),
  }),
};

const lifecycle = () => new SettingsLifecycle(widgetType, widgets, { log: () => undefined });
const ids = { WidgetId: 'w1' };

beforeEach(() => {
  calls.length = 0;
  failing = undefined;
  conflicts = 0;
  widgets = new Map([['w1', { settings: { Color: 'red', Size: 'L' }, managed: false }]]);
  conflictRetry.sleep = async () => undefined;
  startInvocationClock(undefined);
});

describe('the settings lifecycle, for any type', () => {
  it('CREATE claims an unmanaged resource after its settings, and reports what READ then reports', async () => {
    expect(await lifecycle().create(ids, { Color: 'blue' })).toEqual({ Color: 'blue', Size: 'L' });
    expect(calls).toEqual(['read', 'update', 'claim']);
    expect(await lifecycle().read(ids)).toEqual({ Color: 'blue', Size: 'L' });
  });

  it('CREATE of a managed resource is AlreadyExists, UPDATE and READ of an unmanaged one NotFound; nothing written', async () => {
    await expect(lifecycle().update(ids, { Color: 'blue' })).rejects.toBeInstanceOf(exceptions.NotFound);
    await expect(lifecycle().read(ids)).rejects.toBeInstanceOf(exceptions.NotFound);
    widgets.get('w1')!.managed = true;
    await expect(lifecycle().create(ids, { Color: 'blue' })).rejects.toBeInstanceOf(exceptions.AlreadyExists);
    expect(calls.filter((call) => call !== 'read')).toEqual([]);
    expect(widgets.get('w1')!.settings.Color).toBe('red');
  });

  it('a refusal is answered before any write', async () => {
    widgets.get('w1')!.managed = true;
    await expect(lifecycle().update(ids, { Size: 'S' })).rejects.toBeInstanceOf(exceptions.NotUpdatable);
    expect(calls).toEqual(['read']);
  });

  it('a failed write undoes the earlier ones in reverse, and the type explains the failure', async () => {
    failing = { write: 'claim', error: new Error('claim refused') };
    await expect(lifecycle().create(ids, { Color: 'blue' })).rejects.toThrow('explained: claim refused');
    expect(calls).toEqual(['read', 'update', 'claim', 'undo update']);
    expect(widgets.get('w1')).toEqual({ settings: { Color: 'red', Size: 'L' }, managed: false });
  });

  it('a concurrent change runs the whole attempt again, from a fresh read', async () => {
    widgets.get('w1')!.managed = true;
    conflicts = 1;
    await expect(lifecycle().update(ids, { Color: 'green' })).resolves.toEqual({ Color: 'green', Size: 'L' });
    expect(calls).toEqual(['read', 'conflicted', 'read', 'update']);
  });

  it('preview reads and plans, and writes nothing', async () => {
    const preview = await lifecycle().preview(ids, { Color: 'blue' });
    expect(preview.ownership).toBe('claim');
    expect(preview.writes.map((planned) => planned.operation)).toEqual(['update', 'claim']);
    expect(calls).toEqual(['read']);
    expect(widgets.get('w1')!.settings.Color).toBe('red');
  });

  it('DELETE lets go of a managed resource and is NotFound the second time; LIST finds the managed ones', async () => {
    widgets.get('w1')!.managed = true;
    widgets.set('w2', { settings: {}, managed: false });
    expect(await lifecycle().list({})).toEqual({ found: [{ WidgetId: 'w1' }] });
    await lifecycle().delete(ids);
    await expect(lifecycle().delete(ids)).rejects.toBeInstanceOf(exceptions.NotFound);
    expect(await lifecycle().list({})).toEqual({ found: [] });
  });
});
