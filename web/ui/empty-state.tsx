import type { ReactNode } from 'react';
import { EmptyState as MantineEmptyState, Paper } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';

/** A friendly "nothing here" that says what to try next. */
export function EmptyState({ title, description, icon, action }: { title: ReactNode; description?: ReactNode; icon?: ReactNode; action?: ReactNode }) {
  return (
    <Paper withBorder p="xl" data-testid="empty-state">
      <MantineEmptyState title={title} description={description} icon={icon ?? <IconInbox size={28} />} variant="light" color="gray">
        {action ? <MantineEmptyState.Actions>{action}</MantineEmptyState.Actions> : null}
      </MantineEmptyState>
    </Paper>
  );
}
