package dev.pyplugins.runtime.support;

import com.google.protobuf.ByteString;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * How the response messages of one bidirectional body-streaming RPC carry a head and a body. Generated code
 * supplies one per RPC. Immutable.
 *
 * @param headOf the head a message carries, or {@code null} when it carries none
 * @param chunkOf the body piece a message carries (empty when none)
 * @param flushOf whether a message asks the receiver to flush (always false when the RPC has no
 *     {@code flush} field)
 * @param completeOf whether a message ends the body
 * @param headMessage a message carrying the head
 * @param chunkMessage a message carrying one body piece
 * @param flushMessage the message asking for a flush, or {@code null} when the RPC has no {@code flush} field
 * @param completeMessage the message that ends the body
 * @param <R> the response message type
 * @param <H> the head type
 */
public record ResponseBodyFormat<R, H>(
    Function<R, H> headOf,
    Function<R, ByteString> chunkOf,
    Predicate<R> flushOf,
    Predicate<R> completeOf,
    Function<H, R> headMessage,
    Function<ByteString, R> chunkMessage,
    R flushMessage,
    R completeMessage) {

  public ResponseBodyFormat {
    Objects.requireNonNull(headOf, "headOf");
    Objects.requireNonNull(chunkOf, "chunkOf");
    Objects.requireNonNull(flushOf, "flushOf");
    Objects.requireNonNull(completeOf, "completeOf");
    Objects.requireNonNull(headMessage, "headMessage");
    Objects.requireNonNull(chunkMessage, "chunkMessage");
    Objects.requireNonNull(completeMessage, "completeMessage");
  }
}
