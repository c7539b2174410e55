import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * GraphQL Code Generator's client preset on the public API schema: typed operations from
 * `operations/*.graphql`, as plain strings (`documentMode: 'string'`) so that fetch can send them
 * with no GraphQL library at run time. Regenerate with `npm run codegen:partner-client`.
 */
const config: CodegenConfig = {
  schema: 'schema/api.graphql',
  documents: ['examples/partner-client/operations/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'examples/partner-client/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        // Imports with .js, as this repository's nodenext resolution requires.
        importExtension: '.js',
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { Date: 'string', DateTime: 'string', CountryCode: 'string' },
      },
    },
  },
};

export default config;
