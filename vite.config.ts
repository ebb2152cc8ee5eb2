import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';
import { connectOriginsFromEnv, contentSecurityPolicy } from './src/server/security-headers';
import { webAppManifest } from './src/sw/manifest';
import { MANIFEST_FILE_NAME } from './src/sw/manifest-file';
import { firstScreenStyled, trimGovukCss } from './scripts/trim-css';
import { precompressDirectory } from './src/server/precompress';
import packageJson from './package.json' with { type: 'json' };

/** The oldest browsers Satchel supports (README: "Phones it runs on"). */
const BROWSER_TARGETS = ['chrome87', 'edge88', 'safari15', 'firefox91'];

/** Writes the CSP as a <meta> tag into the built index.html (the host should also send the header). */
function cspMetaTag(): Plugin {
  const policy = contentSecurityPolicy(connectOriginsFromEnv(), { forMeta: true });
  return {
    name: 'satchel:csp-meta',
    apply: 'build',
    // Right after <meta charset>: a CSP meta tag only governs what comes after it.
    transformIndexHtml: (html) =>
      html.replace(/<meta charset="utf-8" \/>/, `$&\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`),
  };
}

/**
 * The first paint needs only index.html and its stylesheet: the page is the app shell (the
 * service's name) until boot.ts renders the app, after that paint. So the scripts are asked for
 * with `fetchpriority="low"` (HTML Living Standard, fetch priority attribute): on a slow
 * connection the stylesheet comes first and the shell is painted while the scripts arrive.
 * Browsers without priority hints ignore the attribute.
 */
function scriptsAfterFirstPaint(): Plugin {
  return {
    name: 'satchel:scripts-after-first-paint',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const out = html
          .replace(/<script type="module" /g, '<script type="module" fetchpriority="low" ')
          .replace(/<link rel="modulepreload" /g, '<link rel="modulepreload" fetchpriority="low" ');
        if (!out.includes('<script type="module" fetchpriority="low" ')) throw new Error('satchel:scripts-after-first-paint: no entry script in index.html');
        return out;
      },
    },
  };
}

/**
 * Takes out the manifest link vite-plugin-pwa writes into index.html: the page links it once the
 * first screen is shown (src/sw/page-links.ts, issue 18), so its request does not share a slow
 * connection with the first screen's script. Fails the build if the link is not there as expected,
 * so a change in the plugin cannot leave the manifest linked twice or under another name.
 */
function manifestLinkedAfterFirstScreen(): Plugin {
  let link = '';
  return {
    name: 'satchel:manifest-after-first-screen',
    apply: 'build',
    enforce: 'post', // after vite-plugin-pwa's own post-order handler, which writes the link
    // Under the app's base, as page-links.ts links it (import.meta.env.BASE_URL).
    configResolved: (config) => void (link = `<link rel="manifest" href="${config.base}${MANIFEST_FILE_NAME}">`),
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        if (html.split(link).length !== 2) throw new Error(`satchel:manifest-after-first-screen: expected one ${link} in index.html`);
        return html.replace(link, '');
      },
    },
  };
}

/**
 * Workers are built as classic scripts (worker.format 'iife') because Firefox before 114 cannot
 * start module workers. The source still says `type: 'module'`, which the dev server needs; drop
 * it from the built `new Worker(...)` calls, and fail the build if one is left.
 */
function classicWorkersInBuild(): Plugin {
  const moduleOption = /(new Worker\(\s*new URL\(\s*(?:\/\*[^*]*\*\/\s*)?"[^"]+",\s*"" \+ import\.meta\.url\s*\),\s*\{)\s*type:\s*"module",?/g;
  return {
    name: 'satchel:classic-workers',
    apply: 'build',
    renderChunk(code) {
      if (!code.includes('new Worker(')) return null;
      const out = code.replace(moduleOption, '$1');
      if (/new Worker\([^;]*?type:\s*"module"/.test(out)) this.error('a worker is still started as a module worker: use new Worker(new URL(literal, import.meta.url), {...})');
      return { code: out, map: null };
    },
  };
}

/**
 * Writes `.br` and `.gz` copies beside every compressible file of the build (src/server/precompress.ts)
 * for hosts that serve pre-compressed files (README "Deploying as static files"). It runs last:
 * after vite-plugin-pwa has written sw.js with its precache manifest, so sw.js.br is of the final file.
 */
function precompressedCopies(): Plugin {
  let outDir = 'dist';
  let buildStarted = 0;
  return {
    name: 'satchel:precompress',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    buildStart() {
      buildStarted = Date.now();
    },
    closeBundle: {
      sequential: true,
      order: 'post',
      async handler() {
        // vite-plugin-pwa writes sw.js in its own closeBundle; a copy made before it would be stale.
        const serviceWorker = resolve(outDir, 'sw.js');
        if (!existsSync(serviceWorker) || statSync(serviceWorker).mtimeMs < buildStarted) this.error('satchel:precompress ran before vite-plugin-pwa wrote sw.js: keep it after VitePWA');
        const files = await precompressDirectory(outDir);
        this.info(`pre-compressed ${files.filter((file) => file.br !== undefined).length} of ${files.length} files (.br, .gz)`);
      },
    },
  };
}

export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify(process.env.SATCHEL_VERSION ?? packageJson.version) },
  build: {
    target: BROWSER_TARGETS,
    sourcemap: false,
    assetsInlineLimit: 0,
    // Everything the entry script imports statically is one file (issue 18). Rolldown otherwise
    // splits what the entry shares with lazy chunks into a file per set of importers (thirteen for
    // the first screen once the vault's operations became lazy), and a slow phone's HTTP/1.1
    // connection limit then queues them; lazy chunks import from this one.
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'first-screen', tags: ['$initial'] }] } } },
  },
  // A classic (IIFE) worker: module workers arrived only in Firefox 114.
  worker: { format: 'iife' },
  css: {
    preprocessorOptions: { scss: { loadPaths: ['node_modules'], quietDeps: true } },
    // GOV.UK Frontend still carries an IE8 media-query hack (`\0`) that lightningcss rejects; drop it.
    lightningcss: { errorRecovery: true },
  },
  plugins: [
    preact(),
    cspMetaTag(),
    classicWorkersInBuild(),
    scriptsAfterFirstPaint(),
    // GOV.UK Frontend's rules trimmed to the classes the app names; the first screen's all in its stylesheet.
    trimGovukCss(),
    firstScreenStyled(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      injectRegister: false,
      registerType: 'prompt',
      manifest: webAppManifest,
      manifestFilename: MANIFEST_FILE_NAME,
      includeManifestIcons: false, // the glob below already takes every icon
      injectManifest: { globPatterns: ['**/*.{js,css,html,wasm,png,svg}'] },
      devOptions: { enabled: false },
    }),
    manifestLinkedAfterFirstScreen(),
    precompressedCopies(),
  ],
});
