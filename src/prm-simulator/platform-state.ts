import { canonicalAddress } from '../audit/canonical';

/**
 * What the simulated platform enforces: suspended users, blocked addresses
 * and disabled API keys, each as intervals of time per tenant, so an event is
 * judged by when it happened rather than when it arrived. It lives in memory
 * and is lost when the simulator stops; a real platform keeps it in its own
 * database.
 */

/** Why the platform refused an event; written into the stored event's `details.denied_reason`. */
export const DeniedReason = {
  accountSuspended: 'account-suspended',
  addressBlocked: 'address-blocked',
  apiKeyDisabled: 'api-key-disabled',
} as const;
export type DeniedReason = (typeof DeniedReason)[keyof typeof DeniedReason];

interface Interval {
  from: number;
  until?: number;
}

/** Restrictions on one kind of target: each key is under restriction during its intervals. */
class Restrictions {
  private readonly intervals = new Map<string, Interval[]>();

  /** Starts a restriction at `at` (ms); false when one is already in force. */
  start(key: string, at: number): boolean {
    const list = this.intervals.get(key) ?? [];
    if (list.some((interval) => interval.until === undefined)) return false;
    list.push({ from: at });
    this.intervals.set(key, list);
    return true;
  }

  /** Ends the restriction in force at `at`; false when none is. */
  end(key: string, at: number): boolean {
    const open = this.intervals.get(key)?.find((interval) => interval.until === undefined);
    if (!open) return false;
    open.until = Math.max(at, open.from);
    return true;
  }

  inForceAt(key: string, at: number): boolean {
    return (this.intervals.get(key) ?? []).some(
      (interval) => interval.from <= at && (interval.until === undefined || at < interval.until),
    );
  }
}

/** The fields of a platform audit event that enforcement looks at; anything else passes untouched. */
export interface EnforceableEvent {
  tenant_id?: unknown;
  user_id?: unknown;
  ip_address?: unknown;
  occurred_at?: unknown;
  details?: unknown;
}

const keyOf = (tenantId: string, id: string): string => `${tenantId}\n${id}`;

function addressKey(tenantId: string, address: string): string | undefined {
  try {
    return keyOf(tenantId, canonicalAddress(address) ?? address);
  } catch {
    return undefined;
  }
}

export class PlatformState {
  private readonly suspendedUsers = new Restrictions();
  private readonly blockedAddresses = new Restrictions();
  private readonly disabledApiKeys = new Restrictions();
  private readonly sessionRevocations = new Map<string, number[]>();

  suspendUser(tenantId: string, userId: string, at: number): boolean {
    return this.suspendedUsers.start(keyOf(tenantId, userId), at);
  }

  reinstateUser(tenantId: string, userId: string, at: number): boolean {
    return this.suspendedUsers.end(keyOf(tenantId, userId), at);
  }

  /**
   * Records that the user's sessions were ended. The simulator keeps no
   * sessions, so this changes how no later event is judged; it is always a
   * change, as a real platform ends whatever sessions exist at that moment.
   */
  revokeSessions(tenantId: string, userId: string, at: number): boolean {
    const key = keyOf(tenantId, userId);
    this.sessionRevocations.set(key, [...(this.sessionRevocations.get(key) ?? []), at]);
    return true;
  }

  blockAddress(tenantId: string, address: string, at: number): boolean {
    const key = addressKey(tenantId, address);
    return key !== undefined && this.blockedAddresses.start(key, at);
  }

  unblockAddress(tenantId: string, address: string, at: number): boolean {
    const key = addressKey(tenantId, address);
    return key !== undefined && this.blockedAddresses.end(key, at);
  }

  disableApiKey(tenantId: string, apiKeyId: string, at: number): boolean {
    return this.disabledApiKeys.start(keyOf(tenantId, apiKeyId), at);
  }

  enableApiKey(tenantId: string, apiKeyId: string, at: number): boolean {
    return this.disabledApiKeys.end(keyOf(tenantId, apiKeyId), at);
  }

  isSuspended(tenantId: string, userId: string, at = Date.now()): boolean {
    return this.suspendedUsers.inForceAt(keyOf(tenantId, userId), at);
  }

  sessionsRevokedAt(tenantId: string, userId: string): readonly number[] {
    return this.sessionRevocations.get(keyOf(tenantId, userId)) ?? [];
  }

  /**
   * Why the platform would have refused this event, judged at its
   * `occurred_at`; undefined when it would not, or when the event is too
   * malformed to judge (ingest then names what is wrong with it). An API key
   * is read from `details.api_key_id`, where the platform records it.
   */
  deniedReason(event: EnforceableEvent): DeniedReason | undefined {
    const at = typeof event.occurred_at === 'string' ? Date.parse(event.occurred_at) : NaN;
    if (typeof event.tenant_id !== 'string' || Number.isNaN(at)) return undefined;
    const tenantId = event.tenant_id;

    if (typeof event.user_id === 'string' && this.suspendedUsers.inForceAt(keyOf(tenantId, event.user_id), at)) {
      return DeniedReason.accountSuspended;
    }
    const address = typeof event.ip_address === 'string' ? addressKey(tenantId, event.ip_address) : undefined;
    if (address && this.blockedAddresses.inForceAt(address, at)) return DeniedReason.addressBlocked;
    const apiKeyId = (event.details as { api_key_id?: unknown } | null | undefined)?.api_key_id;
    if (typeof apiKeyId === 'string' && this.disabledApiKeys.inForceAt(keyOf(tenantId, apiKeyId), at)) {
      return DeniedReason.apiKeyDisabled;
    }

    return undefined;
  }
}
