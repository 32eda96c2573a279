/** Stream names are `category-id`; the category is everything before the first '-'. */
export function streamName(category: string, id: string): string {
  if (!/^[a-z][a-zA-Z0-9]*$/.test(category)) throw new Error(`Invalid stream category: ${category}`);
  if (!id) throw new Error('Stream id must not be empty');
  return `${category}-${id}`;
}

/** The id part of a stream name: everything after the category's '-' (the whole name when it has none). */
export function streamEntityId(streamId: string): string {
  const dash = streamId.indexOf('-');
  return dash === -1 ? streamId : streamId.slice(dash + 1);
}

export function streamCategory(streamId: string): string {
  const dash = streamId.indexOf('-');
  return dash === -1 ? streamId : streamId.slice(0, dash);
}
