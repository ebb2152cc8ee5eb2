/**
 * GOV.UK Frontend's styles trimmed to what Satchel uses (issue 18), for the build (vite.config.ts):
 *
 * - `trimUnusedGovukRules(used)`, a PostCSS plugin run as each stylesheet is compiled (so the file's
 *   hash covers what is left): a selector naming a `govuk-` class the app's code never names is
 *   dropped, and a rule left with no selector, and an at-rule left empty, go with it. A component
 *   brings every modifier and part GOV.UK has (the inverse button, the footer's licence and
 *   navigation, …); the app uses a few. A class named only inside `:not(…)` is not needed for
 *   the selector to match, so it never drops one.
 * - `usedGovukClasses(files)`: every `govuk-…` name written in the app's source. Class names are
 *   written whole (a test refuses one built from pieces: tests/unit/scripts/trim-css.test.ts).
 * - `trimGovukCss()`, the Vite plugin running it in the build with what src/ui and index.html name.
 * - `firstScreenStyled()`, a Vite plugin that fails the build when the first screen's script names
 *   a GOV.UK class that only a lazily loaded stylesheet styles (src/ui/styles/first-screen.scss says which
 *   components the first screen has).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { PluginCreator, Root } from 'postcss';
import type { Plugin } from 'vite';

const GOVUK_CLASS = /govuk-[A-Za-z0-9_!-]*[A-Za-z0-9_]/g;

/** The `govuk-` names in these files and every .ts/.tsx file under these folders. */
export function usedGovukClasses(paths: readonly string[]): Set<string> {
  const used = new Set<string>();
  const read = (path: string): void => {
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path)) {
        const child = join(path, entry);
        if (statSync(child).isDirectory() || /\.tsx?$/.test(entry)) read(child);
      }
      return;
    }
    for (const match of readFileSync(path, 'utf8').matchAll(GOVUK_CLASS)) used.add(match[0]);
  };
  paths.forEach(read);
  return used;
}

/** The classes a selector needs an element to have (not those inside `:not(…)`), unescaped. */
export function requiredClasses(selector: string): string[] {
  const positive = selector.replace(/:not\((?:[^()]|\([^()]*\))*\)/g, '');
  return [...positive.matchAll(/\.((?:\\.|[A-Za-z0-9_-])+)/g)].map((m) => m[1]!.replace(/\\(.)/g, '$1'));
}

export const trimUnusedGovukRules: PluginCreator<Set<string>> = (used = new Set()) => ({
  postcssPlugin: 'satchel-trim-unused-govuk-rules',
  OnceExit(root: Root) {
    root.walkRules((rule) => {
      const kept = rule.selectors.filter((selector) => requiredClasses(selector).every((c) => !c.startsWith('govuk-') || used.has(c)));
      if (kept.length === 0) rule.remove();
      else if (kept.length < rule.selectors.length) rule.selectors = kept;
    });
    // Media and supports blocks emptied above, innermost first.
    let emptied = true;
    while (emptied) {
      emptied = false;
      root.walkAtRules((atRule) => {
        if (atRule.nodes !== undefined && atRule.nodes.length === 0) {
          atRule.remove();
          emptied = true;
        }
      });
    }
  },
});
trimUnusedGovukRules.postcss = true;

/**
 * Trims every stylesheet the build compiles to the GOV.UK classes named in src/ui and index.html.
 * Not in the dev server: it would read the names once, and a class added while it runs would
 * show unstyled.
 */
export function trimGovukCss(): Plugin {
  return {
    name: 'satchel:trim-govuk-css',
    config(_config, { command }) {
      if (command !== 'build') return;
      return { css: { postcss: { plugins: [trimUnusedGovukRules(usedGovukClasses(['src/ui', 'index.html']))] } } };
    },
  };
}

/** The GOV.UK classes some selector of `css` requires. */
function styledClasses(css: string): Set<string> {
  const styled = new Set<string>();
  for (const match of css.matchAll(/\.((?:\\.|[A-Za-z0-9_-])+)/g)) {
    const name = match[1]!.replace(/\\(.)/g, '$1');
    if (name.startsWith('govuk-')) styled.add(name);
  }
  return styled;
}

export function firstScreenStyled(): Plugin {
  return {
    name: 'satchel:first-screen-styled',
    apply: 'build',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const entry = Object.values(bundle).find((file) => file.type === 'chunk' && file.isEntry && file.viteMetadata?.importedCss.size);
        if (!entry || entry.type !== 'chunk') return; // a worker's or the service worker's build
        const cssOf = (fileName: string): string => {
          const asset = bundle[fileName];
          return asset?.type === 'asset' ? String(asset.source) : '';
        };
        // The entry and what it imports statically: the first screen's script.
        const firstScreen = new Set<string>();
        const visit = (fileName: string): void => {
          const chunk = bundle[fileName];
          if (firstScreen.has(fileName) || chunk?.type !== 'chunk') return;
          firstScreen.add(fileName);
          chunk.imports.forEach(visit);
        };
        visit(entry.fileName);
        const firstCss = new Set<string>();
        for (const fileName of firstScreen) {
          const chunk = bundle[fileName];
          if (chunk?.type === 'chunk') chunk.viteMetadata?.importedCss.forEach((css) => firstCss.add(css));
        }
        const firstStyled = styledClasses([...firstCss].map(cssOf).join('\n'));
        const allCss = Object.values(bundle).filter((file) => file.type === 'asset' && file.fileName.endsWith('.css'));
        const lazyStyled = styledClasses(allCss.filter((file) => !firstCss.has(file.fileName)).map((file) => cssOf(file.fileName)).join('\n'));
        const unstyled = new Set<string>();
        for (const fileName of firstScreen) {
          const chunk = bundle[fileName];
          if (chunk?.type !== 'chunk') continue;
          for (const match of chunk.code.matchAll(GOVUK_CLASS)) {
            if (lazyStyled.has(match[0]) && !firstStyled.has(match[0])) unstyled.add(match[0]);
          }
        }
        if (unstyled.size > 0) {
          this.error(`the first screen uses ${[...unstyled].join(', ')}, styled only by a stylesheet that loads later: add the component to src/ui/styles/first-screen.scss`);
        }
      },
    },
  };
}
