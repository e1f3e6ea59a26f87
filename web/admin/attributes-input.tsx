import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export type Pairs = { key: string; value: string }[];

export const toPairs = (o: Record<string, unknown> | undefined): Pairs => Object.entries(o ?? {}).map(([key, value]) => ({ key, value: String(value) }));
export const fromPairs = (p: Pairs): Record<string, string> => Object.fromEntries(p.filter((x) => x.key.trim()).map((x) => [x.key.trim(), x.value.trim()]));

/** Editable name → value list (product and variant attributes such as "Material: steel"). */
export function AttributesInput({ label, value, onChange }: { label: string; value: Pairs; onChange: (v: Pairs) => void }) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<Pairs[number]>) => onChange(value.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      {value.map((p, i) => (
        <Group key={i} gap="xs" wrap="nowrap">
          <TextInput placeholder={t('admin.products.attrName')} aria-label={t('admin.products.attrName')} value={p.key} onChange={(e) => set(i, { key: e.currentTarget.value })} style={{ flex: 1 }} />
          <TextInput placeholder={t('admin.products.attrValue')} aria-label={t('admin.products.attrValue')} value={p.value} onChange={(e) => set(i, { value: e.currentTarget.value })} style={{ flex: 1 }} />
          <ActionIcon variant="subtle" color="red" onClick={() => onChange(value.filter((_, j) => j !== i))} aria-label={t('common.remove')}>
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button size="compact-sm" variant="subtle" leftSection={<IconPlus size={14} />} onClick={() => onChange([...value, { key: '', value: '' }])}>
          {t('admin.products.addAttribute')}
        </Button>
      </Group>
    </Stack>
  );
}
