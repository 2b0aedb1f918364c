/** A backup file's bytes to text: gzip recognised by its magic number, every size bounded while reading. */

export type FileTextResult = { ok: true; text: string } | { ok: false; reason: 'too-large' | 'damaged' };

const GZIP_MAGIC = [0x1f, 0x8b];

async function readBounded(stream: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array | null> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

export async function backupFileText(file: Blob, limits: { maxFileBytes: number; maxTextBytes: number }): Promise<FileTextResult> {
  if (file.size > limits.maxFileBytes) return { ok: false, reason: 'too-large' };
  const head = new Uint8Array(await file.slice(0, 2).arrayBuffer());
  const gzipped = head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
  let bytes: Uint8Array | null;
  try {
    const source = file.stream() as ReadableStream<Uint8Array>;
    const stream = gzipped ? source.pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>) : source;
    bytes = await readBounded(stream, limits.maxTextBytes);
  } catch {
    return { ok: false, reason: 'damaged' }; // truncated or corrupt gzip
  }
  if (!bytes) return { ok: false, reason: 'too-large' };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, reason: 'damaged' };
  }
}
