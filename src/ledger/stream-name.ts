/** Stream names are `category-id`; the category is everything before the first '-'. */
export function streamName(category: string, id: string): string {
  if (!/^[a-z][a-zA-Z0-9]*$/.test(category)) throw new Error(`Invalid stream category: ${category}`);
  if (!id) throw new Error('Stream id must not be empty');
  return `${category}-${id}`;
}

export function streamCategory(streamId: string): string {
  const dash = streamId.indexOf('-');
  return dash === -1 ? streamId : streamId.slice(0, dash);
}
