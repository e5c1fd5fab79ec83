/**
 * Item media (pictures, sound, video) come from the engine's candidate media route, which wants
 * the session token in an Authorization header, so elements cannot load them by URL. They are
 * fetched once with the token and shown through blob: URLs (allowed by the page's CSP).
 */
import { useEffect, useState } from 'react';
import { loadSession } from './session-storage.ts';

const ENGINE_MEDIA = /^\/api\/candidate\/media\/[0-9a-f]{64}$/;
const cache = new Map<string, Promise<string>>();

function fetchMedia(src: string): Promise<string> {
  let url = cache.get(src);
  if (!url) {
    const token = loadSession()?.token;
    url = fetch(src, { headers: token ? { authorization: `Bearer ${token}` } : {} })
      .then((res) => {
        if (!res.ok) throw new Error(`media ${res.status}`);
        return res.blob();
      })
      .then((blob) => URL.createObjectURL(blob));
    url.catch(() => cache.delete(src));
    cache.set(src, url);
  }
  return url;
}

/** The URL an element can load: engine media as a blob: URL once fetched, anything else as it is. */
export function useMediaUrl(src: string | undefined): string | undefined {
  const engine = Boolean(src && ENGINE_MEDIA.test(src));
  const [resolved, setResolved] = useState<{ src: string; url: string }>();
  useEffect(() => {
    if (!src || !engine) return;
    let live = true;
    fetchMedia(src).then(
      (url) => live && setResolved({ src, url }),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [src, engine]);
  if (!src) return undefined;
  if (!engine) return src;
  return resolved?.src === src ? resolved.url : undefined;
}

/**
 * Fetches the engine media an item payload names (pictures, sound), so they show when the item is
 * opened later without a line. Kept in this page's memory only, as blob: URLs.
 */
export function prefetchMedia(item: unknown): void {
  const walk = (value: unknown): void => {
    if (typeof value === 'string') {
      if (ENGINE_MEDIA.test(value)) fetchMedia(value).catch(() => {});
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(item);
}
