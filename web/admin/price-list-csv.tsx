import { useState } from 'react';
import { Alert, Button, FileButton, Group, Modal, Progress, ScrollArea, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconDownload, IconFileImport } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatNumber } from '../ui/format.ts';
import { useLocale } from '../ui/locale-sync.tsx';
import { filterQuery, uploadEntriesCsv, type EntryFilter, type ImportResult } from './price-lists-api.ts';
import { useStaffSession } from './session.ts';

/**
 * CSV export of the entries (the grid's filter applies) and CSV import with an upload progress bar,
 * then a summary with every rejected row, its column and why.
 */
export function EntriesCsv({ listId, filter, canWrite }: { listId: string; filter: EntryFilter; canWrite: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const qc = useQueryClient();
  const session = useStaffSession();
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const query = new URLSearchParams(filterQuery(filter)).toString();

  const upload = (file: File) => {
    setProgress(0);
    setError(null);
    uploadEntriesCsv(listId, file, session.data?.csrfToken ?? '', setProgress)
      .then((r) => {
        setResult(r);
        void qc.invalidateQueries({ queryKey: ['admin', 'price-lists'] });
      })
      .catch(setError)
      .finally(() => setProgress(null));
  };
  const stat = (label: string, value: number, color: string) => (
    <Stack gap={0} align="center">
      <Text fw={700} size="xl" c={color}>
        {formatNumber(value, locale)}
      </Text>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Stack>
  );

  return (
    <>
      <Button component="a" href={`/api/admin/price-lists/${listId}/entries.csv${query ? `?${query}` : ''}`} download variant="default" leftSection={<IconDownload size={16} />} data-testid="entries-export">
        {t('admin.csv.export')}
      </Button>
      {canWrite ? (
        <FileButton accept=".csv,text/csv" onChange={(f) => f && upload(f)}>
          {(props) => (
            <Button {...props} variant="default" loading={progress !== null} leftSection={<IconFileImport size={16} />} data-testid="entries-import">
              {t('admin.csv.import')}
            </Button>
          )}
        </FileButton>
      ) : null}
      <Modal opened={progress !== null || result !== null || error !== null} onClose={() => { setResult(null); setError(null); }} title={progress !== null ? t('priceLists.csv.uploading') : t('admin.csv.resultTitle')} size="lg">
        <Stack data-testid="import-result">
          {progress !== null ? (
            <Stack gap={4}>
              <Progress value={progress * 100} animated={progress >= 1} aria-label={t('priceLists.csv.uploading')} data-testid="import-progress" />
              <Text size="xs" c="dimmed">
                {progress >= 1 ? t('priceLists.csv.processing') : t('priceLists.csv.sent', { percent: formatNumber(progress, locale, { style: 'percent' }) })}
              </Text>
            </Stack>
          ) : null}
          <ErrorAlert error={error} />
          {result ? (
            <>
              <SimpleGrid cols={3}>
                {stat(t('admin.csv.created'), result.created, 'teal')}
                {stat(t('admin.csv.updated'), result.updated, 'blue')}
                {stat(t('admin.csv.failed'), result.failed, result.failed ? 'red' : 'gray')}
              </SimpleGrid>
              {result.errors.length ? (
                <ScrollArea h={260}>
                  <Table striped data-testid="import-errors">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('admin.csv.row')}</Table.Th>
                        <Table.Th>{t('admin.csv.field')}</Table.Th>
                        <Table.Th>{t('admin.csv.problem')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {result.errors.map((e, i) => (
                        <Table.Tr key={i}>
                          <Table.Td>{formatNumber(e.row, locale)}</Table.Td>
                          <Table.Td>
                            <Text ff="monospace" size="sm">
                              {e.field}
                            </Text>
                          </Table.Td>
                          <Table.Td>{e.message}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </ScrollArea>
              ) : (
                <Alert color="teal">{t('admin.csv.allGood')}</Alert>
              )}
              {result.errorsTruncated ? <Text size="xs" c="dimmed">{t('priceLists.csv.truncated')}</Text> : null}
              <Text size="xs" c="dimmed">
                {t('priceLists.csv.format')}
              </Text>
              <Group justify="flex-end">
                <Button onClick={() => setResult(null)}>{t('common.done')}</Button>
              </Group>
            </>
          ) : null}
        </Stack>
      </Modal>
    </>
  );
}
