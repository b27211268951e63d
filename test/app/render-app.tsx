import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { AppRoutes } from '../../src/app/routes';

/** Renders the real route tree at `path`, optionally with extra test-only pages. */
export function renderApp(path: string, extraPages?: ReactNode) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <AppRoutes extraPages={extraPages} />
    </MemoryRouter>,
  );
}
