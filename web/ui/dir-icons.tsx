import { useDirection } from '@mantine/core';
import { IconArrowLeft, IconArrowRight, IconChevronLeft, IconChevronRight } from '@tabler/icons-react';

/** A chevron pointing "forward" in reading order (→ in English, ← in Arabic and Urdu); `open` turns it down. */
export function ForwardChevron({ open = false, size = 16 }: { open?: boolean; size?: number }) {
  const { dir } = useDirection();
  const Icon = dir === 'rtl' ? IconChevronLeft : IconChevronRight;
  return <Icon size={size} style={{ transform: open ? `rotate(${dir === 'rtl' ? -90 : 90}deg)` : undefined, transition: 'transform 120ms' }} />;
}

/** An arrow pointing forward in reading order. */
export function ForwardArrow({ size = 16, color }: { size?: number; color?: string }) {
  const { dir } = useDirection();
  const Icon = dir === 'rtl' ? IconArrowLeft : IconArrowRight;
  return <Icon size={size} color={color} />;
}
