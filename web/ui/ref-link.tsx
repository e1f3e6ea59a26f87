import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Anchor } from '@mantine/core';

/** A link to a document by its number; numbers read left-to-right even on an Urdu or Arabic page. */
export function RefLink({ to, children, testId }: { to: string; children: ReactNode; testId?: string }) {
  return (
    <Anchor component={Link} to={to} dir="ltr" data-testid={testId}>
      {children}
    </Anchor>
  );
}
