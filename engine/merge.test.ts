import { deepMerge, pruneEmpty } from './merge';

describe('deepMerge', () => {
  it('merges objects key by key and keeps what is not declared', () => {
    const described = { PasswordPolicy: { MinimumLength: 8, RequireSymbols: true }, SignInPolicy: { A: ['PASSWORD'] } };
    expect(deepMerge(described, { PasswordPolicy: { MinimumLength: 12 } })).toEqual({
      PasswordPolicy: { MinimumLength: 12, RequireSymbols: true },
      SignInPolicy: { A: ['PASSWORD'] },
    });
  });

  it('replaces arrays instead of merging them', () => {
    expect(deepMerge({ list: ['email', 'phone_number'] }, { list: ['email'] })).toEqual({ list: ['email'] });
  });

  it('replaces scalars, including false and zero', () => {
    expect(deepMerge({ a: true, b: 5 }, { a: false, b: 0 })).toEqual({ a: false, b: 0 });
  });

  it('leaves the described value when the declaration is undefined', () => {
    expect(deepMerge({ a: 1 }, undefined)).toEqual({ a: 1 });
    expect(deepMerge({ a: 1 }, { a: undefined })).toEqual({ a: 1 });
  });

  it('does not modify its inputs', () => {
    const described = { nested: { a: 1 } };
    deepMerge(described, { nested: { a: 2 } });
    expect(described).toEqual({ nested: { a: 1 } });
  });
});

describe('pruneEmpty', () => {
  it('drops undefined members and objects left empty', () => {
    expect(pruneEmpty({ a: undefined, b: {}, c: { d: undefined }, e: 1 })).toEqual({ e: 1 });
    expect(pruneEmpty({})).toBeUndefined();
  });

  it('keeps false, zero and empty strings', () => {
    expect(pruneEmpty({ a: false, b: 0, c: '' })).toEqual({ a: false, b: 0, c: '' });
  });
});
