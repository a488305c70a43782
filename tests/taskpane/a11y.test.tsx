// @vitest-environment happy-dom
// The workspace with every step open has no axe-detectable violations (labels, names, roles, ARIA).
import { cleanup } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { setLanguage } from '../../src/i18n';
import { fireEvent, hostWithPassage, openStep, renderPane, screen } from './helpers';

beforeEach(() => {
  localStorage.clear();
  setLanguage('vi');
});
afterEach(() => cleanup());

it('every control of every step is named and the ARIA is valid', async () => {
  const { host } = await hostWithPassage();
  await renderPane(host, { org: { providers: [{ id: 'openai', name: 'OpenAI', tier: 'public', baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini', apiKeyRequired: true }] } });
  for (let n = 1; n <= 7; n++) openStep(n);
  fireEvent.click(screen.getByRole('button', { name: 'Cài đặt' }));
  const result = await axe.run(document.body, {
    // Colour contrast and layout need a real rendering engine (checked in the browser tests).
    rules: { 'color-contrast': { enabled: false }, region: { enabled: false } },
  });
  const problems = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  expect(problems).toEqual([]);
});
