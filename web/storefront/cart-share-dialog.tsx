import { Group, Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { useShare, useShares } from './cart-api.ts';

/** The owner shares a cart with colleagues: no access, view, or edit, one choice per colleague. */
export function CartShareDialog({ cartId, opened, onClose }: { cartId: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const shares = useShares(cartId, opened);
  const share = useShare(cartId);
  const accessOf = new Map((shares.data?.shares ?? []).map((s) => [s.userId, s.access]));
  return (
    <Modal opened={opened} onClose={onClose} title={t('cart.shareTitle')} size="lg">
      {shares.isPending ? <PageLoader /> : null}
      {shares.error ? <ErrorAlert error={shares.error} /> : null}
      {share.error ? <ErrorAlert error={share.error} /> : null}
      <Stack gap="sm" data-testid="cart-share-dialog">
        <Text size="sm" c="dimmed">
          {t('cart.shareIntro')}
        </Text>
        {shares.data && shares.data.colleagues.length === 0 ? <Text size="sm">{t('cart.noColleagues')}</Text> : null}
        {(shares.data?.colleagues ?? []).map((c) => (
          <Group key={c.userId} justify="space-between" wrap="nowrap">
            <Stack gap={0}>
              <Text size="sm" fw={600}>
                {c.name}
              </Text>
              <Text size="xs" c="dimmed">
                {c.email}
              </Text>
            </Stack>
            <SegmentedControl
              size="xs"
              value={accessOf.get(c.userId) ?? 'none'}
              onChange={(v) => share.mutate({ userId: c.userId, access: v === 'none' ? null : (v as 'view' | 'edit') })}
              data={[
                { value: 'none', label: t('cart.shareNone') },
                { value: 'view', label: t('cart.shareView') },
                { value: 'edit', label: t('cart.shareEdit') },
              ]}
              aria-label={t('cart.shareWith', { name: c.name })}
            />
          </Group>
        ))}
      </Stack>
    </Modal>
  );
}
