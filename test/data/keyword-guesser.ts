import { SERVICE_TYPES, type ServiceType } from '../../src/domain/service-types';

/**
 * A naive test-taker: picks the type whose obvious keywords appear most in the prompt (ClusterIP
 * when none do). A good bank makes this score badly: the cue, not the vocabulary, must decide.
 */
export const KEYWORDS: Record<ServiceType, string[]> = {
  ClusterIP: ['internal', 'inside the cluster', 'within the cluster', 'cluster ip', 'clusterip', 'private', 'microservice', 'backend', 'in-cluster'],
  NodePort: ['port', 'node', 'nodeport', '30000', 'high port'],
  LoadBalancer: ['load balanc', 'loadbalancer', 'cloud', 'public', 'internet', 'external ip', 'aws', 'gcp', 'azure', 'elb'],
  ExternalName: ['dns', 'external', 'cname', 'hostname', 'domain', 'saas', 'rds', 'outside the cluster', 'externalname'],
};

function occurrences(text: string, word: string): number {
  let count = 0;
  for (let i = text.indexOf(word); i !== -1; i = text.indexOf(word, i + word.length)) count++;
  return count;
}

export function keywordGuess(prompt: string): ServiceType {
  const text = prompt.toLowerCase();
  let best: ServiceType = 'ClusterIP';
  let bestScore = 0;
  for (const type of SERVICE_TYPES) {
    const score = KEYWORDS[type].reduce((sum, word) => sum + occurrences(text, word), 0);
    if (score > bestScore) [best, bestScore] = [type, score];
  }
  return best;
}
