import { useState } from 'react';
import { ActionIcon, Checkbox, Group, MultiSelect, Paper, Select, Stack, TagsInput, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCompany, useCompanySearch } from './companies-api.ts';
import { useGroupOptions, type Target } from './price-lists-api.ts';

function CompanyName({ id }: { id: string }) {
  const c = useCompany(id);
  return <>{c.data?.legalName ?? id}</>;
}

/**
 * Who a list prices: everyone, channels, customer groups and companies (each company optionally
 * with its subsidiaries). Edits the API's target array directly.
 */
export function TargetsEditor({ value, onChange }: { value: Target[]; onChange: (next: Target[]) => void }) {
  const { t } = useTranslation();
  const groups = useGroupOptions();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const companies = useCompanySearch(q);
  const everyone = value.some((x) => x.type === 'everyone');
  const channels = value.flatMap((x) => (x.type === 'channel' ? [x.channel] : []));
  const groupIds = value.flatMap((x) => (x.type === 'group' ? [x.groupId] : []));
  const companyTargets = value.flatMap((x) => (x.type === 'company' ? [x] : []));
  const others = (type: Target['type']) => value.filter((x) => x.type !== type);

  return (
    <Stack gap="sm" data-testid="targets-editor">
      <Checkbox
        label={t('priceLists.targets.everyoneLabel')}
        checked={everyone}
        onChange={(e) => onChange(e.currentTarget.checked ? [...others('everyone'), { type: 'everyone' }] : others('everyone'))}
      />
      <MultiSelect
        label={t('priceLists.targets.groupsLabel')}
        placeholder={t('priceLists.targets.groupsPlaceholder')}
        data={(groups.data?.items ?? []).map((g) => ({ value: g.id, label: g.name }))}
        value={groupIds}
        searchable
        data-testid="target-groups"
        onChange={(ids) => onChange([...others('group'), ...ids.map((groupId) => ({ type: 'group' as const, groupId }))])}
      />
      <Stack gap={6}>
        <Select
          label={t('priceLists.targets.companiesLabel')}
          placeholder={t('priceLists.targets.companiesPlaceholder')}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          value={null}
          nothingFoundMessage={q ? t('priceLists.targets.noCompany') : undefined}
          data={(companies.data?.items ?? []).filter((c) => !companyTargets.some((x) => x.companyId === c.id)).map((c) => ({ value: c.id, label: c.legalName }))}
          onChange={(id) => {
            if (id) onChange([...value, { type: 'company', companyId: id, includeDescendants: false }]);
            setSearch('');
          }}
        />
        {companyTargets.map((c) => (
          <Paper key={c.companyId} withBorder p="xs">
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm" fw={500}>
                <CompanyName id={c.companyId} />
              </Text>
              <Group gap="sm" wrap="nowrap">
                <Checkbox
                  size="xs"
                  label={t('priceLists.targets.includeDescendants')}
                  checked={c.includeDescendants}
                  onChange={(e) => onChange(value.map((x) => (x.type === 'company' && x.companyId === c.companyId ? { ...x, includeDescendants: e.currentTarget.checked } : x)))}
                />
                <ActionIcon variant="subtle" color="gray" aria-label={t('common.remove')} onClick={() => onChange(value.filter((x) => !(x.type === 'company' && x.companyId === c.companyId)))}>
                  <IconX size={14} />
                </ActionIcon>
              </Group>
            </Group>
          </Paper>
        ))}
      </Stack>
      <TagsInput
        label={t('priceLists.targets.channelsLabel')}
        description={t('priceLists.targets.channelsHint')}
        value={channels}
        onChange={(cs) => onChange([...others('channel'), ...cs.map((channel) => ({ type: 'channel' as const, channel }))])}
      />
    </Stack>
  );
}
