package dev.pyplugins.runtime.support;

import com.google.protobuf.ByteString;
import io.grpc.MethodDescriptor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A stand-in for a generated body-streaming message (head, body_chunk, body_complete, flush, error), with
 * its own marshaller, so the support library is tested without generated code.
 */
record Frame(String head, ByteString chunk, boolean complete, boolean flush, String error) {

  static final Frame COMPLETE = new Frame("", ByteString.EMPTY, true, false, "");
  static final Frame FLUSH = new Frame("", ByteString.EMPTY, false, true, "");

  static Frame head(String head) {
    return new Frame(head, ByteString.EMPTY, false, false, "");
  }

  static Frame chunk(ByteString chunk) {
    return new Frame("", chunk, false, false, "");
  }

  static Frame error(String error) {
    return new Frame("", ByteString.EMPTY, false, false, error);
  }

  static final RequestBodyFormat<Frame> REQUESTS = new RequestBodyFormat<>(Frame::chunk, Frame::complete,
      Frame::chunk, COMPLETE);

  static final ResponseBodyFormat<Frame, String> RESPONSES = new ResponseBodyFormat<>(
      f -> f.head().isEmpty() ? null : f.head(), Frame::chunk, Frame::flush, Frame::complete, Frame::head,
      Frame::chunk, FLUSH, COMPLETE);

  static MethodDescriptor<Frame, Frame> method(MethodDescriptor.MethodType type, String name) {
    return MethodDescriptor.<Frame, Frame>newBuilder().setType(type)
        .setFullMethodName(MethodDescriptor.generateFullMethodName("test.Bodies", name))
        .setRequestMarshaller(MARSHALLER).setResponseMarshaller(MARSHALLER).build();
  }

  static final MethodDescriptor.Marshaller<Frame> MARSHALLER = new MethodDescriptor.Marshaller<>() {
    @Override
    public InputStream stream(Frame frame) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        out.writeUTF(frame.head());
        out.writeInt(frame.chunk().size());
        frame.chunk().writeTo(out);
        out.writeBoolean(frame.complete());
        out.writeBoolean(frame.flush());
        out.writeUTF(frame.error());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new ByteArrayInputStream(bytes.toByteArray());
    }

    @Override
    public Frame parse(InputStream stream) {
      try (DataInputStream in = new DataInputStream(stream)) {
        String head = in.readUTF();
        byte[] chunk = new byte[in.readInt()];
        in.readFully(chunk);
        return new Frame(head, ByteString.copyFrom(chunk), in.readBoolean(), in.readBoolean(), in.readUTF());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  };
}
