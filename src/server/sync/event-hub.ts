/** What a viewer is told: a message new or changed in a conversation, or a conversation with new activity. */
export interface InboxEvent {
  /** `<epoch>-<n>`: increasing within one hub; another epoch means another hub (a restart), so a reset. */
  id: string;
  type: 'message' | 'conversation';
  accountId: string;
  conversationId: string;
  /** The message or conversation in the contract's shape, as StackOne answered it. */
  data: unknown;
}

export interface EventHub {
  /** Tells every viewer (on every instance that shares the hub); resolves once the event is kept. */
  publish(event: Omit<InboxEvent, 'id'>): Promise<void>;
  subscribe(listener: (event: InboxEvent) => void): () => void;
  /**
   * The events after `lastId`, for a viewer who reconnects; null when they are no longer all kept (or `lastId`
   * is not one of this hub's), so the viewer must reload what it shows.
   */
  since(lastId: string): Promise<InboxEvent[] | null>;
  /** The id of the newest event (or of none yet), to ask `since` from. */
  newestId(): Promise<string>;
  close(): Promise<void>;
}

/** The events of this server, kept for a while so that a viewer who reconnects with Last-Event-ID misses none. */
export function createEventHub(keep = 5_000): EventHub {
  const epoch = Date.now().toString(36);
  const kept: InboxEvent[] = [];
  const listeners = new Set<(event: InboxEvent) => void>();
  let next = 1;

  return {
    async publish(event) {
      const published = { ...event, id: `${epoch}-${next++}` };
      kept.push(published);
      if (kept.length > keep) kept.splice(0, kept.length - keep);
      for (const listener of listeners) listener(published);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async since(lastId) {
      const match = /^([0-9a-z]+)-(\d+)$/.exec(lastId);
      if (!match || match[1] !== epoch) return null;
      const after = Number(match[2]);
      if (after >= next) return null;
      const oldest = kept.length > 0 ? Number(kept[0]!.id.split('-')[1]) : next;
      if (after + 1 < oldest) return null;
      if (kept.length === 0) return [];
      return kept.filter((event) => Number(event.id.split('-')[1]) > after);
    },
    async newestId() {
      return `${epoch}-${next - 1}`;
    },
    async close() {
      listeners.clear();
    },
  };
}
