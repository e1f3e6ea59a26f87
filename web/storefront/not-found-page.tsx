import { Link } from 'react-router-dom';
import { Button } from '@mantine/core';
import { IconMoodEmpty } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../ui/empty-state.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <EmptyState
      icon={<IconMoodEmpty size={28} />}
      title={t('common.notFoundTitle')}
      description={t('common.notFoundText')}
      action={
        <Button component={Link} to="/">
          {t('store.home')}
        </Button>
      }
    />
  );
}
