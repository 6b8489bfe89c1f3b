package dev.pyplugins.runtime.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IncomingBodyTest {

  private final AtomicInteger requested = new AtomicInteger();
  private final IncomingBody body = new IncomingBody(requested::addAndGet);

  @Test
  void moreIsRequestedOnlyWhenTheReaderHasTakenWhatWasBuffered() throws IOException {
    body.accept(ByteString.copyFromUtf8("ab"), false);
    assertThat(requested).hasValue(0);

    assertThat(body.read()).isEqualTo('a');
    assertThat(requested).as("prefetch one once the buffer is empty").hasValue(1);
    assertThat(body.read()).isEqualTo('b');
    assertThat(requested).as("no second request while one is outstanding").hasValue(1);

    body.accept(ByteString.copyFromUtf8("c"), true);
    assertThat(body.read()).isEqualTo('c');
    assertThat(body.read()).isEqualTo(-1);
    assertThat(requested).hasValue(1);
  }

  @Test
  void aCancelledCallFailsTheNextReadThatHasNothingBuffered() throws IOException {
    body.accept(ByteString.copyFromUtf8("x"), false);
    body.fail(new IOException("the client cancelled the call"));

    assertThat(body.read()).isEqualTo('x');
    assertThatThrownBy(body::read).isInstanceOf(IOException.class).hasMessage("the client cancelled the call");
  }

  @Test
  void aCompletedBodyIgnoresALaterFailure() throws IOException {
    body.accept(ByteString.copyFromUtf8("ok"), true);
    body.fail(new IOException("late cancellation"));

    assertThat(body.readAllBytes()).asString().isEqualTo("ok");
  }
}
