import type { ReactNode } from 'react';
import { Button } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { ErrorAlert } from './error-alert.tsx';
import { PageLoader } from './page-loader.tsx';

interface CursorPage {
  items: unknown[];
  nextCursor: string | null;
}

type Chosen<T> = { [K in keyof T]?: Exclude<T[K], null | undefined | false> };

/** Only the filters the reader set: an empty search box or cleared select must not reach the query string. */
export function chosenOnly<T extends Record<string, unknown>>(filters: T): Chosen<T> {
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== null && v !== undefined && v !== '' && v !== false)) as Chosen<T>;
}

/** One page of a cursor-paginated list: the size, the cursor once there is one, and the chosen filters. */
export function pageQuery<T extends Record<string, unknown>>(limit: number, cursor: string | undefined, filters: T) {
  return { limit, ...(cursor ? { cursor } : {}), ...chosenOnly(filters) };
}

/**
 * A cursor-paginated list as one growing array: each "more" fetches the page after the last one.
 * The filters belong in `queryKey`, so changing one starts again from the first page.
 */
export function useCursorList<P extends CursorPage>(queryKey: readonly unknown[], fetchPage: (cursor: string | undefined) => Promise<P>, enabled = true) {
  const list = useInfiniteQuery<P, Error, { pages: P[] }, readonly unknown[], string | undefined>({
    queryKey,
    enabled,
    initialPageParam: undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
  });
  const items = (list.data?.pages.flatMap((p) => p.items) ?? []) as P['items'];
  return { list, items };
}

/** The parts of a list query the view reads (any TanStack list query has them). */
interface ListState {
  isError: boolean;
  error: Error | null;
  isPending: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

export interface CursorListViewProps {
  list: ListState;
  count: number;
  /** Shown instead of the table once the first page arrives with nothing in it. */
  empty: ReactNode;
  moreLabel: string;
  moreVariant: 'light' | 'subtle' | 'default';
  children: ReactNode;
}

/**
 * What every list page shows around its table: why the request failed, a loader until the first
 * page arrives, the empty state, and the "more" button while the server has another page.
 */
export function CursorListView({ list, count, empty, moreLabel, moreVariant, children }: CursorListViewProps) {
  return (
    <>
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      {list.isPending ? <PageLoader /> : count === 0 ? empty : children}
      {list.hasNextPage ? (
        <Button variant={moreVariant} onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {moreLabel}
        </Button>
      ) : null}
    </>
  );
}
