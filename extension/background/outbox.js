// Pages collected while the host was missing wait here, in extension storage, until the host
// answers; nothing a seller collected is lost when the host is not installed yet or crashed.
// One storage key per page: a page can be 50 MB, and rewriting one big array for every change
// would copy all of them.

const PREFIX = "outbox:";

/**
 * @typedef {object} OutboxEntry
 * @property {string} key
 * @property {number} addedAt
 * @property {object} params   the collect.page params, as they would have been sent
 * @property {boolean} markForClaim
 * @property {number} [tabId]  the tab whose panel waits for the outcome
 */

/** @param {Omit<OutboxEntry, 'key'|'addedAt'>} entry @returns {Promise<string>} its key */
export async function add(entry) {
  const key = `${PREFIX}${Date.now().toString(36)}-${crypto.randomUUID()}`;
  await chrome.storage.local.set({ [key]: { ...entry, key, addedAt: Date.now() } });
  return key;
}

/** @returns {Promise<OutboxEntry[]>} oldest first */
export async function entries() {
  const all = await chrome.storage.local.get(null);
  return Object.keys(all)
    .filter((k) => k.startsWith(PREFIX))
    .map((k) => all[k])
    .sort((a, b) => a.addedAt - b.addedAt);
}

/** @returns {Promise<number>} */
export async function count() {
  const keys = await chrome.storage.local.getKeys?.();
  if (keys) return keys.filter((k) => k.startsWith(PREFIX)).length;
  return (await entries()).length;
}

/** @param {string} key */
export async function remove(key) {
  await chrome.storage.local.remove(key);
}
