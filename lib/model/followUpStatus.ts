/** Follow-up statuses; plain data so Zod-free pages (the popup's first load) can use them. */
export const FOLLOW_UP_STATUSES = ['open', 'done', 'snoozed', 'cancelled'] as const;

/** Statuses that still ask something of the rep. */
export const PENDING_STATUSES = ['open', 'snoozed'] as const;

export const isPending = (status: string): boolean => (PENDING_STATUSES as readonly string[]).includes(status);
