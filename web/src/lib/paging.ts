import { useEffect, useState } from 'react';
import { ApiError, downloadFile } from './api';

/** One page of a cursor-paged list, as the API answers it. */
interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Read the page after `cursor` (none: the first) of `limit` items. */
type PageReader<T> = (at: { limit: number; cursor?: string }, signal?: AbortSignal) => Promise<Page<T>>;

export interface PagedList<T> {
  items: T[] | undefined;
  next: string | null;
  error: ApiError | undefined;
  loadingMore: boolean;
  loadMore: () => Promise<void>;
}

/**
 * The pages of a cursor-paged list, read again from the first page whenever `key` (the filters as the
 * URL holds them) changes; a reply to filters the user has since left is dropped. `onPage` and
 * `onError` let a filter form clear or show the problems the API names `query.<filter>`.
 */
export function usePagedList<T>(
  readPage: PageReader<T>,
  key: string,
  opts: { pageSize?: number; onPage?: () => void; onError?: (err: ApiError) => void } = {},
): PagedList<T> {
  const [items, setItems] = useState<T[] | undefined>();
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | undefined>();
  const [loadingMore, setLoadingMore] = useState(false);
  const limit = opts.pageSize ?? 50;

  useEffect(() => {
    const controller = new AbortController();
    setItems(undefined);
    setError(undefined);
    readPage({ limit }, controller.signal).then(
      (page) => {
        setItems(page.items);
        setNext(page.nextCursor ?? null);
        opts.onPage?.();
      },
      (err: unknown) => {
        if (controller.signal.aborted || !(err instanceof ApiError)) return;
        setError(err);
        opts.onError?.(err);
      },
    );
    return () => controller.abort();
    // `key` stands for the query `readPage` sends: the URL is the single source of the filters.
  }, [key]);

  const loadMore = async () => {
    if (!next) return;
    setLoadingMore(true);
    try {
      const page = await readPage({ limit, cursor: next });
      setItems((list) => [...(list ?? []), ...page.items]);
      setNext(page.nextCursor ?? null);
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    } finally {
      setLoadingMore(false);
    }
  };

  return { items, next, error, loadingMore, loadMore };
}

/** A file download behind a button: whether one is under way, and the API's error when it failed. */
export function useDownload() {
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<ApiError | null>(null);
  const download = async (call: Parameters<typeof downloadFile>[0], fileName: string) => {
    setDownloading(true);
    setDownloadError(null);
    try {
      await downloadFile(call, fileName);
    } catch (err) {
      if (err instanceof ApiError) setDownloadError(err);
    } finally {
      setDownloading(false);
    }
  };
  return { download, downloading, downloadError };
}
