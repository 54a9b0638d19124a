import type { User } from '../../contract/models';

/** Someone who can be offered in the picker: a user with an id. */
export type Person = User & { id: string };

/** At most this many people are listed at once; typing narrows the rest. */
export const MAX_SHOWN = 50;

export const isInactive = (user: User): boolean => user.active === false;
