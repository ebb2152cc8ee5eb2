import postcss from 'postcss';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstScreenStyled, requiredClasses, trimUnusedGovukRules, usedGovukClasses } from '../../../scripts/trim-css';

const trim = async (css: string, used: string[]) => (await postcss([trimUnusedGovukRules(new Set(used))]).process(css, { from: undefined })).css;

describe('GOV.UK styles trimmed to the classes the app names', () => {
  it('drops selectors naming an unused govuk class, then rules and media blocks left empty', async () => {
    const css = [
      '.govuk-button, .govuk-button--inverse { color: red }',
      '.govuk-button--inverse:hover { color: blue }',
      '@media (min-width: 40em) { .govuk-footer__licence { display: block } }',
      '.govuk-\\!-margin-bottom-2 { margin: 0 } .govuk-\\!-margin-top-9 { margin: 1px }',
      '.satchel-card .govuk-unused, body { margin: 0 }',
      '@keyframes spin { from { opacity: 0 } to { opacity: 1 } }',
    ].join('\n');
    const out = await trim(css, ['govuk-button', 'govuk-!-margin-bottom-2']);
    expect(out).toContain('.govuk-button {');
    expect(out).not.toContain('inverse');
    expect(out).not.toContain('@media');
    expect(out).toContain('.govuk-\\!-margin-bottom-2');
    expect(out).not.toContain('margin-top-9');
    expect(out).toContain('body {');
    expect(out).toContain('from { opacity: 0 }');
  });

  it('keeps a selector whose unused class is only inside :not(…), which still matches', async () => {
    expect(requiredClasses('.govuk-label:not(.govuk-label--xl) + .govuk-hint')).toEqual(['govuk-label', 'govuk-hint']);
    const out = await trim('.govuk-label:not(.govuk-label--xl) { margin: 0 }', ['govuk-label']);
    expect(out).toContain('.govuk-label:not(.govuk-label--xl)');
  });

  it('finds the names the app writes (the build scans src/ui and index.html)', () => {
    const used = usedGovukClasses(['src/ui', 'index.html']);
    expect(used).toContain('govuk-button');
    expect(used).toContain('govuk-template__body'); // index.html
    expect(used).toContain('govuk-!-margin-bottom-2');
  });

  it('has every class name written whole in src/ui: none built from a piece and a variable', () => {
    const pieces: string[] = [];
    const read = (path: string): void => {
      if (statSync(path).isDirectory()) return readdirSync(path).forEach((entry) => read(join(path, entry)));
      if (!/\.tsx?$/.test(path)) return;
      // e.g. `govuk-tag--${colour}` or 'govuk-!-margin-' + size: a name the trim could not see
      for (const match of readFileSync(path, 'utf8').matchAll(/govuk-[A-Za-z0-9_!-]*[-_!](?:\$\{|['"`]\s*\+)/g)) pieces.push(`${path}: ${match[0]}`);
    };
    read('src/ui');
    expect(pieces).toEqual([]);
  });
});

describe('the first screen is styled by its own stylesheet', () => {
  type Bundle = Record<string, unknown>;
  const chunk = (fileName: string, code: string, imports: string[], css: string[], isEntry = false) =>
    ({ type: 'chunk', fileName, code, imports, isEntry, viteMetadata: { importedCss: new Set(css), importedAssets: new Set() } });
  const asset = (fileName: string, source: string) => ({ type: 'asset', fileName, source });
  const check = (bundle: Bundle) => {
    const plugin = firstScreenStyled();
    const hook = plugin.generateBundle as { handler: (this: { error(message: string): never }, options: unknown, bundle: Bundle) => void };
    hook.handler.call({ error: (message: string) => { throw new Error(message); } }, {}, bundle);
  };
  const bundle = (entryCode: string): Bundle => ({
    'index.js': chunk('index.js', entryCode, ['shared.js'], ['index.css'], true),
    'shared.js': chunk('shared.js', 'h("p",{class:"govuk-body"})', [], []),
    'Home.js': chunk('Home.js', 'h("div",{class:"govuk-panel"})', [], ['screens.css']),
    'index.css': asset('index.css', '.govuk-body{margin:0}.govuk-button{color:red}'),
    'screens.css': asset('screens.css', '.govuk-panel{padding:0}'),
  });

  it('passes when every class the first screen names is in its stylesheet', () => {
    expect(() => check(bundle('h("button",{class:"govuk-button"})'))).not.toThrow();
  });

  it('fails the build, naming the class, when the first screen uses one styled only later', () => {
    expect(() => check(bundle('h("div",{class:"govuk-panel govuk-button"})'))).toThrow(/govuk-panel, styled only by a stylesheet that loads later/);
  });
});
