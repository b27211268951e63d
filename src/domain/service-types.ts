/** The four Service `type` values, in the order the UI and keys 1–4 use. */
export const SERVICE_TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'] as const;

export type ServiceType = (typeof SERVICE_TYPES)[number];

/** A record with one entry per type, so a missing type fails to compile. */
export function byType<T>(make: (type: ServiceType) => T): Record<ServiceType, T> {
  return {
    ClusterIP: make('ClusterIP'),
    NodePort: make('NodePort'),
    LoadBalancer: make('LoadBalancer'),
    ExternalName: make('ExternalName'),
  };
}
