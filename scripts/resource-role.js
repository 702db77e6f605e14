'use strict';
// The execution role CloudFormation assumes to run the handlers: exactly the union of
// the permissions the schema's handlers declare, as `cfn generate` derives it.

function renderResourceRole(schema) {
  const actions = [...new Set(Object.values(schema.handlers).flatMap((handler) => handler.permissions))].sort();
  const maxTimeout = Math.max(...Object.values(schema.handlers).map((handler) => handler.timeoutInMinutes ?? 120));
  const sessionSeconds = Math.min(Math.max(maxTimeout * 60, 3600), 43200);
  const lines = [
    'AWSTemplateFormatVersion: "2010-09-09"',
    'Description: >',
    `  This CloudFormation template creates a role assumed by CloudFormation during CRUDL operations to mutate resources on behalf of the customer.`,
    '',
    'Resources:',
    '  ExecutionRole:',
    '    Type: AWS::IAM::Role',
    '    Properties:',
    `      MaxSessionDuration: ${sessionSeconds}`,
    '      AssumeRolePolicyDocument:',
    '        Version: "2012-10-17"',
    '        Statement:',
    '          - Effect: Allow',
    '            Principal:',
    '              Service: resources.cloudformation.amazonaws.com',
    '            Action: sts:AssumeRole',
    '            Condition:',
    '              StringEquals:',
    '                aws:SourceAccount:',
    '                  Ref: AWS::AccountId',
    '              StringLike:',
    '                aws:SourceArn:',
    '                  Fn::Sub: arn:${AWS::Partition}:cloudformation:${AWS::Region}:${AWS::AccountId}:type/resource/' +
      schema.typeName.replace(/::/g, '-') +
      '/*',
    '      Path: "/"',
    '      Policies:',
    '        - PolicyName: ResourceTypePolicy',
    '          PolicyDocument:',
    '            Version: "2012-10-17"',
    '            Statement:',
    '              - Effect: Allow',
    '                Action:',
    ...actions.map((action) => `                  - "${action}"`),
    '                Resource: "*"',
    'Outputs:',
    '  ExecutionRoleArn:',
    '    Value:',
    '      Fn::GetAtt: ExecutionRole.Arn',
    '',
  ];
  return lines.join('\n');
}

module.exports = { renderResourceRole };
