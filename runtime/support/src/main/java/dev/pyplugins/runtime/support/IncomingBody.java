package dev.pyplugins.runtime.support;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * A request body as an {@link InputStream}, fed by gRPC's callback thread and read by one handler thread. It
 * asks for the next message only when the reader has taken the last buffered piece, so at most one piece
 * waits here and one is on its way: a slow reader holds the sender back.
 */
final class IncomingBody extends InputStream {

  private final IntConsumer requester;
  private final ArrayDeque<ByteString> pieces = new ArrayDeque<>();
  private boolean complete;
  private boolean requested;
  private IOException failure;

  private ByteString current = ByteString.EMPTY;
  private int position;

  /** @param requester asks gRPC for that many more request messages; thread-safe */
  IncomingBody(IntConsumer requester) {
    this.requester = requester;
  }

  /** A message arrived (gRPC thread). */
  synchronized void accept(ByteString piece, boolean last) {
    requested = false;
    if (!piece.isEmpty()) {
      pieces.add(piece);
    }
    if (last) {
      complete = true;
    }
    notifyAll();
  }

  /** The call failed or was cancelled: reads throw once the buffered pieces are gone. */
  synchronized void fail(IOException reason) {
    if (!complete && failure == null) {
      failure = reason;
    }
    notifyAll();
  }

  /** The client half-closed: fine after {@code body_complete}, a truncated body otherwise. */
  synchronized void endOfStream() {
    fail(new IOException("the request body ended without body_complete"));
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, buffer.length);
    if (length == 0) {
      return 0;
    }
    if (position == current.size()) {
      ByteString next = nextPiece();
      if (next == null) {
        return -1;
      }
      current = next;
      position = 0;
    }
    int n = Math.min(length, current.size() - position);
    current.substring(position, position + n).copyTo(buffer, offset);
    position += n;
    return n;
  }

  @Override
  public int available() {
    return current.size() - position;
  }

  private synchronized ByteString nextPiece() throws IOException {
    while (pieces.isEmpty()) {
      if (complete) {
        return null;
      }
      if (failure != null) {
        throw new IOException(failure.getMessage(), failure);
      }
      askForMore();
      try {
        wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while reading the request body");
      }
    }
    ByteString next = pieces.poll();
    if (pieces.isEmpty() && !complete && failure == null) {
      askForMore();
    }
    return next;
  }

  private void askForMore() {
    if (!requested) {
      requested = true;
      requester.accept(1);
    }
  }
}
