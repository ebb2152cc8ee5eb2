/**
 * index.html links an empty icon and no manifest; once the first screen is shown the app links its
 * icon and manifest (src/sw/page-links.ts, issue 18), so neither request shares a slow connection
 * with the first screen's script.
 */
import { describe, expect, it } from 'vitest';
import { linkIconAndManifest, MANIFEST_URL, PAGE_ICON_URL } from '../../../src/sw/page-links';

/** A page like the built index.html's head: an empty icon, no manifest. */
function pageAsServed(): Document {
  const page = document.implementation.createHTMLDocument('Satchel');
  for (const [rel, href] of [['icon', 'data:,'], ['apple-touch-icon', '/icons/apple-touch-icon-180.png']] as const) {
    const link = page.head.appendChild(page.createElement('link'));
    link.rel = rel;
    link.setAttribute('href', href);
  }
  return page;
}

/** As in a build, which has a manifest to link. */
const BUILT = { manifest: true };

const links = (page: Document, rel: string) => Array.from(page.head.querySelectorAll<HTMLLinkElement>(`link[rel="${rel}"]`), (link) => ({ href: link.getAttribute('href'), type: link.type }));

describe('linkIconAndManifest', () => {
  it("points the empty icon at the app's icon and links the manifest", () => {
    const page = pageAsServed();
    linkIconAndManifest(page, BUILT);
    expect(links(page, 'icon')).toEqual([{ href: '/icons/icon-192.png', type: 'image/png' }]);
    expect(links(page, 'manifest')).toEqual([{ href: '/manifest.webmanifest', type: '' }]);
    expect(links(page, 'apple-touch-icon')).toEqual([{ href: '/icons/apple-touch-icon-180.png', type: '' }]);
  });

  it('links each once when asked again', () => {
    const page = pageAsServed();
    linkIconAndManifest(page, BUILT);
    linkIconAndManifest(page, BUILT);
    expect(page.head.querySelectorAll('link[rel="icon"]')).toHaveLength(1);
    expect(page.head.querySelectorAll('link[rel="manifest"]')).toHaveLength(1);
  });

  it('adds the icon when the page has none', () => {
    const page = document.implementation.createHTMLDocument('Satchel');
    linkIconAndManifest(page, BUILT);
    expect(links(page, 'icon')).toEqual([{ href: PAGE_ICON_URL, type: 'image/png' }]);
    expect(links(page, 'manifest')).toEqual([{ href: MANIFEST_URL, type: '' }]);
  });

  it('links no manifest where there is none (the dev server)', () => {
    const page = pageAsServed();
    linkIconAndManifest(page, { manifest: false });
    expect(links(page, 'icon')).toEqual([{ href: PAGE_ICON_URL, type: 'image/png' }]);
    expect(links(page, 'manifest')).toEqual([]);
  });
});
