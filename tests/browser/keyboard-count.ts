/**
 * Counting a keyboard path through the pane. `reach` moves focus to an element with Tab or
 * Shift+Tab, whichever takes fewer presses (a person who knows the pane picks the shorter way), and
 * counts them; `press` counts every other key. Typed text is counted apart (the same characters on
 * any layout), so the count compares layouts, not prompts.
 */
import type { Locator, Page } from 'playwright-core';

export interface KeyCounter {
  /** Non-character key presses: Tab, Shift+Tab, Enter, Space, arrows, Escape. */
  presses: number;
  /** Characters typed into fields. */
  typed: number;
  /** Presses per labelled stage, in order. */
  log: { stage: string; presses: number }[];
}

export function keyCounter(): KeyCounter {
  return { presses: 0, typed: 0, log: [] };
}

const MAX_TABS = 400;

async function focused(target: Locator): Promise<boolean> {
  return target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement));
}

/** Tabs in one direction until `target` has focus; returns the number of presses (Infinity: never). */
async function tabsTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab'): Promise<number> {
  for (let n = 0; n <= MAX_TABS; n++) {
    if (await focused(target)) return n;
    await page.keyboard.press(key);
  }
  return Number.POSITIVE_INFINITY;
}

/** Moves focus to `target` the shorter way round and counts the presses. */
export async function reach(page: Page, counter: KeyCounter, target: Locator): Promise<void> {
  await target.waitFor();
  const start = await page.evaluateHandle(() => document.activeElement);
  const restore = () =>
    start.evaluate((el) => {
      if (el && el !== document.body && el instanceof HTMLElement) el.focus();
      else (document.activeElement as HTMLElement | null)?.blur?.();
    });
  const forward = await tabsTo(page, target, 'Tab');
  await restore();
  const backward = await tabsTo(page, target, 'Shift+Tab');
  const best = Math.min(forward, backward);
  if (!Number.isFinite(best)) throw new Error(`reach: ${String(target)} is not reachable with Tab`);
  if (forward < backward) {
    await restore();
    await tabsTo(page, target, 'Tab');
  }
  counter.presses += best;
}

export async function press(page: Page, counter: KeyCounter, key: string, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
  counter.presses += times;
}

export async function typeText(page: Page, counter: KeyCounter, text: string): Promise<void> {
  await page.keyboard.type(text);
  counter.typed += [...text].length;
}

/** Reach `target` and press Enter on it. */
export async function activate(page: Page, counter: KeyCounter, target: Locator, key = 'Enter'): Promise<void> {
  await reach(page, counter, target);
  await press(page, counter, key);
}

/** Marks the end of a stage (for the log printed with the total). */
export function stage(counter: KeyCounter, name: string): void {
  const before = counter.log.reduce((sum, s) => sum + s.presses, 0);
  counter.log.push({ stage: name, presses: counter.presses - before });
}
