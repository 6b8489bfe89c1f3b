package dev.pyplugins.runtime.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BodySinkOutputStreamTest {

  private final List<String> events = new ArrayList<>();
  private final BodySink<String> sink = new BodySink<>() {
    @Override
    public void head(String head) {
      events.add("head");
    }

    @Override
    public void chunk(ByteString data) {
      events.add("chunk " + data.size());
    }

    @Override
    public void flush() {
      events.add("flush");
    }
  };

  @Test
  void writesAreGatheredIntoChunksOf64KiB() throws IOException {
    try (OutputStream out = sink.asOutputStream()) {
      out.write(new byte[BodyChunks.CHUNK_SIZE * 2 + 10]);
      out.write(7);
    }

    assertThat(events).containsExactly("chunk 65536", "chunk 65536", "chunk 11");
  }

  @Test
  void flushSendsWhatIsPendingThenAsksTheSinkToFlush() throws IOException {
    OutputStream out = sink.asOutputStream();
    out.write(new byte[5]);
    out.flush();
    out.flush();

    assertThat(events).containsExactly("chunk 5", "flush", "flush");
  }

  @Test
  void aClosedStreamRefusesWrites() throws IOException {
    OutputStream out = sink.asOutputStream();
    out.close();
    out.close();

    assertThat(events).isEmpty();
    assertThatThrownBy(() -> out.write(1)).isInstanceOf(IOException.class).hasMessageContaining("closed");
  }
}
