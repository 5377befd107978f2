/**
 * A fetched body as text, or undefined once it passes `limit` bytes: the rest is never read, so a
 * stranger's server cannot make us hold more than the limit. No body at all is the empty text.
 */
export async function boundedText(response: Response, limit: number): Promise<string | undefined> {
  if (!response.body) return '';
  if (Number(response.headers.get('content-length')) > limit) {
    await response.body.cancel();
    return undefined;
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.length;
    if (size > limit) return undefined; // leaving the loop cancels the stream
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
