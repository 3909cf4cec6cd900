import { useCallback, useEffect, useState } from 'react';
import { App } from 'antd';
import { type ApiError, get } from './api';
import type { Page } from './types';

/** Loads a resource; `reload` fetches it again. Errors are shown and kept. */
export function useResource<T>(path: string | null) {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(false);
  const load = useCallback(async () => {
    if (!path) return;
    setLoading(true);
    try {
      setData(await get<T>(path));
      setError(undefined);
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setLoading(false);
    }
  }, [path]);
  useEffect(() => {
    void load();
  }, [load]);
  return { data, error, loading, reload: load };
}

/** A keyset-paginated list: first page on load, "加载更多" appends the next. */
export function usePagedList<T>(path: string) {
  const [items, setItems] = useState<T[]>([]);
  const [next, setNext] = useState<string | null>(null);
  // Loading from the first render: an empty list is not "nothing there" until the server said so.
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError>();
  const { message } = App.useApp();
  const fetchPage = useCallback(
    async (cursor: string | null) => {
      setLoading(true);
      try {
        const sep = path.includes('?') ? '&' : '?';
        const page = await get<Page<T>>(cursor ? `${path}${sep}cursor=${encodeURIComponent(cursor)}` : path);
        setItems((prev) => (cursor ? [...prev, ...page.items] : page.items));
        setNext(page.next);
        setError(undefined);
      } catch (e) {
        setError(e as ApiError);
        void message.error((e as Error).message);
      } finally {
        setLoading(false);
      }
    },
    [path, message],
  );
  useEffect(() => {
    void fetchPage(null);
  }, [fetchPage]);
  return { items, next, loading, error, more: () => fetchPage(next), reload: () => fetchPage(null) };
}
