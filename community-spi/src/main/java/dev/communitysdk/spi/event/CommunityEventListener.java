package dev.communitysdk.spi.event;

/**
 * Host code that reacts to domain events after they commit. Delivery is at least once and in order per aggregate:
 * dedupe by {@link CommunityEvent#id()}. A listener that throws gets the event again later.
 */
@FunctionalInterface
public interface CommunityEventListener {
  /** @param event a committed domain event */
  void onEvent(CommunityEvent event);
}
