import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Badge, Box, Code, Group, List, Loader, Paper, SegmentedControl, SimpleGrid, Stack, Text, Textarea, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle, IconArrowRight, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatNumber } from '../ui/format.ts';
import { useLocale } from '../ui/locale-sync.tsx';
import { useAttributeCatalogue, useRulePreview, type Preview, type RuleError } from './group-api.ts';
import { RuleBuilder } from './rule-builder.tsx';
import { fromRule, toRule, type BuilderAttribute, type GroupNode, type RowProblem } from './rule-builder-model.ts';

type Mode = 'builder' | 'text';

/** The source line of an error with a caret under the offending text. */
function ErrorPointer({ source, error }: { source: string; error: RuleError }) {
  const line = source.split('\n')[error.line - 1] ?? '';
  const caret = `${' '.repeat(Math.max(0, error.column - 1))}${'^'.repeat(Math.max(1, Math.min(error.length, line.length - error.column + 1)))}`;
  return (
    <Code block dir="ltr" style={{ whiteSpace: 'pre' }}>
      {`${line}\n${caret}`}
    </Code>
  );
}

/** Errors from the API at their position; clicking one selects the text at fault. */
function RuleErrors({ source, errors, onLocate }: { source: string; errors: RuleError[]; onLocate: (e: RuleError) => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={t('groups.editor.errorsTitle')} data-testid="rule-errors">
      <Stack gap="sm">
        {errors.map((e, i) => (
          <UnstyledButton key={i} onClick={() => onLocate(e)} data-testid="rule-error">
            <Text size="sm" fw={600}>
              {t('groups.editor.position', { line: e.line, column: e.column })}
            </Text>
            <Text size="sm" dir="ltr">
              {e.message}
            </Text>
            <ErrorPointer source={source} error={e} />
            {e.expected && e.expected.length > 0 && e.expected.length <= 8 ? (
              <Text size="xs" c="dimmed" dir="ltr">
                {t('groups.editor.expected')} {e.expected.join(' · ')}
              </Text>
            ) : null}
          </UnstyledButton>
        ))}
      </Stack>
    </Alert>
  );
}

/** Who would join and who would leave if the rule were saved. */
export function PreviewDiff({ preview, testId }: { preview: Preview; testId?: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const column = (kind: 'joins' | 'leaves') => {
    const items = preview[kind];
    const total = kind === 'joins' ? preview.joinCount : preview.leaveCount;
    return (
      <Stack gap={4} data-testid={`preview-${kind}`}>
        <Group gap={6}>
          <Badge color={kind === 'joins' ? 'teal' : 'orange'} variant="light">
            {t(`groups.preview.${kind}`, { count: total, formatted: formatNumber(total, locale) })}
          </Badge>
        </Group>
        {items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('groups.preview.nobody')}
          </Text>
        ) : (
          <List size="sm" spacing={2}>
            {items.map((c) => (
              <List.Item key={c.id}>{c.legalName}</List.Item>
            ))}
          </List>
        )}
        {total > items.length ? (
          <Text size="xs" c="dimmed">
            {t('groups.preview.andMore', { count: total - items.length, formatted: formatNumber(total - items.length, locale) })}
          </Text>
        ) : null}
      </Stack>
    );
  };
  return (
    <SimpleGrid cols={2} data-testid={testId}>
      {column('joins')}
      {column('leaves')}
    </SimpleGrid>
  );
}

/**
 * Edits a rule visually (rows and groups) or as text; both write the same rule language, and
 * switching keeps the rule. While editing, a debounced preview gives the live count of matching
 * companies, errors at their position, and who would join or leave.
 */
export function RuleEditor({ value, onChange, groupId }: { value: string; onChange: (rule: string, complete: boolean) => void; groupId?: string | undefined }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const catalogue = useAttributeCatalogue();
  const attributes: BuilderAttribute[] = useMemo(() => catalogue.data?.attributes ?? [], [catalogue.data]);
  const initial = useMemo(() => fromRule(value), []); // only the rule the editor opened with
  const [mode, setMode] = useState<Mode>(initial.ok ? 'builder' : 'text');
  const [tree, setTree] = useState<GroupNode | null>(initial.ok ? initial.tree : null);
  const [problems, setProblems] = useState<ReadonlyMap<string, RowProblem>>(new Map());
  const [switchError, setSwitchError] = useState<'syntax' | 'unsupported' | null>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [debounced] = useDebouncedValue(value, 400);
  const preview = useRulePreview(debounced, groupId, true);
  const errors = preview.data?.errors ?? [];
  const settled = debounced === value && !preview.isFetching;

  const fromTree = (next: GroupNode) => {
    setTree(next);
    const out = toRule(next, attributes);
    if (out.ok) {
      setProblems(new Map());
      onChange(out.text, true);
    } else {
      setProblems(out.problems);
      onChange(value, false);
    }
  };

  // Once the catalogue arrives, the builder's rows are checked and turned into the rule: an edit made
  // before it arrived (a slow network) could not be, and would otherwise be lost from the rule.
  useEffect(() => {
    if (tree && attributes.length > 0 && mode === 'builder') {
      const out = toRule(tree, attributes);
      if (!out.ok) setProblems(out.problems);
      else if (out.text !== value) {
        setProblems(new Map());
        onChange(out.text, true);
      }
    }
  }, [attributes]); // run when the catalogue loads

  const switchTo = (next: Mode) => {
    setSwitchError(null);
    if (next === 'text') {
      setMode('text');
      return;
    }
    const built = fromRule(value);
    if (!built.ok) {
      setSwitchError(built.reason);
      return;
    }
    setTree(built.tree);
    setProblems(new Map());
    setMode('builder');
  };

  const locate = (e: RuleError) => {
    if (mode !== 'text') setMode('text');
    requestAnimationFrame(() => {
      const el = textRef.current;
      if (!el) return;
      el.focus();
      el.setSelectionRange(e.offset, e.offset + Math.max(e.length, 1));
    });
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <SegmentedControl
          value={mode}
          onChange={(m) => switchTo(m === 'text' ? 'text' : 'builder')}
          data={[
            { value: 'builder', label: t('groups.editor.builder') },
            { value: 'text', label: t('groups.editor.text') },
          ]}
          data-testid="rule-mode"
        />
        <LiveCount preview={preview.data} loading={!settled} error={preview.error} locale={locale} />
      </Group>
      {switchError ? (
        <Alert color="yellow" variant="light" data-testid="rule-switch-error">
          {t(`groups.editor.cannotBuild.${switchError}`)}
        </Alert>
      ) : null}
      {mode === 'builder' && tree ? (
        catalogue.error ? (
          <ErrorAlert error={catalogue.error} />
        ) : (
          <RuleBuilder tree={tree} attributes={attributes} problems={problems} onChange={fromTree} />
        )
      ) : (
        <Textarea
          ref={textRef}
          label={t('groups.editor.ruleText')}
          description={t('groups.editor.ruleTextHint')}
          autosize
          minRows={3}
          maxRows={14}
          dir="ltr"
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          value={value}
          onChange={(e) => onChange(e.currentTarget.value, true)}
          error={errors.length > 0 && settled ? t('groups.editor.hasErrors', { count: errors.length }) : undefined}
          data-testid="rule-text"
        />
      )}
      {mode === 'builder' && value.trim() !== '' ? (
        <Box>
          <Text size="xs" c="dimmed" mb={4}>
            {t('groups.editor.writes')}
          </Text>
          <Code block dir="ltr" data-testid="rule-source">
            {value}
          </Code>
        </Box>
      ) : null}
      {errors.length > 0 && settled ? <RuleErrors source={debounced} errors={errors} onLocate={locate} /> : null}
      {preview.data && errors.length === 0 && value.trim() !== '' ? (
        <Paper withBorder p="sm" data-testid="rule-preview">
          <Group gap={6} mb="xs">
            <IconArrowRight size={16} />
            <Text size="sm" fw={600}>
              {t('groups.preview.title')}
            </Text>
          </Group>
          <PreviewDiff preview={preview.data} />
        </Paper>
      ) : null}
    </Stack>
  );
}

function LiveCount({ preview, loading, error, locale }: { preview: Preview | undefined; loading: boolean; error: unknown; locale: string }) {
  const { t } = useTranslation();
  if (error) return <ErrorAlert error={error} />;
  return (
    <Group gap={6} data-testid="live-count" data-settled={loading ? 'false' : 'true'}>
      {loading ? <Loader size="xs" /> : <IconUsers size={16} />}
      <Text size="sm" fw={600}>
        {preview && preview.errors.length === 0
          ? t('groups.editor.matching', { count: preview.count, formatted: formatNumber(preview.count, locale) })
          : t('groups.editor.noCount')}
      </Text>
    </Group>
  );
}
