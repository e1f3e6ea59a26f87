import type { ReactNode } from 'react';
import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TERMS_CODES, type TermsCode } from './company-credit-api.ts';

// Select values are strings: this one stands for "no terms of its own" (null in the API).
const NONE = 'none';

/**
 * The payment-terms picker of the company "Terms & credit" tab and the group "Payment terms" tab:
 * every terms code by its translated name, plus one "none" choice whose wording the caller gives
 * ("Inherit from customer group" on a company, "No payment terms" on a group).
 */
export function TermsSelect(props: {
  value: TermsCode | null;
  onChange: (value: TermsCode | null) => void;
  noneLabel: string;
  label: string;
  description?: string;
  error?: ReactNode;
  disabled?: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  const data = [{ value: NONE, label: props.noneLabel }, ...TERMS_CODES.map((c) => ({ value: c, label: t(`credit.termsCode.${c}`) }))];
  return (
    <Select
      label={props.label}
      description={props.description}
      data={data}
      value={props.value ?? NONE}
      onChange={(v) => props.onChange(TERMS_CODES.find((c) => c === v) ?? null)}
      allowDeselect={false}
      error={props.error}
      disabled={props.disabled}
      data-testid={props.testId}
    />
  );
}
