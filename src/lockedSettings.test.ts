import { describedProductionPool } from '../test/support/describedPool';
import { findLockedSettingConflicts, planSchemaAttributes } from './lockedSettings';

const described = describedProductionPool();

describe('locked settings', () => {
  it('accepts declared values equal to the pool', () => {
    expect(
      findLockedSettingConflicts(described, {
        PoolName: 'production-users',
        UsernameAttributes: ['email'],
        AliasAttributes: [],
        UsernameConfiguration: { CaseSensitive: false },
        Schema: [
          { Name: 'email', Required: true, Mutable: true },
          { Name: 'tenant', AttributeDataType: 'String', StringAttributeConstraints: { MaxLength: '64' } },
          { Name: 'custom:tenant' },
        ],
      }),
    ).toEqual([]);
  });

  it.each([
    ['PoolName', { PoolName: 'renamed' }],
    ['UsernameAttributes', { UsernameAttributes: ['phone_number' as const] }],
    ['AliasAttributes', { AliasAttributes: ['preferred_username' as const] }],
    ['UsernameConfiguration.CaseSensitive', { UsernameConfiguration: { CaseSensitive: true } }],
  ])('refuses a different %s, naming it and saying a new pool is needed', (setting, declared) => {
    const conflicts = findLockedSettingConflicts(described, declared);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0].setting).toBe(setting);
    expect(conflicts[0].message).toContain(setting);
    expect(conflicts[0].message).toContain('needs a new user pool');
  });

  it('compares username attributes as a set', () => {
    const pool = { ...described, UsernameAttributes: ['email', 'phone_number'] as ('email' | 'phone_number')[] };
    expect(findLockedSettingConflicts(pool, { UsernameAttributes: ['phone_number', 'email'] })).toEqual([]);
  });

  it('treats a pool without UsernameConfiguration as case sensitive', () => {
    const legacyPool = { ...described, UsernameConfiguration: undefined };
    expect(findLockedSettingConflicts(legacyPool, { UsernameConfiguration: { CaseSensitive: true } })).toEqual([]);
    expect(findLockedSettingConflicts(legacyPool, { UsernameConfiguration: { CaseSensitive: false } })).toHaveLength(1);
  });
});

describe('Schema attributes', () => {
  it('refuses a change to a standard attribute', () => {
    const { conflicts } = planSchemaAttributes(described, [{ Name: 'email', Required: false }]);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0].message).toMatch(/Schema\[email\].*Required/);
  });

  it('refuses a change to an existing custom attribute, with or without the custom: prefix', () => {
    for (const name of ['tenant', 'custom:tenant']) {
      const { conflicts } = planSchemaAttributes(described, [{ Name: name, AttributeDataType: 'Number' }]);
      expect(conflicts).toHaveLength(1);
      expect(conflicts[0].message).toContain('AttributeDataType');
    }
  });

  it('refuses a different constraint on an existing attribute', () => {
    const { conflicts } = planSchemaAttributes(described, [
      { Name: 'tenant', StringAttributeConstraints: { MaxLength: '128' } },
    ]);
    expect(conflicts[0].message).toContain('StringAttributeConstraints.MaxLength');
  });

  it('adds a missing custom attribute under its name without the prefix', () => {
    const plan = planSchemaAttributes(described, [{ Name: 'custom:region', Mutable: false }]);
    expect(plan.conflicts).toEqual([]);
    expect(plan.toAdd).toEqual([{ Name: 'region', Mutable: false, AttributeDataType: 'String' }]);
  });

  it('refuses adding a required attribute', () => {
    const plan = planSchemaAttributes(described, [{ Name: 'region', Required: true }]);
    expect(plan.toAdd).toEqual([]);
    expect(plan.conflicts[0].message).toContain('required attributes cannot be added');
  });

  it('refuses a standard attribute the pool lacks, since standard attributes cannot be added', () => {
    const plan = planSchemaAttributes(described, [{ Name: 'nickname' }]);
    expect(plan.toAdd).toEqual([]);
    expect(plan.conflicts).toHaveLength(1);
  });

  it('never removes attributes that are not declared', () => {
    expect(planSchemaAttributes(described, [])).toEqual({ toAdd: [], conflicts: [] });
  });
});
