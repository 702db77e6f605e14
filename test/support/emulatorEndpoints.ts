/**
 * The SDK's per-service endpoint variables the handlers honour: Cognito, and Parameter
 * Store for both types' ownership records. The local proxy serves both on one port.
 */
export const ENDPOINT_VARIABLES = ['AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER', 'AWS_ENDPOINT_URL_SSM'] as const;

/** Points every handler SDK client at `endpoint`; returns what puts the previous values back. */
export function pointHandlersAt(endpoint: string): () => void {
  const previous = ENDPOINT_VARIABLES.map((name) => [name, process.env[name]] as const);
  for (const name of ENDPOINT_VARIABLES) process.env[name] = endpoint;
  return () => {
    for (const [name, value] of previous) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}

/** The same, as environment variables for a child process. */
export function endpointEnvironment(endpoint: string): Record<string, string> {
  return Object.fromEntries(ENDPOINT_VARIABLES.map((name) => [name, endpoint]));
}
