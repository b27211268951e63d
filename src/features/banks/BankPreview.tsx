import { RichText } from '../../components/RichText';
import type { BankEntry } from '../../domain/bank-entry';
import { BankCounts, questionCount } from './BankCounts';
import { ConfirmBox } from './ConfirmBox';

interface Props {
  incoming: BankEntry;
  existing: BankEntry | null;
  onAdd: () => void;
  onCancel: () => void;
}

/**
 * A bank from a `/banks?url=…` link, checked but not stored: anyone can send such a link, so the
 * learner sees what it is and where it comes from, and says yes before it enters their library.
 */
export function BankPreview({ incoming, existing, onAdd, onCancel }: Props) {
  const from = incoming.origin.kind === 'url' ? incoming.origin.url : null;
  return (
    <ConfirmBox className="bank-preview" yes="Add bank" onYes={onAdd} no="Cancel" onNo={onCancel}>
      <p>
        <strong>Add “{incoming.title}” to your banks?</strong> It was checked and has no problems.
        Nothing is saved until you add it.
      </p>
      {incoming.description && (
        <RichText source={incoming.description} className="bank-description" />
      )}
      <BankCounts bank={incoming} />
      {from && <p className="hint">From {from}</p>}
      {existing && (
        <p>
          You already have a bank titled “{existing.title}” ({questionCount(existing.questions)}):
          adding this one replaces it. Your progress on questions that keep their ids is kept.
        </p>
      )}
    </ConfirmBox>
  );
}
