import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Anchor, Badge, Group, List, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatNumber } from '../ui/format.ts';
import { useLocale } from '../ui/locale-sync.tsx';
import { CompanyPicker } from './group-company-picker.tsx';
import { useCompanyVisibility, type CompanyVisibility } from './shared-catalogs-api.ts';

type Reason = CompanyVisibility['catalogs'][number]['reasons'][number];

/** "What does company X see, and why?": the catalogs reaching it with each reason, and its product count. */
export function CompanyVisibilityCheck() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [companyId, setCompanyId] = useState<string | null>(null);
  const visibility = useCompanyVisibility(companyId);
  const reason = (r: Reason) => t(`catalogs.check.via.${r.via}`, { name: r.label });

  return (
    <Paper withBorder p="lg" data-testid="company-visibility">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('catalogs.check.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('catalogs.check.hint')}
        </Text>
        <CompanyPicker w={360} value={companyId} onChange={(c) => setCompanyId(c?.id ?? null)} testId="visibility-company" />
        <ErrorAlert error={visibility.error} />
        {companyId && visibility.isPending ? <Skeleton h={60} /> : null}
        {visibility.data ? (
          <Stack gap="xs">
            <Group gap="xs">
              <Badge size="lg" variant="light" color="indigo" data-testid="company-visible-count">
                {t('catalogs.visibleCount', { n: formatNumber(visibility.data.visibleProductCount, locale) })}
              </Badge>
            </Group>
            {visibility.data.publicCatalog ? (
              <Text size="sm">{t('catalogs.check.public')}</Text>
            ) : (
              <List size="sm" spacing={4} data-testid="reaching-catalogs">
                {visibility.data.catalogs.map((c) => (
                  <List.Item key={c.id}>
                    <Anchor component={Link} to={`/admin/catalogs/${c.id}`} fw={500}>
                      {c.name}
                    </Anchor>{' '}
                    <Text span size="sm" c="dimmed">
                      — {c.reasons.map(reason).join('; ')}
                    </Text>
                  </List.Item>
                ))}
              </List>
            )}
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}
