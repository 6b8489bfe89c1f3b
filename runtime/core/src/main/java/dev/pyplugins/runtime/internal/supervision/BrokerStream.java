package dev.pyplugins.runtime.internal.supervision;

import dev.pyplugins.protocol.goplugin.ConnInfo;
import dev.pyplugins.protocol.goplugin.GRPCBrokerGrpc;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * go-plugin's {@code plugin.GRPCBroker/StartStream}, opened right after connecting and kept open for the
 * plugin's life, as go-plugin's host does. This host brokers no connections (each plugin's API endpoint
 * is passed in its environment), so offers from the plugin are logged and not dialed. A plugin without a
 * broker is fine. Thread-safe; {@link #close()} ends the stream (go-plugin's {@code broker.Close()}).
 */
final class BrokerStream implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BrokerStream.class);

  private final StreamObserver<ConnInfo> requests;

  private BrokerStream(StreamObserver<ConnInfo> requests) {
    this.requests = requests;
  }

  static BrokerStream open(String pluginId, Channel channel) {
    StreamObserver<ConnInfo> requests = ClientCalls.asyncBidiStreamingCall(
        channel.newCall(GRPCBrokerGrpc.getStartStreamMethod(), CallOptions.DEFAULT), new StreamObserver<>() {
          @Override
          public void onNext(ConnInfo offer) {
            LOG.debug("plugin {} offers brokered connection {} on {} {}; this host dials none", pluginId,
                offer.getServiceId(), offer.getNetwork(), offer.getAddress());
          }

          @Override
          public void onError(Throwable t) {
            Status status = Status.fromThrowable(t);
            if (status.getCode() != Status.Code.CANCELLED) {
              LOG.debug("plugin {}: GRPCBroker stream ended: {}", pluginId, status);
            }
          }

          @Override
          public void onCompleted() {
            // the plugin closed its broker
          }
        });
    return new BrokerStream(requests);
  }

  @Override
  public synchronized void close() {
    try {
      requests.onCompleted();
    } catch (IllegalStateException e) {
      // the call has ended already
    }
  }
}
