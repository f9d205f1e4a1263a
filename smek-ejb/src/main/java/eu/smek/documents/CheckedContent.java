package eu.smek.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A range of a blob, read a whole chunk at a time: no byte leaves before its chunk's CRC32C has
 * matched, so a damaged file breaks off before the damage rather than after it was sent.
 */
final class CheckedContent extends InputStream {

  private final InputStream raw;
  private final ChunkChecksums sums;
  private final String sha256;
  private final byte[] chunk = new byte[ChunkChecksums.CHUNK];
  private int nextChunk;
  private int skipInFirstChunk;
  private int position;
  private int limit;
  private long remaining;

  /** {@code raw} stands at the start of the chunk that holds {@code offset}. */
  CheckedContent(InputStream raw, ChunkChecksums sums, String sha256, long offset, long length) {
    this.raw = raw;
    this.sums = sums;
    this.sha256 = sha256;
    this.nextChunk = (int) (offset / ChunkChecksums.CHUNK);
    this.skipInFirstChunk = (int) (offset % ChunkChecksums.CHUNK);
    this.remaining = length;
  }

  static long chunkStart(long offset) {
    return offset / ChunkChecksums.CHUNK * ChunkChecksums.CHUNK;
  }

  /** Reads and checks the next chunk; false once the range is complete. */
  private boolean fill() throws IOException {
    if (remaining == 0) {
      return false;
    }
    int expected = sums.chunkLength(nextChunk);
    int read = raw.readNBytes(chunk, 0, expected);
    if (read != expected || !sums.matches(nextChunk, chunk, read)) {
      throw BlobDamagedException.damaged(sha256);
    }
    nextChunk++;
    position = skipInFirstChunk;
    skipInFirstChunk = 0;
    limit = (int) Math.min(expected, position + remaining);
    return true;
  }

  private boolean checkedBytesLeft() throws IOException {
    return position < limit || fill();
  }

  @Override
  public int read() throws IOException {
    if (!checkedBytesLeft()) {
      return -1;
    }
    remaining--;
    return chunk[position++] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (!checkedBytesLeft()) {
      return -1;
    }
    int count = Math.min(length, limit - position);
    System.arraycopy(chunk, position, buffer, offset, count);
    position += count;
    remaining -= count;
    return count;
  }

  /** Writes each checked chunk straight from its buffer, without another copy. */
  @Override
  public long transferTo(OutputStream out) throws IOException {
    long sent = 0;
    while (checkedBytesLeft()) {
      int count = limit - position;
      out.write(chunk, position, count);
      position = limit;
      remaining -= count;
      sent += count;
    }
    return sent;
  }

  @Override
  public void close() throws IOException {
    raw.close();
  }
}
