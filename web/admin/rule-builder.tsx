import { ActionIcon, Badge, Box, Button, Checkbox, Group, Paper, SegmentedControl, Select, Stack, TagsInput, TextInput, Tooltip } from '@mantine/core';
import { IconInfoCircle, IconPlus, IconSquarePlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { currencyOptions } from '../ui/geo.ts';
import { useLocale } from '../ui/locale-sync.tsx';
import { CompanyPicker } from './group-company-picker.tsx';
import {
  isListOperator,
  isRelation,
  needsValue,
  newCondition,
  newGroup,
  RELATIONS,
  updateNode,
  withSubject,
  type BuilderAttribute,
  type BuilderNode,
  type ConditionRow,
  type GroupNode,
  type RowProblem,
} from './rule-builder-model.ts';

interface Shared {
  root: GroupNode;
  attributes: BuilderAttribute[];
  problems: ReadonlyMap<string, RowProblem>;
  onChange: (tree: GroupNode) => void;
}

/** The attribute picker's options: company attributes, purchase history, hierarchy. */
function attributeOptions(attributes: BuilderAttribute[], t: (k: string) => string) {
  return [
    { group: t('groups.builder.attributes'), items: attributes.filter((a) => !a.metric).map((a) => ({ value: a.name, label: a.name })) },
    { group: t('groups.builder.metrics'), items: attributes.filter((a) => a.metric).map((a) => ({ value: a.name, label: a.name })) },
    { group: t('groups.builder.hierarchy'), items: RELATIONS.map((r) => ({ value: r, label: r })) },
  ];
}

function ValueInput({ row, attr, set, error }: { row: ConditionRow; attr: BuilderAttribute | undefined; set: (r: ConditionRow) => void; error: string | undefined }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const common = { 'aria-label': t('groups.builder.value'), error, 'data-testid': 'rule-value' } as const;
  if (isRelation(row.subject) || (attr?.type === 'company_ref' && needsValue(row.operator) && !isListOperator(row.operator))) {
    return <CompanyPicker w={280} label="" placeholder={t('groups.builder.pickCompany')} value={row.value || null} onChange={(c) => set({ ...row, value: c?.id ?? '' })} error={error} testId="rule-value" />;
  }
  if (!needsValue(row.operator)) return null;
  if (isListOperator(row.operator)) {
    return <TagsInput {...common} w={320} placeholder={t('groups.builder.listHint')} value={row.values} onChange={(values) => set({ ...row, values })} splitChars={[',']} clearable />;
  }
  switch (attr?.type) {
    case 'money':
      return (
        <Group gap={4} wrap="nowrap">
          <TextInput {...common} w={150} dir="ltr" inputMode="decimal" placeholder="50000.00" value={row.value} onChange={(e) => set({ ...row, value: e.currentTarget.value })} />
          <Select
            aria-label={t('groups.builder.currency')}
            w={110}
            searchable
            allowDeselect={false}
            data={currencyOptions(locale).map((c) => ({ value: c.value, label: c.value }))}
            value={row.currency}
            onChange={(c) => set({ ...row, currency: c ?? row.currency })}
            data-testid="rule-currency"
          />
        </Group>
      );
    case 'date':
      return <TextInput {...common} w={170} type="date" value={row.value} onChange={(e) => set({ ...row, value: e.currentTarget.value })} />;
    case 'boolean':
      return <Select {...common} w={120} allowDeselect={false} data={['true', 'false']} value={row.value || 'true'} onChange={(v) => set({ ...row, value: v ?? 'true' })} />;
    case 'number':
      return <TextInput {...common} w={150} dir="ltr" inputMode="decimal" placeholder={attr.example} value={row.value} onChange={(e) => set({ ...row, value: e.currentTarget.value })} />;
    default:
      return <TextInput {...common} w={240} placeholder={attr?.example?.replace(/^"|"$/g, '')} value={row.value} onChange={(e) => set({ ...row, value: e.currentTarget.value })} />;
  }
}

function ConditionEditor({ row, shared, canRemove }: { row: ConditionRow; shared: Shared; canRemove: boolean }) {
  const { t } = useTranslation();
  const attr = shared.attributes.find((a) => a.name === row.subject);
  const set = (next: ConditionRow) => shared.onChange(updateNode(shared.root, row.id, () => next));
  const problem = shared.problems.get(row.id);
  const operators = isRelation(row.subject) ? [row.subject] : (attr?.operators ?? []);
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap" data-testid="rule-row">
      <Tooltip label={t('groups.builder.negateHint')}>
        <Checkbox mt={8} label={t('groups.builder.not')} checked={row.negated} onChange={(e) => set({ ...row, negated: e.currentTarget.checked })} />
      </Tooltip>
      <Select
        aria-label={t('groups.builder.attribute')}
        w={220}
        searchable
        placeholder={t('groups.builder.pickAttribute')}
        data={attributeOptions(shared.attributes, t)}
        value={row.subject || null}
        onChange={(s) => s && set(withSubject(row, s, shared.attributes))}
        error={problem === 'subject' ? t('groups.builder.problem.subject') : undefined}
        data-testid="rule-attribute"
        comboboxProps={{ withinPortal: true }}
      />
      {isRelation(row.subject) ? null : (
        <Select
          aria-label={t('groups.builder.operator')}
          w={130}
          allowDeselect={false}
          disabled={!attr}
          data={operators}
          value={row.operator}
          onChange={(op) => op && set({ ...row, operator: op, values: isListOperator(op) && !isListOperator(row.operator) && row.value ? [row.value] : row.values })}
          data-testid="rule-operator"
        />
      )}
      <ValueInput row={row} attr={attr} set={set} error={problem && problem !== 'subject' ? t(`groups.builder.problem.${problem}`) : undefined} />
      {attr?.description ? (
        <Tooltip label={attr.description} multiline w={280}>
          <ActionIcon variant="subtle" color="gray" mt={4} aria-label={attr.description}>
            <IconInfoCircle size={16} />
          </ActionIcon>
        </Tooltip>
      ) : null}
      {canRemove ? (
        <ActionIcon variant="subtle" color="gray" mt={4} aria-label={t('groups.builder.removeRow')} onClick={() => shared.onChange(updateNode(shared.root, row.id, () => null))}>
          <IconTrash size={16} />
        </ActionIcon>
      ) : null}
    </Group>
  );
}

function GroupEditor({ group, shared, depth }: { group: GroupNode; shared: Shared; depth: number }) {
  const { t } = useTranslation();
  const set = (next: GroupNode) => shared.onChange(next.id === shared.root.id ? next : updateNode(shared.root, group.id, () => next));
  const add = (node: BuilderNode) => set({ ...group, children: [...group.children, node] });
  return (
    <Paper withBorder p="sm" bg={depth % 2 === 0 ? 'white' : 'gray.0'} data-testid="rule-group">
      <Stack gap="xs">
        <Group gap="sm" justify="space-between">
          <Group gap="sm">
            <Checkbox label={t('groups.builder.not')} checked={group.negated} onChange={(e) => set({ ...group, negated: e.currentTarget.checked })} />
            <SegmentedControl
              size="xs"
              value={group.op}
              onChange={(op) => set({ ...group, op: op === 'or' ? 'or' : 'and' })}
              data={[
                { value: 'and', label: t('groups.builder.all') },
                { value: 'or', label: t('groups.builder.any') },
              ]}
              data-testid="rule-group-op"
            />
            <Badge variant="light" color="gray" tt="none">
              {group.op}
            </Badge>
          </Group>
          {depth > 0 ? (
            <ActionIcon variant="subtle" color="gray" aria-label={t('groups.builder.removeGroup')} onClick={() => shared.onChange(updateNode(shared.root, group.id, () => null))}>
              <IconTrash size={16} />
            </ActionIcon>
          ) : null}
        </Group>
        <Box ps={depth > 0 ? 'sm' : 0}>
          <Stack gap="xs">
            {group.children.map((child) =>
              child.kind === 'group' ? (
                <GroupEditor key={child.id} group={child} shared={shared} depth={depth + 1} />
              ) : (
                <ConditionEditor key={child.id} row={child} shared={shared} canRemove={group.children.length > 1 || depth > 0} />
              ),
            )}
          </Stack>
        </Box>
        <Group gap="xs">
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => add(newCondition())} data-testid="rule-add-row">
            {t('groups.builder.addRow')}
          </Button>
          <Button size="xs" variant="subtle" leftSection={<IconSquarePlus size={14} />} onClick={() => add(newGroup(group.op === 'and' ? 'or' : 'and', [newCondition()]))} data-testid="rule-add-group">
            {t('groups.builder.addGroup')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Rows of attribute / operator / value in nested all-of / any-of groups. */
export function RuleBuilder({ tree, attributes, problems, onChange }: { tree: GroupNode; attributes: BuilderAttribute[]; problems: ReadonlyMap<string, RowProblem>; onChange: (tree: GroupNode) => void }) {
  return <GroupEditor group={tree} shared={{ root: tree, attributes, problems, onChange }} depth={0} />;
}
