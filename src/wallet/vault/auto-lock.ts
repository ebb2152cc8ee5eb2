/**
 * Auto-lock: locks the vault after `autoLockMinutes` without interaction, and when the app comes
 * back after being hidden for longer than that (background timers may be throttled or frozen, so
 * the check also runs on `visibilitychange`). Locking drops the keys (Vault.lock) and the UI,
 * listening to onStateChange, drops every decrypted value and returns to the unlock screen.
 */
import type { Vault, VaultState } from './vault-api';

export const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'touchstart', 'wheel', 'input'] as const;
/** Re-arming on every key press is wasteful: activity within this long of the last one is merged. */
export const ACTIVITY_DEBOUNCE_MS = 1_000;
const MINUTE_MS = 60_000;

export interface AutoLockEnvironment {
  /** Receives the activity events (default: document). */
  target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  isHidden: () => boolean;
  now: () => number;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

export interface AutoLock {
  /** Stops watching (e.g. when the app unmounts). */
  stop(): void;
  /** Call after changing settings.autoLockMinutes so the new time applies at once. */
  refresh(): Promise<void>;
}

function browserEnvironment(): AutoLockEnvironment {
  return {
    target: document,
    isHidden: () => document.visibilityState === 'hidden',
    now: () => Date.now(),
    setTimeout: (fn, ms) => window.setTimeout(fn, ms),
    clearTimeout: (handle) => window.clearTimeout(handle as number),
  };
}

export function startAutoLock(vault: Pick<Vault, 'lock' | 'settings' | 'onStateChange' | 'state'>, env: AutoLockEnvironment = browserEnvironment()): AutoLock {
  let idleMs = 0; // 0: not armed (locked or absent)
  let lastActivity = env.now();
  let timer: unknown;

  const disarm = () => {
    if (timer !== undefined) env.clearTimeout(timer);
    timer = undefined;
  };
  const arm = () => {
    disarm();
    if (idleMs <= 0) return;
    const remaining = Math.max(0, lastActivity + idleMs - env.now());
    timer = env.setTimeout(check, remaining);
  };
  const lockNow = () => {
    idleMs = 0;
    disarm();
    vault.lock();
  };
  function check(): void {
    timer = undefined;
    if (idleMs <= 0) return;
    if (env.now() - lastActivity >= idleMs) lockNow();
    else arm();
  }

  const loadSettings = async () => {
    try {
      idleMs = (await vault.settings()).autoLockMinutes * MINUTE_MS;
    } catch {
      idleMs = 0; // locked meanwhile
    }
    arm();
  };

  const onActivity = () => {
    if (idleMs <= 0) return;
    const now = env.now();
    if (now - lastActivity < ACTIVITY_DEBOUNCE_MS) return;
    // Activity after the deadline (e.g. a tap that woke a frozen tab) does not extend it.
    if (now - lastActivity >= idleMs) return lockNow();
    lastActivity = now;
    arm();
  };
  const onVisibility = () => {
    if (idleMs <= 0) return;
    // Hidden time counts as idle: no events arrive while hidden. On return, check at once.
    if (!env.isHidden()) check();
  };

  const onState = (state: VaultState) => {
    if (state === 'unlocked') {
      lastActivity = env.now();
      void loadSettings();
    } else {
      idleMs = 0;
      disarm();
    }
  };

  for (const type of ACTIVITY_EVENTS) env.target.addEventListener(type, onActivity, { passive: true, capture: true } as AddEventListenerOptions);
  env.target.addEventListener('visibilitychange', onVisibility);
  const unsubscribe = vault.onStateChange(onState);
  void vault.state().then((s) => s === 'unlocked' && onState(s));

  return {
    stop() {
      unsubscribe();
      disarm();
      idleMs = 0;
      for (const type of ACTIVITY_EVENTS) env.target.removeEventListener(type, onActivity, { capture: true } as EventListenerOptions);
      env.target.removeEventListener('visibilitychange', onVisibility);
    },
    refresh: loadSettings,
  };
}
