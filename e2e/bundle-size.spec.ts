import { expect, test } from '@playwright/test';
import { initialJsGzipKb } from '../scripts/bench-ui';

// The first screen's JavaScript stays small: everything else is loaded when a route needs it.
const BUDGET_KB = 150;

test(`the initial JavaScript is at most ${BUDGET_KB} KB gzipped`, () => {
  const size = initialJsGzipKb('dist');
  test.info().annotations.push({ type: 'initial JS', description: `${size.toFixed(1)} KB gzip` });
  expect(size).toBeGreaterThan(10);
  expect(size).toBeLessThanOrEqual(BUDGET_KB);
});
