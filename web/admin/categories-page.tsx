import { useState } from 'react';
import { ActionIcon, Badge, Box, Button, Group, Loader, Modal, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconCategory, IconPlus } from '@tabler/icons-react';
import { ForwardChevron } from '../ui/dir-icons.tsx';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert, fieldError } from '../ui/error-alert.tsx';
import { formatNumber } from '../ui/format.ts';
import { useLocale } from '../ui/locale-sync.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { useAllCategories, useCategoryChildren, useCreateCategory, type CategoryRow } from './catalog-api.ts';

function CategoryNode({ c, onAdd }: { c: CategoryRow; onAdd: (parentId: string) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [open, setOpen] = useState(c.depth === 0);
  return (
    <Box component="li" style={{ listStyle: 'none' }}>
      <Group
        gap="xs"
        wrap="nowrap"
        py={6}
        pe="sm"
        ps={`calc(${c.depth} * 24px + 8px)`}
        className="precis-tree-row"
        role="treeitem"
        aria-level={c.depth + 1}
        aria-expanded={c.childCount > 0 ? open : undefined}
        tabIndex={0}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            setOpen(!open);
          }
        }}
        style={{ borderBottom: '1px solid var(--mantine-color-gray-1)' }}
      >
        <ActionIcon variant="subtle" color="gray" size="sm" tabIndex={-1} style={{ visibility: c.childCount > 0 ? 'visible' : 'hidden' }} onClick={() => setOpen(!open)} aria-hidden>
          <ForwardChevron open={open} />
        </ActionIcon>
        <IconCategory size={18} color="var(--mantine-color-violet-6)" />
        <Text size="sm" fw={500} style={{ flex: 1 }}>
          {c.name}
        </Text>
        <Text size="xs" c="dimmed" ff="monospace" visibleFrom="sm">
          {c.slug}
        </Text>
        <Badge variant="light" color="gray" size="sm" tt="none" miw={110}>
          {t('store.productCount', { count: c.productCount, formatted: formatNumber(c.productCount, locale) })}
        </Badge>
        <ActionIcon variant="subtle" size="sm" onClick={() => onAdd(c.id)} aria-label={t('admin.categories.addChild')} title={t('admin.categories.addChild')}>
          <IconPlus size={14} />
        </ActionIcon>
      </Group>
      {open && c.childCount > 0 ? <CategoryLevel parentId={c.id} onAdd={onAdd} /> : null}
    </Box>
  );
}

function CategoryLevel({ parentId, onAdd }: { parentId: string; onAdd: (parentId: string) => void }) {
  const q = useCategoryChildren(parentId);
  if (q.isPending) return <Loader size="xs" m="sm" />;
  if (q.error) return <ErrorAlert error={q.error} />;
  return (
    <Box component="ul" role={parentId === 'root' ? undefined : 'group'} p={0} m={0}>
      {q.data.items.map((c) => (
        <CategoryNode key={c.id} c={c} onAdd={onAdd} />
      ))}
    </Box>
  );
}

/** The category tree with product counts; add top-level or child categories. */
export function CategoriesPage() {
  const { t } = useTranslation();
  const all = useAllCategories();
  const create = useCreateCategory();
  const [modal, setModal] = useState<{ parentId: string | null } | null>(null);
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [parentId, setParentId] = useState<string | null>(null);
  const openModal = (p: string | null) => {
    create.reset();
    setName('');
    setSlug('');
    setParentId(p);
    setModal({ parentId: p });
  };
  return (
    <>
      <PageHeader
        title={t('admin.categories.title')}
        description={t('admin.categories.description')}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => openModal(null)}>
            {t('admin.categories.create')}
          </Button>
        }
      />
      <ErrorAlert error={all.error} />
      {all.data && all.data.items.length === 0 ? (
        <EmptyState icon={<IconCategory size={28} />} title={t('admin.categories.empty')} description={t('admin.categories.emptyHint')} />
      ) : (
        <Paper withBorder role="tree" aria-label={t('admin.categories.title')}>
          <CategoryLevel parentId="root" onAdd={openModal} />
        </Paper>
      )}
      <Modal opened={modal !== null} onClose={() => setModal(null)} title={t('admin.categories.create')}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate({ name: name.trim(), parentId, ...(slug.trim() ? { slug: slug.trim() } : {}) }, { onSuccess: () => setModal(null) });
          }}
        >
          <Stack>
            <ErrorAlert error={create.error} />
            <TextInput label={t('common.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError(create.error, 'name')} data-autofocus />
            <TextInput label={t('admin.products.slug')} description={t('admin.products.slugHint')} value={slug} onChange={(e) => setSlug(e.currentTarget.value)} error={fieldError(create.error, 'slug')} dir="ltr" />
            <Select
              label={t('admin.categories.parent')}
              clearable
              searchable
              placeholder={t('admin.categories.topLevel')}
              data={(all.data?.items ?? []).map((c) => ({ value: c.id, label: `${'— '.repeat(c.depth)}${c.name}` }))}
              value={parentId}
              onChange={setParentId}
              error={fieldError(create.error, 'parentId')}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setModal(null)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending} disabled={!name.trim()}>
                {t('admin.categories.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
