import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Anchor, Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { BrandMark } from './brand-mark.tsx';
import { LanguageSwitcher } from './language-switcher.tsx';

/** The centred card every sign-in and password page sits in. */
export function AuthShell({ title, subtitle, children, home = '/', suffix }: { title: string; subtitle?: string; children: ReactNode; home?: string; suffix?: string }) {
  return (
    <Box mih="100vh" style={{ background: 'linear-gradient(180deg, var(--mantine-color-blue-0), var(--mantine-color-gray-0))' }}>
      <Group justify="space-between" p="md">
        <Anchor component={Link} to={home} underline="never" c="inherit">
          <BrandMark suffix={suffix} />
        </Anchor>
        <LanguageSwitcher />
      </Group>
      <Center px="md" pt={48}>
        <Paper withBorder shadow="sm" p="xl" w="100%" maw={420}>
          <Stack gap="lg">
            <Stack gap={4}>
              <Title order={1} size="h2">
                {title}
              </Title>
              {subtitle ? (
                <Text c="dimmed" size="sm">
                  {subtitle}
                </Text>
              ) : null}
            </Stack>
            {children}
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
