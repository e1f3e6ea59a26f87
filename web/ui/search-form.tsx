import { useState, type FormEvent, type ReactNode } from 'react';
import { Button, Group, Select, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';

export interface SearchFormProps {
  label: string;
  placeholder?: string;
  maxLength: number;
  testId?: string;
  /** Called with the trimmed text when the form is submitted (Enter or the button), not per keystroke. */
  onSearch: (text: string) => void;
  /** The button's content: a word, or an icon where the page is tight. */
  submit: ReactNode;
  /** Further filters between the search box and the button. */
  children?: ReactNode;
}

/** A search box with the list's other filters; searching waits for submit so each keystroke is not a request. */
export function SearchForm({ label, placeholder, maxLength, testId, onSearch, submit, children }: SearchFormProps) {
  const [text, setText] = useState('');
  const submitted = (e: FormEvent) => {
    e.preventDefault();
    onSearch(text.trim());
  };
  return (
    <Group component="form" align="flex-end" onSubmit={submitted}>
      <TextInput label={label} placeholder={placeholder} value={text} onChange={(e) => setText(e.currentTarget.value)} maxLength={maxLength} leftSection={<IconSearch size={16} />} data-testid={testId} />
      {children}
      <Button type="submit" variant="light">
        {submit}
      </Button>
    </Group>
  );
}

export interface StatusSelectProps<S extends string> {
  label: string;
  placeholder?: string;
  statuses: readonly S[];
  /** The translated name of a status. */
  labelOf: (status: S) => string;
  value: S | null;
  onChange: (status: S | null) => void;
  testId?: string;
}

/** A clearable status filter; cleared means every status. */
export function StatusSelect<S extends string>({ label, placeholder, statuses, labelOf, value, onChange, testId }: StatusSelectProps<S>) {
  return <Select label={label} clearable placeholder={placeholder} value={value} onChange={(v) => onChange(v as S | null)} data={statuses.map((s) => ({ value: s, label: labelOf(s) }))} data-testid={testId} />;
}
