/**
 * Writes docs/org-settings.schema.json: the JSON Schema of org-settings.json, generated from the zod
 * schema the product validates it with (src/policy/org-settings.ts), so an administrator's editor can
 * check the file as it is typed (`"$schema": "./org-settings.schema.json"`). Committed; a test checks
 * the committed file is what this script makes today.
 *
 *   npx tsx scripts/make-settings-schema.ts
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { orgSettingsShape } from '../src/policy/org-settings';
import { BUILT_IN_PROFILE_IDS } from '../src/policy/profiles';
import { profileSchema } from '../src/policy/schema';

export const SETTINGS_SCHEMA_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'org-settings.schema.json');

export function settingsJsonSchema(): Record<string, unknown> {
  // In the file, `profile` is a built-in id or an organisation's own profile (checked after the shape).
  const document = orgSettingsShape.safeExtend({
    profile: z.union([z.enum(BUILT_IN_PROFILE_IDS as [string, ...string[]]), profileSchema]).optional(),
  });
  const schema = z.toJSONSchema(document, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
  return {
    ...schema,
    $id: 'urn:aiprov:org-settings:1',
    title: 'aiprov org-settings.json',
    description:
      'Settings of the organisation for aiprov (Word add-in, ONLYOFFICE plugin, CLI): the rules profile, the AI providers, locked settings and defaults. API keys are never allowed here. See docs/org-settings.md.',
  };
}

export function settingsSchemaText(): string {
  return JSON.stringify(settingsJsonSchema(), null, 2) + '\n';
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(SETTINGS_SCHEMA_PATH, settingsSchemaText());
  console.log(SETTINGS_SCHEMA_PATH);
}
