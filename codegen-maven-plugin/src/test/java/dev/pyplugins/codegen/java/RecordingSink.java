package dev.pyplugins.codegen.java;

import com.google.protobuf.ByteString;
import dev.pyplugins.runtime.support.BodySink;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** A sink that keeps what it receives. */
final class RecordingSink implements BodySink<Object> {

  final List<Object> heads = new ArrayList<>();
  final ByteArrayOutputStream body = new ByteArrayOutputStream();
  int flushes;

  @Override
  public void head(Object head) {
    heads.add(head);
  }

  @Override
  public void chunk(ByteString data) {
    body.writeBytes(data.toByteArray());
  }

  @Override
  public void flush() {
    flushes++;
  }
}
