import { Text } from '@mantine/core';

/**
 * A document line's name with its SKU in small print: beside the name on the denser staff pages,
 * under it for buyers. The SKU stays left-to-right in Urdu and Arabic.
 */
export function ItemCell({ name, sku, inline = false }: { name: string; sku: string | null; inline?: boolean }) {
  if (inline) {
    return (
      <>
        {name}{' '}
        {sku ? (
          <Text span size="xs" c="dimmed" dir="ltr">
            {sku}
          </Text>
        ) : null}
      </>
    );
  }
  return (
    <>
      {name}
      {sku ? (
        <Text size="xs" c="dimmed" dir="ltr">
          {sku}
        </Text>
      ) : null}
    </>
  );
}
