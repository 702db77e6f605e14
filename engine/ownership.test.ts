import {
  describeConflict,
  ownedMembers,
  ownedPaths,
  ownershipConflicts,
  overlaps,
  ownShare,
  sameMembers,
  type SiblingRecord,
} from './ownershipRecord';

const baseline: SiblingRecord = {
  settingsName: 'org-baseline',
  record: {
    type: 'Org::Cognito::UserPoolSettings',
    stackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/org-baseline/1',
    logicalResourceId: 'Baseline',
    owns: [
      { path: ['Policies', 'PasswordPolicy', 'MinimumLength'], since: 10 },
      { path: ['AutoVerifiedAttributes'], since: 10 },
      { path: ['UserPoolTags', 'security'], since: 12 },
    ],
  },
};

describe('member ownership', () => {
  it('owns each leaf: a list is one leaf, tags one per key; assertions own nothing', () => {
    const declared = {
      Policies: { PasswordPolicy: { MinimumLength: 14, RequireSymbols: true } },
      AutoVerifiedAttributes: ['email'],
      UserPoolTags: { team: 'checkout', 'cost.center': '42' },
      PoolName: 'users',
      Schema: [{ Name: 'tenant' }],
    };
    expect(ownedPaths(declared, ['PoolName', 'Schema'])).toEqual([
      ['Policies', 'PasswordPolicy', 'MinimumLength'],
      ['Policies', 'PasswordPolicy', 'RequireSymbols'],
      ['AutoVerifiedAttributes'],
      ['UserPoolTags', 'team'],
      ['UserPoolTags', 'cost.center'],
    ]);
  });

  it('a block that another mode replaces whole is one member, whichever of its leaves is declared', () => {
    const declared = {
      EmailConfiguration: { EmailSendingAccount: 'DEVELOPER', SourceArn: 'arn:aws:ses:us-east-1:1:identity/a' },
      DeletionProtection: 'ACTIVE',
    };
    expect(ownedPaths(declared, [], ['EmailConfiguration'])).toEqual([['EmailConfiguration'], ['DeletionProtection']]);
    expect(overlaps(['EmailConfiguration'], ['EmailConfiguration', 'ReplyToEmailAddress'])).toBe(true);
  });

  it('two members overlap when one is the other or inside it, never when they are siblings', () => {
    expect(overlaps(['Policies', 'PasswordPolicy'], ['Policies', 'PasswordPolicy', 'MinimumLength'])).toBe(true);
    expect(overlaps(['Policies', 'PasswordPolicy', 'MinimumLength'], ['Policies'])).toBe(true);
    expect(overlaps(['AutoVerifiedAttributes'], ['AutoVerifiedAttributes'])).toBe(true);
    expect(
      overlaps(['Policies', 'PasswordPolicy', 'MinimumLength'], ['Policies', 'PasswordPolicy', 'RequireSymbols']),
    ).toBe(false);
    expect(overlaps(['UserPoolTags', 'team'], ['UserPoolTags', 'security'])).toBe(false);
  });

  it('names each conflicting member with the stack, logical id and settings name of its owner', () => {
    const conflicts = ownershipConflicts(
      [['Policies', 'PasswordPolicy', 'MinimumLength'], ['UserPoolTags', 'team'], ['AutoVerifiedAttributes']],
      [baseline],
    );
    expect(conflicts.map(describeConflict)).toEqual([
      'Policies.PasswordPolicy.MinimumLength is owned by Baseline in stack arn:aws:cloudformation:us-east-1:123456789012:stack/org-baseline/1 (SettingsName org-baseline)',
      'AutoVerifiedAttributes is owned by Baseline in stack arn:aws:cloudformation:us-east-1:123456789012:stack/org-baseline/1 (SettingsName org-baseline)',
    ]);
    expect(conflicts.map((conflict) => conflict.since)).toEqual([10, 10]);
  });

  it('keeps the time a member was first claimed across updates: an update never loses a member to a newcomer', () => {
    const before = [{ path: ['DeletionProtection'], since: 5 }];
    expect(ownedMembers([['DeletionProtection'], ['UserPoolTier']], before, 99)).toEqual([
      { path: ['DeletionProtection'], since: 5 },
      { path: ['UserPoolTier'], since: 99 },
    ]);
    expect(sameMembers(before, [{ path: ['DeletionProtection'], since: 7 }])).toBe(true);
    expect(sameMembers(undefined, [])).toBe(false);
  });

  it("a resource's share is the leaves under what it owns, and its assertions whole", () => {
    const settings = {
      Policies: { PasswordPolicy: { MinimumLength: 14, RequireSymbols: true } },
      UserPoolTags: { security: 'baseline', team: 'checkout' },
      PoolName: 'users',
      DeletionProtection: 'ACTIVE',
    };
    expect(ownShare(settings, baseline.record.owns ?? [], ['PoolName'])).toEqual({
      PoolName: 'users',
      Policies: { PasswordPolicy: { MinimumLength: 14 } },
      UserPoolTags: { security: 'baseline' },
    });
  });
});
