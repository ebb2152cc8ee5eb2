import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const depcruise = (target: string) =>
  run('node_modules/.bin/depcruise', [target, '--config', '.dependency-cruiser.cjs', '--output-type', 'err'], { encoding: 'utf8' })
    .then(({ stdout }) => ({ code: 0, output: stdout }))
    .catch((error: { code: number; stdout: string }) => ({ code: error.code, output: error.stdout }));

describe('layer lint (docs/architecture.md: who may import whom)', () => {
  it('rejects imports that break the layers', async () => {
    const { code, output } = await depcruise('tests/fixtures/layers');
    expect(code).not.toBe(0);
    expect(output).toMatch(/layer-credentials: tests\/fixtures\/layers\/src\/credentials\/bad-import\.ts → tests\/fixtures\/layers\/src\/ui\/label\.ts/);
    expect(output).toMatch(/preact-only-in-ui: tests\/fixtures\/layers\/src\/lib\/renders\.ts/);
  });

  it('rejects reaching into a use case past its index.ts, from the UI or from a sibling use case', async () => {
    const { code, output } = await depcruise('tests/fixtures/layers');
    expect(code).not.toBe(0);
    expect(output).toMatch(/ui-imports-use-case-index: tests\/fixtures\/layers\/src\/ui\/reaches-into-use-case\.ts → tests\/fixtures\/layers\/src\/wallet\/receive\/receive-store\.ts/);
    expect(output).toMatch(/use-case-imports-sibling-index: tests\/fixtures\/layers\/src\/wallet\/share\/share\.ts → tests\/fixtures\/layers\/src\/wallet\/receive\/receive-store\.ts/);
    expect(output).not.toMatch(/through-index\.ts/);
  });

  it('rejects an arrow back up inside the wallet, and a wallet folder no rule covers', async () => {
    const { code, output } = await depcruise('tests/fixtures/layers');
    expect(code).not.toBe(0);
    expect(output).toMatch(/wallet-vault: tests\/fixtures\/layers\/src\/wallet\/vault\/vault\.ts → tests\/fixtures\/layers\/src\/wallet\/held\/index\.ts/);
    expect(output).toMatch(/wallet-folder-listed: tests\/fixtures\/layers\/src\/wallet\/carers\/carers\.ts/);
    expect(output).not.toMatch(/wallet\/check\/check\.ts/);
  });

  it('rejects a use case opening the database or starting the crypto worker itself', async () => {
    const { code, output } = await depcruise('tests/fixtures/layers');
    expect(code).not.toBe(0);
    expect(output).toMatch(/storage-only-from-vault: tests\/fixtures\/layers\/src\/wallet\/share\/keeps\.ts → tests\/fixtures\/layers\/src\/storage\/db\.ts/);
    expect(output).toMatch(/crypto-only-from-app: tests\/fixtures\/layers\/src\/wallet\/receive\/verifier\.ts → tests\/fixtures\/layers\/src\/crypto\/client\.ts/);
    expect(output).not.toMatch(/wallet\/vault\/database\.ts|wallet\/app\/engine\.ts/);
  });
});

describe('code lint (ESLint)', () => {
  it('rejects rendering claim values as HTML', async () => {
    const result = await run('node_modules/.bin/eslint', ['--no-ignore', '--format', 'json', 'tests/fixtures/lint/renders-html.tsx'], { encoding: 'utf8' })
      .then(({ stdout }) => ({ code: 0, output: stdout }))
      .catch((error: { code: number; stdout: string }) => ({ code: error.code, output: error.stdout }));
    expect(result.code).toBe(1);
    const [report] = JSON.parse(result.output) as { messages: { line: number; message: string }[] }[];
    expect(report!.messages.map(({ line, message }) => `${line}: ${message}`)).toEqual([
      '3: Render text, not HTML.',
      '7: Claim values and anything from a credential or QR code are rendered as text, never as HTML.',
    ]);
  });
});
