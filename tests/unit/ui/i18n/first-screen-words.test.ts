import { relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { en } from '../../../shared/catalogues';
import { entryModules, ROOT } from '../../../shared/entry-modules';
import { enFirstScreen } from '../../../../src/ui/i18n/en-first-screen';

/** The catalogue keys a module names in a string literal (how the entry's code names its words). */
function keysNamedIn(source: ts.SourceFile): string[] {
  const keys: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && Object.hasOwn(en, node.text)) keys.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return keys;
}

describe('the first screen’s words (issue 18)', () => {
  const modules = entryModules();
  const catalogueFiles = new Set(['en.ts', 'en-first-screen.ts', 'cy.ts', 'cy-first-screen.ts'].map((name) => resolve(ROOT, 'src/ui/i18n', name)));
  const named = new Set([...modules].filter(([file]) => !catalogueFiles.has(file)).flatMap(([, source]) => keysNamedIn(source)));

  it('reads the entry’s modules (a sanity check of the walk itself)', () => {
    const files = [...modules.keys()].map((file) => relative(ROOT, file));
    expect(files).toEqual(expect.arrayContaining(['src/ui/main.tsx', 'src/ui/App.tsx', 'src/ui/screens/StartScreen.tsx', 'src/ui/screens/UnlockScreen.tsx', 'src/ui/i18n/en-first-screen.ts']));
    expect(named).toContain('start.title');
  });

  it('has every word the entry’s code names among the first screen’s words', () => {
    const missing = [...named].filter((key) => !Object.hasOwn(enFirstScreen, key));
    expect(missing, 'keys named by the entry script but only in en.ts: move them to en-first-screen.ts and cy-first-screen.ts').toEqual([]);
  });

  it('has no first-screen word the entry does not name (each one costs every first visit its bytes)', () => {
    const unused = Object.keys(enFirstScreen).filter((key) => !named.has(key));
    expect(unused, 'first-screen words no entry module names: move them to en.ts and cy.ts').toEqual([]);
  });

  it('keeps the whole catalogues out of the entry script', () => {
    const inEntry = ['en.ts', 'cy.ts', 'cy-first-screen.ts'].filter((name) => modules.has(resolve(ROOT, 'src/ui/i18n', name)));
    expect(inEntry).toEqual([]);
  });
});
