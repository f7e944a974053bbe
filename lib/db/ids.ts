/** Random, collision-free record ids; available in extension pages, the worker and Node alike. */
export function newId(): string {
  return crypto.randomUUID();
}
