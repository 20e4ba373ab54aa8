import fc from 'fast-check';

/** The part of JSON Schema (as zod-openapi writes it into the OpenAPI document) the fuzzer reads. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  default?: unknown;
}

/** Strings that have broken servers before: storage limits, encodings, injection, paths, huge. */
export const nastyStrings = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfff',
  '\ud83d\ude00',
  '\uffff',
  '\u202e',
  "' OR 1=1 --",
  '"; DROP TABLE alumni; --',
  '../../etc/passwd',
  '%00',
  '%ED%A0%80',
  '<script>alert(1)</script>',
  '{"$ne": null}',
  'null',
  'NaN',
  '-1',
  '1e308',
  '9007199254740993',
  '山田 太郎',
  'x'.repeat(5000),
  '['.repeat(200),
];

const anyString = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 3, arbitrary: fc.constantFrom(...nastyStrings) },
);

/** Any JSON value, sometimes very wrong: deep, big, or made of nasty strings. */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 2, arbitrary: anyString },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 60 }).map((depth) => nest(depth)) },
  { weight: 1, arbitrary: fc.constantFrom(Number.MAX_SAFE_INTEGER, -0, 1e308, -1, 0.5) },
);

function nest(depth: number): unknown {
  let value: unknown = 'deep';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

/**
 * Values for a schema: mostly valid (so requests get past the first check and reach the handlers and the
 * database), sometimes wrong in one place (a mutated field, a missing required one, an extra key).
 */
export function arbitraryFor(schema: JsonSchema, components: Record<string, JsonSchema>, depth = 0): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 6, arbitrary: validFor(schema, components, depth) },
    { weight: 1, arbitrary: anyJson },
  );
}

function validFor(schema: JsonSchema, components: Record<string, JsonSchema>, depth: number): fc.Arbitrary<unknown> {
  if (depth > 8) return anyJson;
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = components[name];
    return target ? validFor(target, components, depth + 1) : anyJson;
  }
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices?.length) return fc.oneof(...choices.map((choice) => arbitraryFor(choice, components, depth + 1)));
  if (schema.allOf?.length) return validFor(Object.assign({}, ...schema.allOf), components, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'string':
      return stringFor(schema);
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -10, max: schema.maximum ?? 10_000 });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(schema.items ? arbitraryFor(schema.items, components, depth + 1) : anyJson, {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 4, 4),
      });
    case 'object':
    case undefined: {
      const properties = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const shape = Object.fromEntries(Object.entries(properties).map(([key, child]) => [key, arbitraryFor(child, components, depth + 1)]));
      const record = fc.record(shape, { requiredKeys: Object.keys(properties).filter((key) => required.has(key)) });
      return fc.oneof(
        { weight: 8, arbitrary: record },
        // One required field left out, or an unknown key added.
        { weight: 1, arbitrary: fc.tuple(record, fc.constantFrom(...(required.size ? [...required] : ['x']))).map(([value, key]) => omit(value, key)) },
        { weight: 1, arbitrary: fc.tuple(record, anyString, anyJson).map(([value, key, extra]) => ({ ...(value as object), [key]: extra })) },
      );
    }
    default:
      return anyJson;
  }
}

function omit(value: unknown, key: string): unknown {
  if (!value || typeof value !== 'object') return value;
  const { [key]: _dropped, ...rest } = value as Record<string, unknown>;
  return rest;
}

function stringFor(schema: JsonSchema): fc.Arbitrary<string> {
  const max = Math.min(schema.maxLength ?? 60, 60);
  switch (schema.format) {
    case 'uuid':
      return fc.uuid();
    case 'date-time':
      return fc.date({ min: new Date('2000-01-01'), max: new Date('2035-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
    case 'date':
      return fc.date({ min: new Date('2000-01-01'), max: new Date('2035-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    case 'email':
      return fc.emailAddress();
    default:
      break;
  }
  if (schema.pattern === '^\\d{4}-(0[1-9]|1[0-2])$') {
    return fc.tuple(fc.integer({ min: 1990, max: 2030 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);
  }
  return fc.oneof(
    { weight: 4, arbitrary: fc.string({ minLength: Math.max(1, schema.minLength ?? 1), maxLength: Math.max(1, max) }) },
    { weight: 1, arbitrary: fc.webUrl() },
    { weight: 1, arbitrary: fc.domain() },
    { weight: 1, arbitrary: fc.constantFrom(...nastyStrings) },
  );
}
