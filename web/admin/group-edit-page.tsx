import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Anchor, Breadcrumbs, Button, Group, Modal, Paper, Skeleton, Stack, Switch, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.ts';
import { ErrorAlert, fieldError } from '../ui/error-alert.tsx';
import { useGroup, useRulePreview, useSaveGroup, type CustomerGroup } from './group-api.ts';
import { PreviewDiff, RuleEditor } from './rule-builder-editor.tsx';

/** Create (no id) or edit a group: name, description and — optionally — its rule, previewed before saving. */
export function GroupEditPage() {
  const { id } = useParams();
  const group = useGroup(id);
  if (id && group.isPending) return <Skeleton h={300} />;
  if (id && (group.error || !group.data)) return <ErrorAlert error={group.error} />;
  return <GroupForm key={id ?? 'new'} group={group.data ?? null} />;
}

function GroupForm({ group }: { group: CustomerGroup | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveGroup(group?.id);
  const [name, setName] = useState(group?.name ?? '');
  const [description, setDescription] = useState(group?.description ?? '');
  const [hasRule, setHasRule] = useState(group ? group.rule !== null : true);
  const [rule, setRule] = useState(group?.rule ?? '');
  const [complete, setComplete] = useState(true);
  const [confirming, setConfirming] = useState(false);
  const ruleChanged = hasRule ? rule.trim() !== (group?.rule ?? '') : group?.rule != null;
  // The diff shown for confirmation is the same preview the editor shows live.
  const preview = useRulePreview(rule, group?.id, hasRule && confirming);

  const submit = () => {
    save.mutate(
      { name: name.trim(), description, rule: hasRule && rule.trim() !== '' ? rule : null },
      {
        onSuccess: (saved) => {
          setConfirming(false);
          notifications.show({ color: 'teal', message: t('groups.saved', { name: saved.name }) });
          navigate(`/admin/groups/${saved.id}`);
        },
        onError: () => setConfirming(false),
      },
    );
  };
  const ruleErrors = isApiError(save.error) && save.error.field === 'rule' ? save.error.detail : undefined;

  return (
    <Stack gap="lg">
      <Breadcrumbs separator="›">
        <Anchor component={Link} to="/admin/groups" size="sm">
          {t('groups.title')}
        </Anchor>
        {group ? (
          <Anchor component={Link} to={`/admin/groups/${group.id}`} size="sm">
            {group.name}
          </Anchor>
        ) : null}
        <Text size="sm">{group ? t('groups.edit') : t('groups.create')}</Text>
      </Breadcrumbs>
      <Title order={1} size="h2">
        {group ? t('groups.editTitle', { name: group.name }) : t('groups.create')}
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          // Saving a rule change moves companies in or out: show who before it happens.
          if (hasRule && rule.trim() !== '' && ruleChanged) setConfirming(true);
          else submit();
        }}
      >
        <Stack gap="lg">
          <ErrorAlert error={save.error && !fieldError(save.error, 'name') && !ruleErrors ? save.error : null} />
          <Paper withBorder p="lg">
            <Stack>
              <TextInput label={t('common.name')} required maxLength={200} value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError(save.error, 'name')} name="name" data-autofocus />
              <Textarea label={t('groups.descriptionLabel')} autosize minRows={2} maxLength={2000} value={description} onChange={(e) => setDescription(e.currentTarget.value)} name="description" />
            </Stack>
          </Paper>
          <Paper withBorder p="lg">
            <Stack>
              <Switch label={t('groups.hasRule')} description={t('groups.hasRuleHint')} checked={hasRule} onChange={(e) => setHasRule(e.currentTarget.checked)} data-testid="has-rule" />
              {hasRule ? (
                <RuleEditor
                  value={rule}
                  groupId={group?.id}
                  onChange={(text, done) => {
                    setRule(text);
                    setComplete(done);
                  }}
                />
              ) : null}
              {ruleErrors ? (
                <Text c="red" size="sm" dir="ltr">
                  {ruleErrors}
                </Text>
              ) : null}
            </Stack>
          </Paper>
          <Group justify="flex-end">
            <Button variant="default" component={Link} to={group ? `/admin/groups/${group.id}` : '/admin/groups'}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={name.trim() === '' || (hasRule && !complete)} data-testid="save-group">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('groups.confirmTitle')} size="lg">
        <Stack>
          <Text size="sm">{t('groups.confirmText')}</Text>
          {preview.data && preview.data.errors.length === 0 ? <PreviewDiff preview={preview.data} testId="confirm-diff" /> : <Skeleton h={80} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button onClick={submit} loading={save.isPending} disabled={!preview.data} data-testid="confirm-save">
              {t('groups.confirmSave')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
