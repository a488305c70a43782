/** Declares text pasted from an outside AI tool (a chatbot in the browser) as an AI passage. */
import { Button, Field, Input, Select, Subtitle2 } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import type { HostParagraph, HostSelection } from '../../host/port';
import { purposeInfo, type Profile, type PurposeId } from '../../policy';
import type { DeclarePassageInput } from '../../workflow';
import { usePaneStyles } from '../components/styles';
import { useI18n } from '../useI18n';

export interface DeclareFormProps {
  readonly paragraphs: readonly HostParagraph[];
  readonly profile: Profile;
  readonly level: DeclarePassageInput['level'];
  readonly onDeclare: (input: DeclarePassageInput) => Promise<boolean>;
  readonly canRecord: boolean;
  readonly busy: boolean;
  /** Reads the person's selection (hosts with one); the range then comes from it. */
  readonly readSelection?: () => Promise<HostSelection | null | undefined>;
}

const excerpt = (text: string, max = 50): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function DeclareForm({ paragraphs, profile, level, onDeclare, canRecord, busy, readSelection }: DeclareFormProps): ReactNode {
  const { t, language } = useI18n();
  const styles = usePaneStyles();
  const free = paragraphs.filter((p) => !p.passageId && p.text.trim());
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [tool, setTool] = useState('');
  const [model, setModel] = useState('');
  const [purpose, setPurpose] = useState<PurposeId>(profile.purposes.offered[0] ?? 'draft');
  const fromNumber = Number(from || free[0]?.index || 0);
  const toNumber = Math.max(Number(to || fromNumber), fromNumber);
  const ready = canRecord && !busy && fromNumber > 0 && tool.trim() !== '';

  const submit = async (): Promise<void> => {
    if (!ready) return;
    const ok = await onDeclare({ fromParagraph: fromNumber, toParagraph: toNumber, tool: tool.trim(), ...(model.trim() ? { model: model.trim() } : {}), purpose, level });
    if (ok) {
      setFrom('');
      setTo('');
    }
  };

  const fillFromSelection = async (): Promise<void> => {
    const selection = await readSelection?.();
    if (!selection) return;
    setFrom(String(selection.fromParagraph));
    setTo(String(selection.toParagraph));
  };

  const options = paragraphs.map((p) => (
    <option key={p.locator} value={String(p.index)} disabled={!!p.passageId}>
      {t('generate.paragraphOption', { n: p.index, text: excerpt(p.text) || t('generate.emptyParagraph') })}
    </option>
  ));
  return (
    <section className={styles.stack} aria-label={t('declare.heading')}>
      <Subtitle2 as="h3" className={styles.heading}>
        {t('declare.heading')}
      </Subtitle2>
      {readSelection ? (
        <div className={styles.row}>
          <Button disabled={busy} onClick={() => void fillFromSelection()}>
            {t('declare.useSelection')}
          </Button>
        </div>
      ) : null}
      <Field label={t('declare.from')}>
        <Select value={String(fromNumber || '')} onChange={(_event, data) => setFrom(data.value)}>
          {options}
        </Select>
      </Field>
      <Field label={t('declare.to')}>
        <Select value={String(toNumber || '')} onChange={(_event, data) => setTo(data.value)}>
          {options}
        </Select>
      </Field>
      <Field label={t('declare.tool')} required hint={t('declare.toolHint')}>
        <Input value={tool} onChange={(_event, data) => setTool(data.value)} />
      </Field>
      <Field label={t('declare.model')}>
        <Input value={model} onChange={(_event, data) => setModel(data.value)} />
      </Field>
      <Field label={t('declare.purpose')}>
        <Select value={purpose} onChange={(_event, data) => setPurpose(data.value as PurposeId)}>
          {profile.purposes.offered.map((id) => (
            <option key={id} value={id}>
              {purposeInfo(id)?.label[language] ?? id}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.row}>
        <Button disabled={!ready} onClick={() => void submit()}>
          {t('declare.submit')}
        </Button>
      </div>
    </section>
  );
}
