import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { en } from '../../../shared/catalogues';
import { enFirstScreen } from '../../../../src/ui/i18n/en-first-screen';

const ROOT = resolve(__dirname, '../../../..');
const ENTRY = resolve(ROOT, 'src/ui/boot.ts');

/** A relative import's file, as Vite resolves it (no extension, or a folder's index). */
function resolveImport(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined; // a package: holds no words of ours
  const base = resolve(dirname(from), specifier);
  return [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`, base].find((file) => /\.tsx?$/.test(file) && existsSync(file));
}

/** The imports and re-exports that bring code with them: not `import type`, not dynamic `import()`. */
function valueImports(source: ts.SourceFile): string[] {
  const specifiers: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      const onlyTypes = clause !== undefined && (clause.isTypeOnly || (!clause.name && clause.namedBindings !== undefined && ts.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every((e) => e.isTypeOnly)));
      if (!onlyTypes) specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return specifiers;
}

/** Every module the entry script runs before anything is fetched on demand: its static import closure. */
function entryModules(): Map<string, ts.SourceFile> {
  const modules = new Map<string, ts.SourceFile>();
  const queue = [ENTRY];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (modules.has(file)) continue;
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    modules.set(file, source);
    for (const specifier of valueImports(source)) {
      const imported = resolveImport(file, specifier);
      if (imported) queue.push(imported);
    }
  }
  return modules;
}

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
