import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Anchor, Button, Group, NumberInput, Text } from '@mantine/core';
import { IconShoppingCartPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { useAddToCart } from './cart-api.ts';
import { useStoreSession } from './session.ts';

/** Quantity and "Add to cart" for one variant (signed-in buyers who may write carts). */
export function AddToCartButton({ variantId, sku, minimum }: { variantId: string; sku: string; minimum?: number | null }) {
  const { t } = useTranslation();
  const { data: session } = useStoreSession();
  const add = useAddToCart();
  const [qty, setQty] = useState<number | string>(minimum ?? 1);
  if (!session || !session.permissions.includes('company.carts:write')) return null;
  const submit = () => {
    const q = typeof qty === 'number' ? qty : Number(qty);
    if (Number.isInteger(q) && q >= 1) add.mutate({ variantId, quantity: q });
  };
  return (
    <Group gap={6} wrap="nowrap">
      <NumberInput value={qty} onChange={setQty} min={1} max={1_000_000} allowDecimal={false} allowNegative={false} w={90} size="xs"
        onKeyDown={(e) => e.key === 'Enter' && submit()} aria-label={t('cart.quantityOf', { sku })} />
      <Button size="xs" leftSection={<IconShoppingCartPlus size={14} />} onClick={submit} loading={add.isPending} data-testid="add-to-cart">
        {t('cart.add')}
      </Button>
      {add.isSuccess ? (
        <Anchor component={Link} to="/cart" size="xs" data-testid="added-to-cart">
          {t('cart.added')}
        </Anchor>
      ) : null}
      {add.error ? <Text size="xs" c="red"><ErrorAlert error={add.error} /></Text> : null}
    </Group>
  );
}
