/**
 * org-settings.json, deployed by the organisation beside taskpane.html. No file (or no network)
 * means the strict defaults; an invalid file is refused with a message naming the field.
 */
import { parseOrgSettings, type ParsedOrgSettings } from '../policy';

export const ORG_SETTINGS_URL = 'org-settings.json';

export async function fetchOrgSettings(fetcher: typeof fetch | undefined = globalThis.fetch): Promise<ParsedOrgSettings> {
  if (!fetcher) return parseOrgSettings(undefined);
  let response: Response;
  try {
    response = await fetcher(ORG_SETTINGS_URL, { cache: 'no-cache' });
  } catch {
    return parseOrgSettings(undefined); // offline, or a page without a base URL
  }
  if (response.status === 404 || !response.ok) return parseOrgSettings(undefined);
  return parseOrgSettings(await response.text());
}
