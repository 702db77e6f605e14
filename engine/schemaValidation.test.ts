import { createPropertiesValidator } from './schemaValidation';

const validate = createPropertiesValidator({
  type: 'object',
  additionalProperties: false,
  properties: {
    MfaConfiguration: { type: 'string', enum: ['OFF', 'ON', 'OPTIONAL'] },
    DeletionProtection: { type: 'string', enum: ['ACTIVE', 'INACTIVE'] },
  },
});

describe('properties checked as CloudFormation sends them', () => {
  it('says when YAML read an unquoted OFF or ON as a boolean, and how to quote it', () => {
    expect(validate({ MfaConfiguration: 'false' })).toEqual([
      "MfaConfiguration: must be one of OFF, ON, OPTIONAL (got false: YAML reads an unquoted OFF or ON as a boolean; quote it, for example 'OFF')",
    ]);
    expect(validate({ MfaConfiguration: true })).toEqual([expect.stringContaining('quote it')]);
  });

  it('gives no such hint where no allowed value is a YAML boolean word, or for another value', () => {
    expect(validate({ DeletionProtection: 'false' })).toEqual(['DeletionProtection: must be one of ACTIVE, INACTIVE']);
    expect(validate({ MfaConfiguration: 'MAYBE' })).toEqual(['MfaConfiguration: must be one of OFF, ON, OPTIONAL']);
  });
});
