/**
 * Route-level code splitting: a screen's code is fetched (from the service worker's cache, so
 * also offline) the first time it is shown. Keeps the first screen's JavaScript small on a slow
 * phone; only the start and unlock screens are in the entry bundle.
 */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from './i18n/context';
import { loadCatalogues } from './i18n/translate';

export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<void> | undefined;
  return function LazyScreen(props: P) {
    const { t } = useI18n();
    const [failed, setFailed] = useState(false);
    const [, setReady] = useState(false);
    useEffect(() => {
      if (loaded) return;
      let live = true;
      // Every language's words (translate.ts) and the screens' stylesheet (styles/screen-styles.ts)
      // with the screen: the first screen has only its own language and styles.
      loading ??= Promise.all([load(), loadCatalogues(), import('./styles/screen-styles')]).then(([component]) => void (loaded = component));
      loading.then(() => live && setReady(true), () => {
        loading = undefined; // let a later visit try again
        if (live) setFailed(true);
      });
      return () => {
        live = false;
      };
    }, []);
    if (loaded) {
      const Screen = loaded;
      return <Screen {...props} />;
    }
    return <p class="govuk-body" role="status">{failed ? t('lazy.failed') : t('lazy.loading')}</p>;
  };
}
