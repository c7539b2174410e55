import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildASTSchema,
  getNamedType,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLObjectType,
  isEnumType,
  isInputObjectType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  parse,
} from 'graphql';
import { printSchemas, SCHEMA_DIR } from '../schema/compose.js';

describe('schema/ (composition at build time)', () => {
  let printed: Awaited<ReturnType<typeof printSchemas>>;
  beforeAll(async () => {
    printed = await printSchemas();
  });

  it('composes without errors or hints', () => {
    expect(printed.errors).toEqual([]);
    expect(printed.hints).toEqual([]);
  });

  it('matches the checked-in SDL files and supergraph (npm run schema:print)', () => {
    for (const [name, content] of printed.files) {
      expect(readFileSync(path.join(SCHEMA_DIR, name), 'utf8')).toBe(content);
    }
    expect([...printed.files.keys()].sort()).toEqual([
      'api.graphql',
      'assistance.graphql',
      'police.graphql',
      'prosecution.graphql',
      'supergraph.graphql',
    ]);
  });

  it('is Federation 2: every subgraph links the federation v2 spec', () => {
    for (const name of ['police', 'assistance', 'prosecution']) {
      expect(printed.files.get(`${name}.graphql`)).toMatch(/@link\(url: "https:\/\/specs\.apollo\.dev\/federation\/v2\.\d+"/);
    }
    expect(printed.files.get('supergraph.graphql')).toMatch(/@link\(url: "https:\/\/specs\.apollo\.dev\/join\/v0\.[3-9]"/);
  });

  it('keys the cross-agency entities by id in their owners', () => {
    const police = printed.files.get('police.graphql') ?? '';
    for (const type of ['Case', 'Detection', 'Suspect']) expect(police).toMatch(new RegExp(`type ${type}\\s+@key\\(fields: "id"\\)`));
    expect(printed.files.get('assistance.graphql')).toMatch(/type Migrant\s+@key\(fields: "id"\)/);
  });

  it('keeps Smuggling Protocol Art. 5: a defendant is a police Suspect, and nothing turns a Migrant into one', () => {
    const supergraph = buildASTSchema(parse(printed.files.get('supergraph.graphql') ?? ''), { assumeValidSDL: true });
    const namedTypes = (typeName: string) =>
      Object.values((supergraph.getType(typeName) as GraphQLObjectType).getFields()).map((field) => getNamedType(field.type).name);
    expect(String((supergraph.getType('Defendant') as GraphQLObjectType).getFields().suspect.type)).toBe('Suspect');
    expect(namedTypes('Defendant')).not.toContain('Migrant');
    for (const forbidden of ['Suspect', 'Defendant']) expect(namedTypes('Migrant')).not.toContain(forbidden);
    for (const type of Object.values(supergraph.getTypeMap())) {
      if (!isInputObjectType(type)) continue;
      const fields = Object.keys(type.getFields());
      // No input may carry a migrant into a defendant or suspect.
      if (/Defendant|Suspect/.test(type.name)) expect(fields).not.toContain('migrantId');
    }
  });

  it('describes every type, field, argument and enumeration value for partner developers', () => {
    const supergraph = buildASTSchema(parse(printed.files.get('supergraph.graphql') ?? ''), { assumeValidSDL: true });
    const missing: string[] = [];
    for (const type of Object.values(supergraph.getTypeMap())) {
      if (isIntrospectionType(type) || isSpecifiedScalarType(type) || /^(join__|link__|_)/.test(type.name)) continue;
      if (['Query', 'Mutation'].includes(type.name)) {
        // Root type: its fields are checked below.
      } else if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInputObjectType(type)) {
        for (const field of Object.values<GraphQLField<unknown, unknown> | GraphQLInputField>(type.getFields())) {
          if (field.name.startsWith('_')) continue;
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          if ('args' in field) for (const arg of field.args) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
    }
    expect(missing).toEqual([]);
  });
});
