import { RichText } from './RichText';

/**
 * A question's scenario, rendered from the bank's Markdown subset. The source text is kept too, in
 * a `hidden` element (no screen, no screen reader), so that the element's text contains the
 * prompt exactly as the bank has it: the UI contract promises that for `data-question-id`.
 */
export function Prompt({ source }: { source: string }) {
  return (
    <>
      <RichText source={source} className="prompt" />
      <span hidden className="prompt-source">
        {source}
      </span>
    </>
  );
}
