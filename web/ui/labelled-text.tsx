import type { ReactNode } from 'react';
import { Text } from '@mantine/core';

/** "Label: value" on a document page, the label dimmed so the eye finds the values. */
export function LabelledText({ label, size, children }: { label: string; size?: 'sm'; children: ReactNode }) {
  return (
    <Text size={size}>
      <Text span c="dimmed">
        {label}:{' '}
      </Text>
      {children}
    </Text>
  );
}
