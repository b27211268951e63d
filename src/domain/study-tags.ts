import type { Question } from './bank-schema';
import { byType } from './service-types';

/**
 * A tag may be offered as a filter only if no one answer type holds more than this share of its
 * questions. Filtering by `cloud-lb` (93% LoadBalancer in the bundled bank) would tell the learner
 * the answer before they read the card.
 */
export const MAX_TAG_ANSWER_SHARE = 2 / 3;

export interface StudyTag {
  tag: string;
  count: number;
}

/**
 * The concept tags a learner can filter cards by before answering: every tag but the minimal-pair
 * markers (`pair:…`, too small to study) and the tags that nearly name their questions' answer.
 * Computed from the bank, so a custom bank's tags follow the same rule.
 */
export function studyTags(questions: readonly Question[]): StudyTag[] {
  const byTag = new Map<string, Record<Question['answer'], number>>();
  for (const question of questions)
    for (const tag of question.tags ?? []) {
      if (tag.startsWith('pair:')) continue;
      let counts = byTag.get(tag);
      if (!counts) byTag.set(tag, (counts = byType(() => 0)));
      counts[question.answer] += 1;
    }
  const tags: StudyTag[] = [];
  for (const [tag, counts] of byTag) {
    const values = Object.values(counts);
    const count = values.reduce((sum, n) => sum + n, 0);
    if (Math.max(...values) / count <= MAX_TAG_ANSWER_SHARE) tags.push({ tag, count });
  }
  return tags.sort((a, b) => a.tag.localeCompare(b.tag));
}
