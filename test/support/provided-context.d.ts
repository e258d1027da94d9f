import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    temporalCli: string;
    temporalTestServer: string;
    temporalAddress: string;
  }
}
