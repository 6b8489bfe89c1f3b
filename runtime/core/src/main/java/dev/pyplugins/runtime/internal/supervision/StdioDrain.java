package dev.pyplugins.runtime.internal.supervision;

import com.google.protobuf.Empty;
import dev.pyplugins.protocol.goplugin.GRPCStdioGrpc;
import dev.pyplugins.protocol.goplugin.StdioData;
import dev.pyplugins.runtime.internal.logging.LineSplitter;
import dev.pyplugins.runtime.internal.logging.LogLineInterpreter;
import dev.pyplugins.runtime.internal.logging.PluginLogSink;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.Status;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads go-plugin's {@code plugin.GRPCStdio/StreamStdio} for the plugin's whole life: what a Go plugin (or
 * an SDK plugin) writes to stdout and stderr after its handshake arrives here, and a stream nobody reads
 * would block the plugin's writes. Data is cut into lines ({@code logLineLimit}) and logged with
 * {@code plugin_source=stdio}. A plugin without the service (UNIMPLEMENTED) gets one warning, as go-plugin's
 * host gives; the stream ending because the plugin went away is the supervisor's to report. Thread-safe; {@link #close()} cancels the stream.
 */
final class StdioDrain implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StdioDrain.class);

  private final String pluginId;
  private final ClientCall<Empty, StdioData> call;
  private final LogLineInterpreter stdoutLog;
  private final LogLineInterpreter stderrLog;
  private final LineSplitter stdout;
  private final LineSplitter stderr;
  private volatile boolean closed;

  private StdioDrain(String pluginId, Channel channel, int lineLimit, PluginLogSink sink) {
    this.pluginId = pluginId;
    this.call = channel.newCall(GRPCStdioGrpc.getStreamStdioMethod(), CallOptions.DEFAULT);
    this.stdoutLog = new LogLineInterpreter("stdio", sink);
    this.stderrLog = new LogLineInterpreter("stdio", sink);
    this.stdout = new LineSplitter(lineLimit, stdoutLog::accept);
    this.stderr = new LineSplitter(lineLimit, stderrLog::accept);
  }

  /** Opens the stream and starts draining it. */
  static StdioDrain open(String pluginId, Channel channel, int lineLimit, PluginLogSink sink) {
    StdioDrain drain = new StdioDrain(pluginId, channel, lineLimit, sink);
    ClientCalls.asyncServerStreamingCall(drain.call, Empty.getDefaultInstance(), drain.new Receiver());
    return drain;
  }

  @Override
  public void close() {
    closed = true;
    call.cancel("the plugin is stopping", null);
  }

  private final class Receiver implements StreamObserver<StdioData> {
    @Override
    public synchronized void onNext(StdioData data) {
      byte[] bytes = data.getData().toByteArray();
      LineSplitter lines = data.getChannel() == StdioData.Channel.STDOUT ? stdout : stderr;
      lines.accept(bytes, 0, bytes.length);
    }

    @Override
    public synchronized void onError(Throwable t) {
      finish();
      Status status = Status.fromThrowable(t);
      if (closed || status.getCode() == Status.Code.CANCELLED) {
        return;
      }
      if (status.getCode() == Status.Code.UNIMPLEMENTED) {
        LOG.warn("plugin {} does not stream its stdout and stderr (GRPCStdio: {}); output it writes after the"
            + " handshake is only seen if it goes to the process's stderr", pluginId, status.getCode());
      } else {
        // UNAVAILABLE: the plugin went away; the supervisor reports that.
        LOG.debug("plugin {}: GRPCStdio ended: {}", pluginId, status);
      }
    }

    @Override
    public synchronized void onCompleted() {
      finish();
    }

    private void finish() {
      stdout.finish();
      stderr.finish();
      stdoutLog.finish();
      stderrLog.finish();
    }
  }
}
