package dev.pyplugins.sample.rest;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a route's body with a {@link ReadListener} before its handler runs, so a client that sends its body
 * slowly holds no container thread while it does (220 such clients used to hold all of Jetty's 200 threads,
 * and the API answered nothing). Once the whole body is in (at most the route's cap), the handler runs on a
 * container thread with a request whose stream replays it. A body that passes the cap, or that is not in
 * within {@link #BODY_TIMEOUT_MS}, is refused (413, 408) without waiting for the rest.
 */
final class BodyPrefetch implements ReadListener {
  private static final Logger LOG = LoggerFactory.getLogger(BodyPrefetch.class);
  /** The longest a client may take to send one body. */
  static final long BODY_TIMEOUT_MS = 30_000;

  /** What runs once the body is in; on a container thread, with the async request completed afterwards. */
  interface Handler {
    void handle(HttpServletRequest withBody) throws IOException;
  }

  /** What runs when the body is refused: 413 or 408, on a container thread. */
  interface Refusal {
    void refuse(int status) throws IOException;
  }

  private final AsyncContext async;
  private final HttpServletRequest request;
  private final ServletInputStream in;
  private final long limit;
  private final Handler handler;
  private final Refusal refusal;
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();
  private final byte[] buffer = new byte[16 * 1024];
  private final AtomicBoolean done = new AtomicBoolean();

  private BodyPrefetch(AsyncContext async, HttpServletRequest request, long limit, Handler handler, Refusal refusal)
      throws IOException {
    this.async = async;
    this.request = request;
    this.in = request.getInputStream();
    this.limit = limit;
    this.handler = handler;
    this.refusal = refusal;
  }

  /** Starts reading {@code request}'s body; returns at once. */
  static void read(HttpServletRequest request, long limit, Handler handler, Refusal refusal) throws IOException {
    AsyncContext async = request.startAsync();
    async.setTimeout(BODY_TIMEOUT_MS);
    BodyPrefetch prefetch = new BodyPrefetch(async, request, limit, handler, refusal);
    async.addListener(prefetch.new Timeout());
    prefetch.in.setReadListener(prefetch);
  }

  @Override
  public void onDataAvailable() throws IOException {
    while (!done.get() && in.isReady()) {
      int n = in.read(buffer);
      if (n < 0) {
        return; // onAllDataRead follows
      }
      body.write(buffer, 0, n);
      if (body.size() > limit) {
        end(() -> refusal.refuse(413));
        return;
      }
    }
  }

  @Override
  public void onAllDataRead() {
    byte[] bytes = body.toByteArray();
    end(() -> handler.handle(new WithBody(request, bytes)));
  }

  @Override
  public void onError(Throwable t) {
    LOG.debug("REST {} {}: the body broke off: {}", request.getMethod(), request.getPathInfo(), t.toString());
    if (done.compareAndSet(false, true)) {
      async.complete();
    }
  }

  /** One step that may fail to write its answer. */
  private interface Step {
    void run() throws IOException;
  }

  private void end(Step step) {
    if (!done.compareAndSet(false, true)) {
      return;
    }
    async.start(() -> {
      try {
        step.run();
      } catch (IOException e) {
        LOG.debug("REST {} {}: the answer could not be sent: {}", request.getMethod(), request.getPathInfo(),
            e.toString());
      } finally {
        async.complete();
      }
    });
  }

  private final class Timeout implements AsyncListener {
    @Override
    public void onTimeout(AsyncEvent event) {
      if (done.compareAndSet(false, true)) {
        try {
          refusal.refuse(408);
        } catch (IOException e) {
          LOG.debug("REST: the 408 could not be sent: {}", e.toString());
        }
        async.complete();
      }
    }

    @Override
    public void onComplete(AsyncEvent event) {
    }

    @Override
    public void onError(AsyncEvent event) {
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
    }
  }

  /** The request with its body read already: the stream and reader replay it. */
  private static final class WithBody extends HttpServletRequestWrapper {
    private final byte[] body;

    WithBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream bytes = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return bytes.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return bytes.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return bytes.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new IllegalStateException("the body has been read already");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
  }
}
