package dev.pyplugins.runtime.internal.http;

import dev.pyplugins.protocol.v1.AppErrorException;
import dev.pyplugins.protocol.v1.ServeHTTPRequest;
import dev.pyplugins.protocol.v1.ServeHTTPResponse;
import dev.pyplugins.runtime.support.BodyChunks;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.Status;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP request bridged to a plugin's ServeHTTP stream with Servlet async and non-blocking I/O, so a
 * request that waits (for the plugin, for a slow client's body, for a slow reader) holds no container
 * thread. The request body is read by a {@link ReadListener} only while the gRPC call is ready to send, in
 * messages of up to {@link BodyChunks#CHUNK_SIZE}; the response is written by a {@link WriteListener}, and a
 * further message is asked from gRPC only once one is written, with at most {@value #PREFETCH} on their way
 * (backpressure both ways, nothing buffered whole). The end: the call's OK close completes the response; a
 * failure before the response started becomes its status ({@link ResponseStatus}); a client that goes away
 * (a write or read fails, the container reports an error) cancels the call, so the plugin's handler sees it.
 *
 * <p>Threads: container callbacks arrive on the container's threads, gRPC callbacks on the transport's own
 * thread ({@link ServeHttpCall}); every step runs under this object's lock and none of them may block.
 * {@code onEnd} runs exactly once, when the exchange is over.
 */
public final class HttpExchange {
  /** Response messages gRPC may deliver before they are written: keeps the transport busy, bounds memory. */
  static final int PREFETCH = 4;
  private static final Logger LOG = LoggerFactory.getLogger(HttpExchange.class);

  private final AsyncContext async;
  private final HttpServletResponse response;
  private final ClientCall<ServeHTTPRequest, ServeHTTPResponse> call;
  private final ServletResponseSink sink;
  private final Runnable onEnd;
  private final String what;
  private final Queue<ServeHTTPResponse> pending = new ArrayDeque<>();
  private final RequestBodyBuffer body = new RequestBodyBuffer();
  private final AtomicBoolean ended = new AtomicBoolean();
  private ServletInputStream in;
  private ServletOutputStream out;
  private boolean requestDone;
  private boolean flushWanted;
  private Status closed;
  private boolean finished;

  private HttpExchange(AsyncContext async, ClientCall<ServeHTTPRequest, ServeHTTPResponse> call, Runnable onEnd,
      String what) {
    this.async = async;
    this.response = (HttpServletResponse) async.getResponse();
    this.call = call;
    this.sink = new ServletResponseSink(response);
    this.onEnd = onEnd;
    this.what = what;
  }

  /**
   * Starts the exchange and returns at once; the container thread is free afterwards.
   *
   * @param head the first message: plugin context and request head
   * @param what names the request in logs and errors, such as {@code plugin com.example: ServeHTTP /x}
   * @param onEnd runs once when the exchange is over, however it ends
   */
  public static void start(AsyncContext async, Channel channel, CallOptions options, ServeHTTPRequest head,
      String what, Runnable onEnd) throws IOException {
    new HttpExchange(async, ServeHttpCall.open(channel, options), onEnd, what).begin(head);
  }

  private synchronized void begin(ServeHTTPRequest head) throws IOException {
    async.addListener(new Container());
    call.start(new Plugin(), new Metadata());
    call.sendMessage(head);
    call.request(PREFETCH);
    in = async.getRequest().getInputStream();
    out = response.getOutputStream();
    in.setReadListener(new Reader());
    out.setWriteListener(new Writer());
  }

  /** Sends the body while the call can take it, in messages as full as the client's pace allows. */
  private synchronized void pumpRequest() {
    if (requestDone || finished || in == null) {
      return;
    }
    try {
      while (call.isReady()) {
        boolean full = body.fill(in);
        if (!body.isEmpty()) {
          sendBody();
        }
        if (body.ended()) {
          endRequest();
          return;
        }
        if (!full) {
          return; // onDataAvailable comes back here
        }
      }
    } catch (IOException | RuntimeException e) {
      clientGone("the request body broke off", e);
    }
  }

  private void sendBody() {
    call.sendMessage(ServeHTTPRequest.newBuilder().setBodyChunk(body.take()).build());
  }

  private synchronized void endRequest() {
    if (requestDone || finished) {
      return;
    }
    if (!body.isEmpty()) {
      sendBody();
    }
    requestDone = true;
    call.sendMessage(ServeHTTPRequest.newBuilder().setBodyComplete(true).build());
    call.halfClose();
  }

  /** Writes what has arrived while the client takes it; the end of the call once all of it is out. */
  private synchronized void drain() {
    if (finished || out == null) {
      return;
    }
    try {
      while (true) {
        if (flushWanted) {
          if (!out.isReady()) {
            return; // onWritePossible comes back here
          }
          flushWanted = false;
          out.flush();
        }
        ServeHTTPResponse message = pending.peek();
        if (message == null) {
          break;
        }
        if (!out.isReady()) {
          return;
        }
        pending.remove();
        if (message.hasError()) {
          AppErrorException error = new AppErrorException(message.getError());
          LOG.warn("{} answered an error: {}", what, error.getMessage());
          call.cancel("the plugin answered an error", null);
          failAndFinish(error.statusCode() == 0 ? 500 : ServletResponseSink.status(error.statusCode()),
              error.getMessage());
          return;
        }
        sink.write(message, out);
        flushWanted = message.getFlush();
        if (closed == null) {
          call.request(1);
        }
      }
      if (closed != null) {
        if (closed.isOk()) {
          finish();
        } else {
          LOG.warn("{} failed: {}", what, closed);
          failAndFinish(ResponseStatus.of(closed), ResponseStatus.describe(closed));
        }
      }
    } catch (IOException | RuntimeException e) {
      clientGone("the response could not be written", e);
    }
  }

  private void failAndFinish(int status, String message) throws IOException {
    sink.fail(status, message, out);
    finish();
  }

  private synchronized void clientGone(String reason, Throwable cause) {
    LOG.debug("{} ended early: {}: {}", what, reason, cause.toString());
    call.cancel(reason, cause);
    finish();
  }

  private synchronized void finish() {
    if (finished) {
      return;
    }
    finished = true;
    pending.clear();
    try {
      async.complete();
    } catch (IllegalStateException e) {
      // The container ended the request already (the client is gone).
    }
    end();
  }

  private void end() {
    if (ended.compareAndSet(false, true)) {
      onEnd.run();
    }
  }

  private final class Plugin extends ClientCall.Listener<ServeHTTPResponse> {
    @Override
    public void onMessage(ServeHTTPResponse message) {
      synchronized (HttpExchange.this) {
        pending.add(message);
        drain();
      }
    }

    @Override
    public void onReady() {
      pumpRequest();
    }

    @Override
    public void onClose(Status status, Metadata trailers) {
      synchronized (HttpExchange.this) {
        closed = status;
        requestDone = true;
        drain();
      }
    }
  }

  private final class Reader implements ReadListener {
    @Override
    public void onDataAvailable() {
      pumpRequest();
    }

    @Override
    public void onAllDataRead() {
      endRequest();
    }

    @Override
    public void onError(Throwable t) {
      clientGone("the request body broke off", t);
    }
  }

  private final class Writer implements WriteListener {
    @Override
    public void onWritePossible() {
      drain();
    }

    @Override
    public void onError(Throwable t) {
      clientGone("the client went away", t);
    }
  }

  private final class Container implements AsyncListener {
    @Override
    public void onComplete(AsyncEvent event) {
      synchronized (HttpExchange.this) {
        if (!finished) {
          finished = true;
          call.cancel("the request ended", null);
        }
      }
      end();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
      clientGone("the container timed the request out", event.getThrowable() == null
          ? new IOException("async timeout") : event.getThrowable());
    }

    @Override
    public void onError(AsyncEvent event) {
      clientGone("the container reported an error", event.getThrowable() == null
          ? new IOException("async error") : event.getThrowable());
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
      // Not restarted.
    }
  }
}
