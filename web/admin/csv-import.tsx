import { useState } from 'react';
import { Alert, Button, FileButton, Group, Modal, ScrollArea, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconDownload, IconFileImport } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type ResponseOf } from '../api/client.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatNumber } from '../ui/format.ts';
import { useLocale } from '../ui/locale-sync.tsx';

type ImportPath = '/api/admin/products/import' | '/api/admin/inventory/import';
type ImportResult = ResponseOf<'/api/admin/products/import', 'post'>;

function Stat({ label, value, color }: { label: string; value: number; color: string }) {
  const locale = useLocale();
  return (
    <Stack gap={0} align="center">
      <Text fw={700} size="xl" c={color}>
        {formatNumber(value, locale)}
      </Text>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Stack>
  );
}

/**
 * "Export CSV" (a plain download of the current data) and "Import CSV" (upload, then a summary
 * with every rejected row, its field and why).
 */
export function CsvImportExport({ importPath, exportHref, invalidate }: { importPath: ImportPath; exportHref: string; invalidate: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [result, setResult] = useState<ImportResult | null>(null);
  const upload = useMutation({
    mutationFn: async (file: File) => {
      const text = await file.text();
      return unwrap(api.POST(importPath, { body: text, bodySerializer: (b: string) => b, headers: { 'content-type': 'text/csv' } }));
    },
    onSuccess: (r) => {
      setResult(r);
      void qc.invalidateQueries({ queryKey: ['admin', invalidate] });
    },
  });
  return (
    <>
      <Button component="a" href={exportHref} download variant="default" leftSection={<IconDownload size={16} />}>
        {t('admin.csv.export')}
      </Button>
      <FileButton accept=".csv,text/csv" onChange={(f) => f && upload.mutate(f)}>
        {(props) => (
          <Button {...props} variant="default" loading={upload.isPending} leftSection={<IconFileImport size={16} />}>
            {t('admin.csv.import')}
          </Button>
        )}
      </FileButton>
      <Modal opened={result !== null || upload.isError} onClose={() => {
          setResult(null);
          upload.reset();
        }} title={t('admin.csv.resultTitle')} size="lg">
        {upload.isError ? <ErrorAlert error={upload.error} /> : null}
        {result ? (
          <Stack>
            <SimpleGrid cols={3}>
              <Stat label={t('admin.csv.created')} value={result.created} color="teal" />
              <Stat label={t('admin.csv.updated')} value={result.updated} color="blue" />
              <Stat label={t('admin.csv.failed')} value={result.failed} color={result.failed ? 'red' : 'gray'} />
            </SimpleGrid>
            {result.errors.length ? (
              <ScrollArea h={260}>
                <Table striped>
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
                        <Table.Td>{e.row}</Table.Td>
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
            <Group justify="flex-end">
              <Button onClick={() => setResult(null)}>{t('common.done')}</Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
    </>
  );
}
