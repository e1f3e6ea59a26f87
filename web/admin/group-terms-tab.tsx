import { useEffect, useState } from 'react';
import { Badge, Button, Code, Group, Paper, SimpleGrid, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconReceipt, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert, fieldError } from '../ui/error-alert.tsx';
import { formatNumber } from '../ui/format.ts';
import { useLocale } from '../ui/locale-sync.tsx';
import type { TermsCode } from './company-credit-api.ts';
import { useGroupTerms, useSetGroupTerms, type GroupTerms } from './group-terms-api.ts';
import { useCan } from './session.ts';
import { TermsSelect } from './terms-select.tsx';

/** The priority range the API accepts (GroupTermsBody in src/modules/credit/credit.schemas.ts). */
const PRIORITY_MAX = 1_000_000;

/** "12", "-3" or "−3" (the minus sign an RTL keyboard may give) → an integer; anything else → null. */
function parsePriority(text: string): number | null {
  const s = text.trim().replace('−', '-');
  return /^-?\d{1,16}$/.test(s) ? Number(s) : null;
}

/** What the group gives its members now: the terms by name and code, and its priority — or the empty state. */
function Current({ terms }: { terms: GroupTerms }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (terms.paymentTerms === null) {
    return (
      <div data-testid="group-terms-empty">
        <EmptyState icon={<IconReceipt size={28} />} title={t('groupTerms.emptyTitle')} description={t('groupTerms.emptyText')} />
      </div>
    );
  }
  const name = t(`credit.termsCode.${terms.paymentTerms}`);
  return (
    <Paper withBorder p="lg" data-testid="group-terms-current" data-terms={terms.paymentTerms}>
      <Stack gap="xs">
        <Group gap="sm">
          <Badge size="lg" variant="light" data-testid="group-terms-label">
            {name}
          </Badge>
          <Code dir="ltr" data-testid="group-terms-code">
            {terms.paymentTerms}
          </Code>
          <Badge variant="outline" color="gray" data-testid="group-terms-priority">
            {t('groupTerms.priorityValue', { priority: formatNumber(terms.priority, locale) })}
          </Badge>
        </Group>
        <Text size="sm">{t('groupTerms.inForce', { terms: name })}</Text>
        <Text size="xs" c="dimmed">
          {t('groupTerms.companyWins')}
        </Text>
      </Stack>
    </Paper>
  );
}

function TermsForm({ groupId, current }: { groupId: string; current: GroupTerms }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const save = useSetGroupTerms(groupId);
  const [terms, setTerms] = useState<TermsCode | null>(current.paymentTerms);
  const [priority, setPriority] = useState(String(current.priority));
  const [priorityError, setPriorityError] = useState<string | null>(null);
  const [done, setDone] = useState<'saved' | 'cleared' | null>(null);
  useEffect(() => {
    setTerms(current.paymentTerms);
    setPriority(String(current.priority));
  }, [current]);

  const submit = (paymentTerms: TermsCode | null) => {
    setDone(null);
    if (paymentTerms === null) {
      setPriorityError(null);
      save.mutate({ paymentTerms: null }, { onSuccess: () => setDone('cleared') });
      return;
    }
    const parsed = parsePriority(priority);
    if (parsed === null) {
      setPriorityError(t('groupTerms.badPriority'));
      return;
    }
    setPriorityError(null);
    save.mutate({ paymentTerms, priority: parsed }, { onSuccess: () => setDone('saved') });
  };

  // The server names the field at fault (RFC 9457 `field`); a priority out of range is said in the reader's language.
  const serverPriority = isApiError(save.error) && save.error.field === 'priority' ? t('groupTerms.priorityRange', { min: formatNumber(-PRIORITY_MAX, locale), max: formatNumber(PRIORITY_MAX, locale) }) : null;

  return (
    <Paper withBorder p="lg">
      <Stack gap="md">
        <Title order={3} size="h5">
          {t('groupTerms.settings')}
        </Title>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <TermsSelect
            label={t('groupTerms.terms')}
            description={t('groupTerms.termsHint')}
            noneLabel={t('groupTerms.none')}
            value={terms}
            onChange={(v) => {
              setTerms(v);
              setDone(null);
            }}
            error={fieldError(save.error, 'paymentTerms')}
            testId="group-terms-select"
          />
          <TextInput
            label={t('groupTerms.priority')}
            description={t('groupTerms.priorityHint')}
            value={priority}
            onChange={(e) => setPriority(e.currentTarget.value)}
            error={priorityError ?? serverPriority}
            disabled={terms === null}
            inputMode="numeric"
            dir="ltr"
            data-testid="group-terms-priority-input"
          />
        </SimpleGrid>
        <ErrorAlert error={save.error} />
        <Group justify="space-between">
          {done ? (
            <Text size="sm" c="teal" data-testid="group-terms-done">
              {t(`groupTerms.${done}`)}
            </Text>
          ) : (
            <span />
          )}
          <Group gap="sm">
            {current.paymentTerms !== null ? (
              <Button variant="subtle" color="red" leftSection={<IconX size={16} />} onClick={() => submit(null)} loading={save.isPending && save.variables.paymentTerms === null} data-testid="group-terms-clear">
                {t('groupTerms.clear')}
              </Button>
            ) : null}
            <Button onClick={() => submit(terms)} loading={save.isPending && save.variables.paymentTerms !== null} disabled={terms === null && current.paymentTerms === null} data-testid="group-terms-save">
              {t('common.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
}

/**
 * A customer group's "Payment terms" tab: the terms its member companies inherit when they have
 * none of their own (the highest-priority group wins), and for credit staff the form to set or
 * clear them.
 */
export function GroupTermsTab({ groupId }: { groupId: string }) {
  const terms = useGroupTerms(groupId);
  const canWrite = useCan('credit:write');
  if (terms.isPending) return <Skeleton h={160} />;
  if (terms.error || !terms.data) return <ErrorAlert error={terms.error} />;
  return (
    <Stack gap="lg">
      <Current terms={terms.data} />
      {canWrite ? <TermsForm groupId={groupId} current={terms.data} /> : null}
    </Stack>
  );
}
