/**
 * The modules the page's entry script runs before anything is fetched on demand: the static import
 * closure of src/ui/boot.ts, read from the sources with TypeScript's parser. What the first screen
 * carries is asserted on it (the first screen's words, the vault's state without its operations).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import ts from 'typescript';

export const ROOT = resolve(__dirname, '../..');
const ENTRY = resolve(ROOT, 'src/ui/boot.ts');

/** A relative import's file, as Vite resolves it (no extension, or a folder's index). */
function resolveImport(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined; // a package: not ours to read
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
export function entryModules(): Map<string, ts.SourceFile> {
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
