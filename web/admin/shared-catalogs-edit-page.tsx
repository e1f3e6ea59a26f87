import { useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ActionIcon, Anchor, Badge, Breadcrumbs, Button, Checkbox, Group, List, Modal, Paper, SegmentedControl, Select, Skeleton, Stack, Switch, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconEye, IconEyeOff, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.ts';
import { ErrorAlert, fieldError } from '../ui/error-alert.tsx';
import { formatNumber } from '../ui/format.ts';
import { useLocale } from '../ui/locale-sync.tsx';
import { CompanyPicker } from './group-company-picker.tsx';
import { useCan } from './session.ts';
import {
  RULE_KINDS,
  useDeleteSharedCatalog,
  useRulesPreview,
  useSaveSharedCatalog,
  useSharedCatalog,
  type AssignmentInput,
  type RuleEffect,
  type RuleInput,
  type RuleKind,
  type SharedCatalog,
} from './shared-catalogs-api.ts';
import { GroupMultiPicker, RuleValuePicker } from './shared-catalogs-pickers.tsx';

interface RuleRow {
  key: number;
  effect: RuleEffect;
  kind: RuleKind;
  value: string;
  label: string;
}
interface CompanyRow {
  key: number;
  companyId: string | null;
  includeDescendants: boolean;
}

/** Create (no id) or edit a shared catalog: rules, assignments and a live count of what it shows. */
export function SharedCatalogEditPage() {
  const { id } = useParams();
  const catalog = useSharedCatalog(id);
  if (id && catalog.isPending) return <Skeleton h={300} />;
  if (id && (catalog.error || !catalog.data)) return <ErrorAlert error={catalog.error} />;
  return <CatalogForm key={id ?? 'new'} catalog={catalog.data ?? null} />;
}

function CatalogForm({ catalog }: { catalog: SharedCatalog | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canWrite = useCan('catalog:write');
  const save = useSaveSharedCatalog(catalog?.id);
  const remove = useDeleteSharedCatalog();
  const nextKey = useRef(1);
  const key = () => nextKey.current++;
  const [name, setName] = useState(catalog?.name ?? '');
  const [description, setDescription] = useState(catalog?.description ?? '');
  const [status, setStatus] = useState<SharedCatalog['status']>(catalog?.status ?? 'draft');
  const [rules, setRules] = useState<RuleRow[]>(() => (catalog?.rules ?? []).map((r) => ({ ...r, key: key() })));
  const [everyone, setEveryone] = useState(() => catalog?.assignments.some((a) => a.type === 'everyone') ?? false);
  const [groupIds, setGroupIds] = useState<string[]>(() => catalog?.assignments.flatMap((a) => (a.type === 'group' ? [a.groupId] : [])) ?? []);
  const [groupLabels, setGroupLabels] = useState(() => new Map(catalog?.assignments.flatMap((a) => (a.type === 'group' ? [[a.groupId, a.label] as const] : [])) ?? []));
  const [companies, setCompanies] = useState<CompanyRow[]>(
    () => catalog?.assignments.flatMap((a) => (a.type === 'company' ? [{ key: key(), companyId: a.companyId, includeDescendants: a.includeDescendants }] : [])) ?? [],
  );
  const [confirmDelete, setConfirmDelete] = useState(false);

  const complete: RuleInput[] = useMemo(() => rules.filter((r) => r.value.trim() !== '').map((r) => ({ effect: r.effect, kind: r.kind, value: r.value.trim() })), [rules]);
  const [debouncedRules] = useDebouncedValue(complete, 300);
  const preview = useRulesPreview(debouncedRules);

  const assignments: AssignmentInput[] = [
    ...(everyone ? [{ type: 'everyone' as const }] : []),
    ...groupIds.map((groupId) => ({ type: 'group' as const, groupId })),
    ...companies.flatMap((c) => (c.companyId ? [{ type: 'company' as const, companyId: c.companyId, includeDescendants: c.includeDescendants }] : [])),
  ];
  // The server names fields by position in what was sent: map them back to rows.
  const errorField = isApiError(save.error) ? save.error.field : undefined;
  const sentIndex = new Map(rules.filter((r) => r.value.trim() !== '').map((r, i) => [r.key, i]));
  const companyOffset = (everyone ? 1 : 0) + groupIds.length;

  const submit = () =>
    save.mutate(
      { name: name.trim(), description, status, rules: complete, assignments },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'teal', message: t('catalogs.saved', { name: saved.name }) });
          navigate('/admin/catalogs');
        },
      },
    );

  const updateRule = (k: number, patch: Partial<RuleRow>) => setRules((rs) => rs.map((r) => (r.key === k ? { ...r, ...patch } : r)));
  const addRule = (effect: RuleEffect) => setRules((rs) => [...rs, { key: key(), effect, kind: 'category', value: '', label: '' }]);

  const section = (effect: RuleEffect) => {
    const rows = rules.filter((r) => r.effect === effect);
    return (
      <Stack gap="xs" data-testid={`${effect}-rules`}>
        <Group gap="xs">
          {effect === 'include' ? <IconEye size={18} /> : <IconEyeOff size={18} />}
          <Text fw={600}>{t(`catalogs.${effect}.title`)}</Text>
        </Group>
        <Text size="sm" c="dimmed">
          {t(`catalogs.${effect}.hint`)}
        </Text>
        {rows.map((r) => {
          const index = sentIndex.get(r.key);
          return (
            <Group key={r.key} gap="xs" wrap="nowrap" align="flex-start" data-testid="rule-row">
              <Select
                aria-label={t('catalogs.ruleKind')}
                w={150}
                data={RULE_KINDS.map((k) => ({ value: k, label: t(`catalogs.kind.${k}`) }))}
                value={r.kind}
                allowDeselect={false}
                onChange={(v) => v && updateRule(r.key, { kind: v as RuleKind, value: '', label: '' })}
                data-testid="rule-kind"
                comboboxProps={{ withinPortal: true }}
              />
              <RuleValuePicker
                kind={r.kind}
                value={r.value}
                label={r.label}
                onChange={(value, label) => updateRule(r.key, { value, label })}
                error={index !== undefined && errorField === `rules[${index}].value` ? save.error?.message : undefined}
                testId="rule-value"
              />
              <ActionIcon variant="subtle" color="gray" size="lg" aria-label={t('common.remove')} onClick={() => setRules((rs) => rs.filter((x) => x.key !== r.key))}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          );
        })}
        <Group>
          <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={() => addRule(effect)} data-testid={`add-${effect}`}>
            {t(`catalogs.${effect}.add`)}
          </Button>
        </Group>
      </Stack>
    );
  };

  return (
    <Stack gap="lg">
      <Breadcrumbs separator="›">
        <Anchor component={Link} to="/admin/catalogs" size="sm">
          {t('catalogs.title')}
        </Anchor>
        <Text size="sm">{catalog ? catalog.name : t('catalogs.create')}</Text>
      </Breadcrumbs>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {catalog ? t('catalogs.editTitle', { name: catalog.name }) : t('catalogs.create')}
        </Title>
        {catalog && canWrite ? (
          <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={() => setConfirmDelete(true)} data-testid="delete-catalog">
            {t('common.delete')}
          </Button>
        ) : null}
      </Group>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="lg">
          <ErrorAlert error={save.error && !fieldError(save.error, 'name') ? save.error : null} />
          <Paper withBorder p="lg">
            <Stack>
              <TextInput label={t('common.name')} required maxLength={200} value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError(save.error, 'name')} name="name" />
              <Textarea label={t('catalogs.descriptionLabel')} autosize minRows={2} maxLength={2000} value={description} onChange={(e) => setDescription(e.currentTarget.value)} name="description" />
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  {t('common.status')}
                </Text>
                <SegmentedControl
                  w="fit-content"
                  value={status}
                  onChange={(v) => setStatus(v as SharedCatalog['status'])}
                  data={[
                    { value: 'draft', label: t('catalogs.status.draft') },
                    { value: 'active', label: t('catalogs.status.active') },
                  ]}
                  data-testid="catalog-status-control"
                />
                <Text size="xs" c="dimmed">
                  {t('catalogs.statusHint')}
                </Text>
              </Stack>
            </Stack>
          </Paper>
          <Paper withBorder p="lg">
            <Stack gap="lg">
              <Title order={2} size="h4">
                {t('catalogs.rules')}
              </Title>
              {section('include')}
              {section('exclude')}
              <VisibleCount preview={preview.data} loading={preview.isFetching} error={preview.error} />
            </Stack>
          </Paper>
          <Paper withBorder p="lg">
            <Stack>
              <Title order={2} size="h4">
                {t('catalogs.assignedTo')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('catalogs.assign.hint')}
              </Text>
              <Switch label={t('catalogs.assign.everyone')} description={t('catalogs.assign.everyoneHint')} checked={everyone} onChange={(e) => setEveryone(e.currentTarget.checked)} data-testid="assign-everyone" />
              <GroupMultiPicker
                value={groupIds}
                labels={groupLabels}
                onChange={(ids, labels) => {
                  setGroupIds(ids);
                  setGroupLabels(labels);
                }}
                error={errorField?.startsWith('assignments[') && errorField.endsWith('.groupId') ? save.error?.message : undefined}
              />
              <Stack gap="xs">
                <Text size="sm" fw={500}>
                  {t('catalogs.assign.companies')}
                </Text>
                {companies.map((c, i) => (
                  <Group key={c.key} gap="sm" align="flex-end" data-testid="company-row">
                    <CompanyPicker
                      w={360}
                      value={c.companyId}
                      onChange={(picked) => setCompanies((cs) => cs.map((x) => (x.key === c.key ? { ...x, companyId: picked?.id ?? null } : x)))}
                      error={errorField === `assignments[${companyOffset + i}].companyId` ? save.error?.message : undefined}
                      testId="company-picker"
                    />
                    <Checkbox
                      mb={8}
                      label={t('catalogs.assign.descendants')}
                      checked={c.includeDescendants}
                      onChange={(e) => {
                        const checked = e.currentTarget.checked;
                        setCompanies((cs) => cs.map((x) => (x.key === c.key ? { ...x, includeDescendants: checked } : x)));
                      }}
                      data-testid="include-descendants"
                    />
                    <ActionIcon mb={4} variant="subtle" color="gray" size="lg" aria-label={t('common.remove')} onClick={() => setCompanies((cs) => cs.filter((x) => x.key !== c.key))}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                ))}
                <Group>
                  <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={() => setCompanies((cs) => [...cs, { key: key(), companyId: null, includeDescendants: false }])} data-testid="add-company">
                    {t('catalogs.assign.addCompany')}
                  </Button>
                </Group>
              </Stack>
              {!assignments.length ? (
                <Text size="sm" c="orange.8" data-testid="no-assignments">
                  {t('catalogs.assign.none')}
                </Text>
              ) : null}
            </Stack>
          </Paper>
          {canWrite ? (
            <Group justify="flex-end">
              <Button variant="default" component={Link} to="/admin/catalogs">
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending} disabled={name.trim() === ''} data-testid="save-catalog">
                {t('common.save')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      </form>
      <Modal opened={confirmDelete} onClose={() => setConfirmDelete(false)} title={t('catalogs.deleteTitle')}>
        <Stack>
          <Text size="sm">{t('catalogs.deleteText', { name: catalog?.name ?? '' })}</Text>
          <ErrorAlert error={remove.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmDelete(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              data-testid="confirm-delete"
              onClick={() => catalog && remove.mutate(catalog.id, { onSuccess: () => navigate('/admin/catalogs') })}
            >
              {t('common.delete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

/** "1,204 products visible" and the first few names, as if this catalog alone reached a buyer. */
function VisibleCount({ preview, loading, error }: { preview: { count: number; products: { id: string; name: string }[] } | undefined; loading: boolean; error: unknown }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Paper bg="gray.0" p="md" radius="md" aria-live="polite">
      <Stack gap={6}>
        <Group gap="xs">
          <Badge size="lg" variant="light" color="indigo" data-testid="visible-count" data-count={preview?.count ?? ''}>
            {preview ? t('catalogs.visibleCount', { count: preview.count, n: formatNumber(preview.count, locale) }) : t('common.loading')}
          </Badge>
          {loading ? (
            <Text size="xs" c="dimmed">
              {t('common.loading')}
            </Text>
          ) : null}
        </Group>
        <Text size="xs" c="dimmed">
          {t('catalogs.visibleHint')}
        </Text>
        {isApiError(error) ? (
          <Text size="sm" c="red">
            {error.detail}
          </Text>
        ) : null}
        {preview && preview.products.length ? (
          <List size="sm" data-testid="visible-sample">
            {preview.products.slice(0, 5).map((p) => (
              <List.Item key={p.id}>{p.name}</List.Item>
            ))}
          </List>
        ) : null}
      </Stack>
    </Paper>
  );
}
