import { useState, type KeyboardEvent } from 'react';
import { Link } from 'react-router-dom';
import { ActionIcon, Anchor, Badge, Box, Button, Group, Loader, Text } from '@mantine/core';
import { IconBuilding, IconPlus } from '@tabler/icons-react';
import { ForwardChevron } from '../ui/dir-icons.tsx';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatCountry, formatNumber } from '../ui/format.ts';
import { useLocale } from '../ui/locale-sync.tsx';
import { useCompanyChildren, type CompanyRow } from './companies-api.ts';

interface TreeProps {
  onOpen: (c: CompanyRow) => void;
  /** Absent when the staff member may not create companies. */
  onAddChild?: (c: CompanyRow) => void;
}

/**
 * Moves focus between visible tree items like a file explorer: ↑/↓ move, → expands or steps
 * into the first child, ← collapses or steps to the parent, Enter opens, Home/End jump.
 */
function onTreeKey(e: KeyboardEvent<HTMLElement>, expanded: boolean, hasChildren: boolean, setExpanded: (v: boolean) => void, open: () => void) {
  const item = e.currentTarget;
  const tree = item.closest('[role="tree"]');
  if (!tree) return;
  const items = [...tree.querySelectorAll<HTMLElement>('[role="treeitem"]')];
  const i = items.indexOf(item);
  const rtl = getComputedStyle(item).direction === 'rtl';
  const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
  const back = rtl ? 'ArrowRight' : 'ArrowLeft';
  const focus = (el: HTMLElement | undefined) => {
    if (!el) return;
    items.forEach((x) => (x.tabIndex = -1));
    el.tabIndex = 0;
    el.focus();
  };
  if (e.key === 'ArrowDown') focus(items[i + 1]);
  else if (e.key === 'ArrowUp') focus(items[i - 1]);
  else if (e.key === 'Home') focus(items[0]);
  else if (e.key === 'End') focus(items[items.length - 1]);
  else if (e.key === forward) {
    if (hasChildren && !expanded) setExpanded(true);
    else if (expanded) focus(items[i + 1]);
  } else if (e.key === back) {
    if (expanded) setExpanded(false);
    else focus(item.parentElement?.closest<HTMLElement>('[role="group"]')?.previousElementSibling as HTMLElement | undefined);
  } else if (e.key === 'Enter') open();
  else return;
  e.preventDefault();
  e.stopPropagation();
}

function TreeNode({ company, level, first, ...props }: TreeProps & { company: CompanyRow; level: number; first: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [expanded, setExpanded] = useState(false);
  const hasChildren = company.childCount > 0;
  return (
    <Box component="li" role="none" style={{ listStyle: 'none' }}>
      <Group
        role="treeitem"
        aria-level={level}
        aria-expanded={hasChildren ? expanded : undefined}
        aria-label={company.legalName}
        tabIndex={first ? 0 : -1}
        data-testid="company-node"
        data-company-id={company.id}
        className="precis-tree-row"
        gap="xs"
        wrap="nowrap"
        py={6}
        pe="sm"
        ps={`calc(${level - 1} * 24px + 8px)`}
        style={{ borderBottom: '1px solid var(--mantine-color-gray-1)', outlineOffset: -2 }}
        onKeyDown={(e) => onTreeKey(e, expanded, hasChildren, setExpanded, () => props.onOpen(company))}
      >
        <ActionIcon
          variant="subtle"
          color="gray"
          size="sm"
          tabIndex={-1}
          aria-hidden={!hasChildren}
          style={{ visibility: hasChildren ? 'visible' : 'hidden' }}
          onClick={() => setExpanded(!expanded)}
          data-testid="company-toggle"
        >
          <ForwardChevron open={expanded} />
        </ActionIcon>
        <IconBuilding size={18} color="var(--mantine-color-blue-6)" style={{ flexShrink: 0 }} />
        <Anchor component={Link} to={`/admin/companies/${company.id}`} fw={500} size="sm" tabIndex={-1} style={{ flex: 1, minWidth: 0 }} truncate>
          {company.legalName}
        </Anchor>
        <Text size="xs" c="dimmed" visibleFrom="md" w={140} truncate>
          {formatCountry(company.country, locale)}
        </Text>
        <Text size="xs" c="dimmed" w={48} visibleFrom="sm" ff="monospace">
          {company.currency}
        </Text>
        <Box w={130} visibleFrom="sm">
          {hasChildren ? (
            <Badge variant="light" color="gray" size="sm" tt="none" data-testid="child-count">
              {t('admin.companies.children', { count: company.childCount, formatted: formatNumber(company.childCount, locale) })}
            </Badge>
          ) : null}
        </Box>
        <Badge w={90} variant="dot" color={company.status === 'active' ? 'teal' : 'orange'} size="sm">
          {t(`admin.companies.status.${company.status}`)}
        </Badge>
        {props.onAddChild ? (
          <ActionIcon variant="subtle" size="sm" tabIndex={-1} onClick={() => props.onAddChild?.(company)} aria-label={t('admin.companies.addSubsidiary')} title={t('admin.companies.addSubsidiary')}>
            <IconPlus size={14} />
          </ActionIcon>
        ) : null}
      </Group>
      {expanded ? <TreeLevel parentId={company.id} level={level + 1} {...props} /> : null}
    </Box>
  );
}

/** One lazily loaded level; children are fetched only when their parent is expanded. */
export function TreeLevel({ parentId, level, ...props }: TreeProps & { parentId: string; level: number }) {
  const { t } = useTranslation();
  const q = useCompanyChildren(parentId);
  const rows = q.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Box component="ul" role={level === 1 ? undefined : 'group'} p={0} m={0}>
      {q.isPending ? (
        <Group component="li" ps={`calc(${level - 1} * 24px + 40px)`} py={8} style={{ listStyle: 'none' }}>
          <Loader size="xs" />
          <Text size="sm" c="dimmed">
            {t('common.loading')}
          </Text>
        </Group>
      ) : null}
      {q.error ? (
        <Box component="li" p="sm" style={{ listStyle: 'none' }}>
          <ErrorAlert error={q.error} />
        </Box>
      ) : null}
      {rows.map((c, i) => (
        <TreeNode key={c.id} company={c} level={level} first={level === 1 && i === 0} {...props} />
      ))}
      {q.hasNextPage ? (
        <Box component="li" ps={`calc(${level - 1} * 24px + 40px)`} py={6} style={{ listStyle: 'none' }}>
          <Button size="compact-sm" variant="subtle" loading={q.isFetchingNextPage} onClick={() => void q.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        </Box>
      ) : null}
    </Box>
  );
}
