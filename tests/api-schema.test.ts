import { buildSchema, GraphQLEnumType, isEnumType, isInputObjectType, isInterfaceType, isObjectType } from 'graphql';
import { loadTypeDefs } from '../src/graphql/schema';
import { NODE_KIND_NAMES, NODE_KINDS, RELATIONSHIP_TYPE_NAMES } from '../src/model/model';
import { enumName } from '../src/model/sdl';

const schema = buildSchema(loadTypeDefs());
const enumValues = (name: string) => (schema.getType(name) as GraphQLEnumType).getValues().map((v) => v.name);

describe('the schema says what the model says', () => {
  it('has one GraphQL type per node kind, each a Node and an Entity', () => {
    expect(enumValues('NodeKind')).toEqual([...NODE_KIND_NAMES]);
    for (const kind of NODE_KIND_NAMES) {
      const type = schema.getType(kind);
      expect(isObjectType(type)).toBe(true);
      if (!isObjectType(type)) continue;
      expect(type.getInterfaces().map((i) => i.name).sort()).toEqual(['Entity', 'Node']);
      // every model field is a GraphQL field of the same name
      for (const field of Object.keys(NODE_KINDS[kind].fields)) expect(Object.keys(type.getFields())).toContain(field);
    }
  });

  it('lists the relationship types of the model', () => {
    expect(enumValues('RelationshipType')).toEqual([...RELATIONSHIP_TYPE_NAMES]);
  });

  // Every field of the model with fixed values is an enum of the API with exactly those values.
  const enumFields = NODE_KIND_NAMES.flatMap((kind) =>
    Object.entries(NODE_KINDS[kind].fields)
      .filter(([, f]) => f.values)
      .map(([field, f]) => [enumName(kind, field), Object.keys(f.values ?? {})] as const),
  );
  it.each(enumFields)('%s has exactly the values the model allows', (name, values) => {
    expect(enumValues(name)).toEqual(values);
  });

  it('has a type and a …Link for every kind of the model, each with its own fields', () => {
    for (const kind of NODE_KIND_NAMES) {
      const type = schema.getType(kind);
      expect([kind, isObjectType(type)]).toEqual([kind, true]);
      if (!isObjectType(type)) continue;
      for (const field of Object.keys(NODE_KINDS[kind].fields)) expect([kind, field, field in type.getFields()]).toEqual([kind, field, true]);
      expect(isObjectType(schema.getType(`${kind}Link`))).toBe(true);
    }
  });

  it('describes every type, field and enum value', () => {
    const undescribed: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      if (!type.description) undescribed.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const f of Object.values(type.getFields())) if (!f.description) undescribed.push(`${type.name}.${f.name}`);
      }
      if (isEnumType(type)) for (const v of type.getValues()) if (!v.description) undescribed.push(`${type.name}.${v.name}`);
    }
    expect(undescribed).toEqual([]);
  });

  it('keeps the public names of issue 4', () => {
    const query = schema.getQueryType()!.getFields();
    for (const name of ['node', 'organisations', 'people', 'agreements', 'programmes', 'search', 'neighbourhood', 'paths', 'commonPartners', 'timeline']) {
      expect(query).toHaveProperty(name);
    }
    const fields = (t: string) => Object.keys((schema.getType(t) as never as { getFields(): object }).getFields());
    expect(fields('Agreement')).toEqual(expect.arrayContaining(['parties', 'signatories', 'programmes', 'clauses', 'commitments', 'renews', 'renewedBy']));
    expect(fields('Person')).toEqual(expect.arrayContaining(['signed', 'roles']));
    expect(fields('Organisation')).toEqual(expect.arrayContaining(['agreements', 'people']));
    expect(fields('Programme')).toEqual(expect.arrayContaining(['commitments', 'agreement']));
    expect(fields('Signature')).toEqual(expect.arrayContaining(['person', 'agreement', 'onBehalfOf', 'date', 'evidence']));
    expect(fields('Role')).toEqual(expect.arrayContaining(['title', 'organisation', 'evidence']));
    expect(fields('Evidence')).toEqual(['source', 'quote']);
    expect(fields('SearchHit')).toEqual(['score', 'node']);
    expect(fields('Neighbourhood')).toEqual(expect.arrayContaining(['nodes', 'edges', 'truncated']));
    expect(Object.keys(query.paths!.args.reduce((o, a) => ({ ...o, [a.name]: 1 }), {}))).toEqual(
      expect.arrayContaining(['from', 'to', 'maxLength', 'shortestOnly', 'excludeHubsAbove', 'first']),
    );
  });
});
