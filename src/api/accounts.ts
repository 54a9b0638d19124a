import { queryOptions } from '@tanstack/react-query';
import { LinkedAccountListSchema } from '../contract/accounts';
import { request } from './client';

export const accountQueries = {
  all: () => ['accounts'] as const,
  list: () =>
    queryOptions({
      queryKey: [...accountQueries.all(), 'list'],
      queryFn: ({ signal }) => request('/accounts', LinkedAccountListSchema, { signal }),
      staleTime: 5 * 60_000,
    }),
};
