/**
 * Every TypeScript file belongs to the strict project of its runtime, found through the root
 * tsconfig.json's references (which is how editors pick a file's settings: a file in no project
 * gets their default, non-strict ones), and a dedicated worker's entry (*-worker.ts) is checked
 * against the WebWorker lib by its name pattern, not by a list of names.
 */
import { readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** Folders of TypeScript the tsconfigs must cover (wasm/ is AssemblyScript, with its own compiler). */
const CHECKED = ['src', 'tests', 'bench', 'scripts'];
/** Broken on purpose: the lint rules' fixtures (tests/unit/lint/lint-rules.test.ts). */
const NOT_CHECKED = /^tests\/fixtures\//;

function project(path: string): { options: ts.CompilerOptions; files: string[]; references: string[] } {
  const file = join(ROOT, path);
  const { config, error } = ts.readConfigFile(file, (p) => ts.sys.readFile(p));
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, dirname(file), undefined, file);
  return {
    options: parsed.options,
    files: parsed.fileNames.map((f) => relative(ROOT, f)),
    references: (parsed.projectReferences ?? []).map((r) => relative(ROOT, ts.resolveProjectReferencePath(r))),
  };
}

function typeScriptFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : typeScriptFiles(path);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.mts') ? [path] : [];
  });
}

const root = project('tsconfig.json');
const projects = new Map(root.references.map((path) => [path, project(path)]));

describe('tsconfig projects', () => {
  it('the root tsconfig compiles nothing itself and references one project per runtime, each strict', () => {
    expect(root.files).toEqual([]);
    expect([...projects.keys()].sort()).toEqual(['bench/tsconfig.json', 'tsconfig.app.json', 'tsconfig.node.json', 'tsconfig.sw.json', 'tsconfig.worker.json']);
    for (const [path, p] of projects) {
      expect(p.options.strict, path).toBe(true);
      expect(p.options.noUncheckedIndexedAccess, path).toBe(true);
    }
  });

  it('puts every TypeScript file under src/, tests/, bench/ and scripts/ in a referenced project', () => {
    const covered = new Set([...projects.values()].flatMap((p) => p.files));
    const orphans = CHECKED.flatMap(typeScriptFiles).filter((f) => !NOT_CHECKED.test(f) && !covered.has(f));
    expect(orphans).toEqual([]);
  });

  it('checks each *-worker.ts entry against the WebWorker lib and not the DOM one, by its name pattern', () => {
    const workers = typeScriptFiles('src').filter((f) => f.endsWith('-worker.ts'));
    expect(workers).toContain('src/crypto/crypto-worker.ts');
    const worker = projects.get('tsconfig.worker.json')!;
    const app = projects.get('tsconfig.app.json')!;
    expect(worker.options.lib).toContain('lib.webworker.d.ts');
    expect(worker.options.lib).not.toContain('lib.dom.d.ts');
    expect(worker.files.filter((f) => f !== 'src/env.d.ts').sort()).toEqual(workers.sort());
    for (const f of workers) expect(app.files).not.toContain(f);
  });
});
