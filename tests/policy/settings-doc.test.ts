// docs/org-settings.schema.json is what scripts/make-settings-schema.ts makes from the zod schema today,
// and the commented example of docs/org-settings.md is accepted by the product.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseOrgSettings } from '../../src/policy';
import { SETTINGS_SCHEMA_PATH, settingsJsonSchema, settingsSchemaText } from '../../scripts/make-settings-schema';

const DOC = path.resolve(import.meta.dirname, '../../docs/org-settings.md');

function documentedExample(): string {
  const markdown = readFileSync(DOC, 'utf8');
  const block = /```jsonc\n([\s\S]*?)```/.exec(markdown)?.[1];
  if (!block) throw new Error('no ```jsonc block in docs/org-settings.md');
  return block.split('\n').filter((line) => !/^\s*\/\//.test(line)).join('\n');
}

describe('org-settings documentation', () => {
  it('the committed JSON Schema is generated from the zod schema', () => {
    expect(readFileSync(SETTINGS_SCHEMA_PATH, 'utf8')).toBe(settingsSchemaText());
  });

  it('the schema describes the fields the product reads, and refuses unknown ones', () => {
    const schema = settingsJsonSchema() as { properties: Record<string, unknown>; additionalProperties: unknown };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['profile', 'providers', 'locked', 'defaults']));
    expect(schema.additionalProperties).toBe(false);
    expect(JSON.stringify(schema.properties.profile)).toContain('qc-pb-2026');
  });

  it('the commented example, without its comments, is accepted as it is', () => {
    const parsed = parseOrgSettings(documentedExample());
    expect(parsed.error).toBeUndefined();
    expect(parsed.settings.profile).toBe('qc-pb-2026');
    expect(parsed.settings.providers.map((p) => p.id)).toEqual(['noibo', 'openai']);
  });
});
