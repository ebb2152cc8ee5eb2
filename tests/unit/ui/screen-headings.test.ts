/**
 * Every page heading goes through ScreenHeading, which moves focus to it when a screen or a
 * step's result replaces what was focused (GOV.UK; focus was left on <body> after
 * "Credential added", whose panel had a plain <h1>). A plain <h1> anywhere else in the UI would
 * bring that back: this guard names the file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const UI = join(import.meta.dirname, '../../../src/ui');

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(path);
    return entry.name.endsWith('.tsx') ? [path] : [];
  });
}

describe('page headings', () => {
  it('are ScreenHeading everywhere in the UI (focus moves to them), never a plain <h1>', () => {
    const plain = tsxFiles(UI)
      .filter((file) => !file.endsWith(join('components', 'ScreenHeading.tsx')))
      .filter((file) => /<h1[\s>]/.test(readFileSync(file, 'utf8')))
      .map((file) => file.slice(UI.length + 1));
    expect(plain).toEqual([]);
  });
});
