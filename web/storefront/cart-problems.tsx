import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../ui/format.ts';
import { useLocale } from '../ui/locale-sync.tsx';

/** A line problem as the buyer reads it, in their language; `limit` is the number the rule names. */
export function LineProblems({ problems }: { problems: readonly { code: string; limit?: number | null; message: string }[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (problems.length === 0) return null;
  return (
    <Stack gap={2}>
      {problems.map((p) => (
        <Text key={p.code} size="sm" c="red.7" data-testid="line-problem" data-code={p.code}>
          {t(`cart.problem_${p.code}`, { limit: formatNumber(p.limit ?? 0, locale), defaultValue: p.message })}
        </Text>
      ))}
    </Stack>
  );
}
