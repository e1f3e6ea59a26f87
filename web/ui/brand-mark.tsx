import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconBox } from '@tabler/icons-react';

/** The Precis wordmark; `suffix` names the surface ("Admin"). */
export function BrandMark({ suffix }: { suffix?: string }) {
  return (
    <Group gap={8} wrap="nowrap">
      <ThemeIcon size={32} radius="md" variant="gradient" gradient={{ from: 'blue.7', to: 'cyan.6', deg: 135 }}>
        <IconBox size={20} />
      </ThemeIcon>
      <Text fw={750} size="lg" lts={-0.3}>
        Precis
      </Text>
      {suffix ? (
        <Text size="sm" c="dimmed" fw={500}>
          {suffix}
        </Text>
      ) : null}
    </Group>
  );
}
