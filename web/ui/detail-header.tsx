import type { ReactNode } from 'react';
import { Group, Title } from '@mantine/core';

export interface DetailHeaderProps {
  /** The document's number, kept left-to-right on right-to-left pages. */
  number: string;
  numberTestId?: string;
  badge: ReactNode;
  gap?: 'sm' | 'md';
  /** The back link and the document's actions, at the other end. */
  children: ReactNode;
}

/** A document page's heading: its number and status badge, then the page's links and actions. */
export function DetailHeader({ number, numberTestId, badge, gap = 'sm', children }: DetailHeaderProps) {
  return (
    <Group justify="space-between">
      <Group gap={gap}>
        <Title order={1} size="h2" dir="ltr" data-testid={numberTestId}>
          {number}
        </Title>
        {badge}
      </Group>
      {children}
    </Group>
  );
}
