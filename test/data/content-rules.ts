import type { Question } from '../../src/domain/bank-schema';
import type { ServiceType } from '../../src/domain/service-types';

/**
 * Claims that question banks on this topic often get wrong, written as checks on single sentences.
 * Each rule names the claim and says what the docs say instead. A rule sees the prose of a question:
 * the prompt without code blocks or double-quoted passages (a colleague's quoted misconception is
 * part of the scenario, not a claim of the bank), the explanation and every whyNot.
 */
export interface OverClaimRule {
  name: string;
  /** True when the sentence makes the claim. `field` is `prompt`, `explanation` or `whyNot.<Type>`. */
  claims: (sentence: string, field: string) => boolean;
}

const NEGATED = /\b(no|not|never|none|without|cannot|ignores?|ignored)\b|n't\b/i;
// Node ports, not the NodePort type: a plain `node port`, the `nodePort` field, a `NodePort:` line or a port pair.
const NODE_PORTS = /\bnode[- ]ports?\b|\bport pairs?\b|\bnodePorts?\b|`NodePort:`|port:nodePort|:3x{4}|:3\d{4}\b/;
const LB_CAVEAT = /default|normally|usually|typically|unless|allocateLoadBalancerNodePorts|switched off|turned off|node-port allocation/i;

export const OVER_CLAIMS: OverClaimRule[] = [
  {
    // service.md: "--service-node-port-range flag (default: 30000-32767)"
    name: 'the node-port range is given without saying it is the default',
    claims: (s) => /30000\s*[-–]\s*32767/.test(s) && !/default/i.test(s),
  },
  {
    // service.md: every node forwards "to one of the ready endpoints associated with that Service"
    name: 'NodePort is said to do no load balancing',
    claims: (s) =>
      /\bNodePort\b|node[- ]ports?\b/i.test(s) &&
      /\b(no|not|never|without)\b[^.;]{0,40}\bload[- ]?balanc(ing|es?)\b(?!r)|n't\b[^.;]{0,40}\bload[- ]?balanc(ing|es?)\b(?!r)/i.test(s) &&
      !/headless/i.test(s),
  },
  {
    // service.md: an ExternalName Service "does not have selectors"; the API ignores its selector
    name: 'ExternalName is said to use a selector or pick Pods',
    claims: (s) =>
      /\bExternalName( Services?)?\s+(uses?|has|have|needs?|takes?|selects?|matches|routes?|finds?)\b[^.;]*\b(selectors?|labels?|Pods?)\b/.test(
        s,
      ) && !NEGATED.test(s),
  },
  {
    // service.md: node ports on a LoadBalancer can be switched off (allocateLoadBalancerNodePorts)
    name: 'a LoadBalancer Service is said to always have node ports',
    claims: (s, field) =>
      (field === 'whyNot.LoadBalancer' || /\bLoadBalancer\b/.test(s)) &&
      NODE_PORTS.test(s) &&
      /\b(always|would (show|have|list|include|carry|keep)|every LoadBalancer|adds?|implements)\b/i.test(s) &&
      !LB_CAVEAT.test(s) &&
      !/\bNodePort Service\b/.test(s),
  },
  {
    // virtual-ips.md: iptables mode picks a backend at random; round-robin is one IPVS option
    name: 'kube-proxy is said to balance round-robin',
    claims: (s) => /round[- ]robin/i.test(s) && !/IPVS/.test(s),
  },
  {
    // service.md: "Kubernetes does not directly offer a load balancing component"
    name: 'Kubernetes is said to ship a load balancer of its own',
    claims: (s) =>
      /\bKubernetes\s+(itself\s+)?(ships|provides|offers|includes|creates)\b[^.;]{0,30}\bload[- ]?balancer/i.test(s) &&
      !NEGATED.test(s),
  },
  {
    // service-v1: four types; headless is a clusterIP value, Ingress and Gateway are other APIs
    name: 'headless, Ingress or Gateway is called a Service type',
    claims: (s) =>
      /\b(headless|Ingress|Gateway)( Service)? is (a|another|its own|the fifth) (Service )?type\b|\btype:\s*(Headless|Ingress|Gateway)\b/i.test(
        s,
      ) && !NEGATED.test(s),
  },
];

const withoutCode = (text: string) => text.replace(/```[\s\S]*?```/g, ' ');
const withoutQuotes = (text: string) => text.replace(/"[^"\n]*"|“[^”\n]*”/g, ' ');

/** The sentences of a question's prose, each with the field it comes from. */
export function sentencesOf(q: Question): { field: string; sentence: string }[] {
  const fields: [string, string][] = [
    ['prompt', withoutQuotes(withoutCode(q.prompt))],
    ['explanation', q.explanation ?? ''],
    ...Object.entries(q.whyNot ?? {}).map(([type, text]): [string, string] => [`whyNot.${type}`, text ?? '']),
  ];
  return fields.flatMap(([field, text]) =>
    text
      .split(/(?<=[.!?])\s+|\n+/)
      .filter((sentence) => sentence.trim())
      .map((sentence) => ({ field, sentence })),
  );
}

export function overClaims(q: Question): string[] {
  return sentencesOf(q).flatMap(({ field, sentence }) =>
    OVER_CLAIMS.filter((rule) => rule.claims(sentence, field)).map(
      (rule) => `${q.id} ${field}: ${rule.name}: "${sentence.trim()}"`,
    ),
  );
}

/**
 * Anchors checked against the kubernetes/website sources, per page. A reference to an anchor that
 * is not listed here fails the test: check the heading (or its {#id}) in the docs, then add it.
 */
export const VERIFIED_ANCHORS: Record<string, string[]> = {
  'concepts/services-networking/service/': [
    'defining-a-service',
    'field-spec-ports',
    'services-without-selectors',
    'custom-endpointslices',
    'multi-port-services',
    'publishing-services-service-types',
    'type-clusterip',
    'choosing-your-own-ip-address',
    'type-nodeport',
    'nodeport-custom-port',
    'avoid-nodeport-collisions',
    'service-nodeport-custom-listen-address',
    'loadbalancer',
    'load-balancers-with-mixed-protocol-types',
    'load-balancer-nodeport-allocation',
    'load-balancer-class',
    'internal-load-balancer',
    'externalname',
    'headless-services',
    'with-selectors',
    'without-selectors',
    'environment-variables',
    'dns',
    'traffic-policies',
    'session-stickiness',
    'external-ips',
  ],
  'reference/networking/virtual-ips/': [
    'proxy-mode-iptables',
    'proxy-mode-ipvs',
    'session-affinity',
    'avoiding-collisions',
    'service-ip-static-sub-range',
    'traffic-policies',
    'internal-traffic-policy',
    'external-traffic-policy',
  ],
  'reference/networking/service-protocols/': ['protocol-sctp', 'protocol-tcp', 'protocol-udp', 'protocol-proxy-special', 'protocol-tls-special'],
  'reference/kubernetes-api/service-resources/service-v1/': ['Service', 'ServiceSpec', 'ServiceStatus'],
  'concepts/services-networking/dns-pod-service/': ['srv-records'],
  'concepts/services-networking/ingress/': ['prerequisites'],
  'concepts/services-networking/dual-stack/': ['services', 'service-type-loadbalancer'],
  'concepts/services-networking/topology-aware-routing/': ['enabling-topology-aware-routing'],
  'concepts/architecture/cloud-controller/': ['service-controller'],
  'concepts/configuration/overview/': ['services'],
  'concepts/workloads/controllers/statefulset/': ['stable-network-id', 'pod-name-label'],
  'tasks/access-application-cluster/create-external-load-balancer/': [
    'preserving-the-client-source-ip',
    'garbage-collecting-load-balancers',
  ],
  'tasks/access-application-cluster/configure-cloud-provider-firewall/': ['restrict-access-for-loadbalancer-service'],
};

/** References whose anchor is not a verified one, as `<id>: <url>`. */
export function unverifiedAnchors(q: Question): string[] {
  return (q.references ?? []).flatMap(({ url }) => {
    const match = /^https:\/\/kubernetes\.io\/docs\/([^#]*)#(.+)$/.exec(url);
    if (!match) return [];
    const [, page, anchor] = match;
    return VERIFIED_ANCHORS[page!]?.includes(anchor!) ? [] : [`${q.id}: ${url}`];
  });
}

/**
 * Words, fields, annotations, events and describe lines that only one type has. A prompt that
 * contains one of its own answer's names that answer, unless it is one of the few deliberate
 * field-recall cards (tagged `recall`).
 */
export const GIVEAWAYS: Record<ServiceType, RegExp[]> = {
  ClusterIP: [/\bheadless\b/i, /\bclusterIPs?:\s*\[?\s*"?None\b/],
  NodePort: [/\bnode[- ]?ports?\b/i, /nodePortAddresses|--nodeport-addresses/i, /service-node-port-range/i],
  LoadBalancer: [
    /loadBalancerClass/i,
    /allocateLoadBalancerNodePorts/i,
    /loadBalancerSourceRanges/i,
    /loadBalancerIP\b/i,
    /healthCheckNodePort/i,
    /load-?balancer-(internal|type|cleanup)|loadbalancer-(internal|address-type)/i,
    /Ensur(ing|ed) ?load ?balancer/i,
    /LoadBalancer Ingress:/i,
    /status\.loadBalancer\.ingress/i,
  ],
  ExternalName: [/\bexternalName\b/, /External Name:/i],
};

export const RECALL_TAG = 'recall';

/** The giveaway terms a question's prompt contains for its own answer. */
export function giveawaysIn(q: Question): string[] {
  return GIVEAWAYS[q.answer].filter((term) => term.test(q.prompt)).map((term) => term.source);
}
