package dev.pyplugins.runtime.support;

import com.google.protobuf.ByteString;
import java.io.IOException;

/**
 * The sink a server-side handler writes its response head and body to: each becomes one response message,
 * sent when the call is ready; chunks larger than {@link BodyChunks#CHUNK_SIZE} are split.
 */
final class OutgoingBodySink<R, H> implements BodySink<H> {

  private final ResponseSender<R> sender;
  private final ResponseBodyFormat<R, H> format;

  OutgoingBodySink(ResponseSender<R> sender, ResponseBodyFormat<R, H> format) {
    this.sender = sender;
    this.format = format;
  }

  @Override
  public void head(H head) throws IOException {
    sender.send(format.headMessage().apply(head));
  }

  @Override
  public void chunk(ByteString data) throws IOException {
    for (int start = 0; start < data.size(); start += BodyChunks.CHUNK_SIZE) {
      int end = Math.min(data.size(), start + BodyChunks.CHUNK_SIZE);
      sender.send(format.chunkMessage().apply(data.substring(start, end)));
    }
  }

  @Override
  public void flush() throws IOException {
    if (format.flushMessage() != null) {
      sender.send(format.flushMessage());
    }
  }
}
