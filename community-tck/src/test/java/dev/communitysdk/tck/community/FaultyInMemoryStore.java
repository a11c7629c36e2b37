package dev.communitysdk.tck.community;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import dev.communitysdk.core.memory.InMemoryCommunityStore;
import dev.communitysdk.spi.error.TransientStorageException;
import dev.communitysdk.spi.storage.AuditLog;
import dev.communitysdk.spi.storage.BadgeStore;
import dev.communitysdk.spi.storage.CommunityStore;
import dev.communitysdk.spi.storage.CrmLinkStore;
import dev.communitysdk.spi.storage.DigestStore;
import dev.communitysdk.spi.storage.EscalationStore;
import dev.communitysdk.spi.storage.FlagStore;
import dev.communitysdk.spi.storage.IdeaStore;
import dev.communitysdk.spi.storage.MemberStore;
import dev.communitysdk.spi.storage.MentionStore;
import dev.communitysdk.spi.storage.OutboxStore;
import dev.communitysdk.spi.storage.PostStore;
import dev.communitysdk.spi.storage.RateLimitStore;
import dev.communitysdk.spi.storage.ReputationLedger;
import dev.communitysdk.spi.storage.ReviewStore;
import dev.communitysdk.spi.storage.RevisionStore;
import dev.communitysdk.spi.storage.SanctionStore;
import dev.communitysdk.spi.storage.SentimentStore;
import dev.communitysdk.spi.storage.SpaceStore;
import dev.communitysdk.spi.storage.SubscriptionStore;
import dev.communitysdk.spi.storage.TopicStore;
import dev.communitysdk.spi.storage.Transactor;
import dev.communitysdk.spi.storage.VoteStore;
import dev.communitysdk.tck.fixtures.ConnectionFault;

/**
 * The in-memory reference store with a connection fault. It has no connection to kill, so at the armed point the
 * transaction fails as a JDBC store's does when its connection breaks, with a {@link TransientStorageException}, and
 * the in-memory store's undo log must take back every write the transaction made so far.
 */
final class FaultyInMemoryStore implements CommunityStore, ConnectionFault {
  private final CommunityStore delegate = InMemoryCommunityStore.create();
  private final AtomicReference<@Nullable Point> armed = new AtomicReference<>();
  private final AtomicInteger fired = new AtomicInteger();
  private final ThreadLocal<Integer> depth = ThreadLocal.withInitial(() -> 0);
  private final Transactor transactor = new Transactor() {
    @Override
    public <T> T inTransaction(Supplier<T> work) {
      int outer = depth.get();
      depth.set(outer + 1);
      try {
        return delegate.transactor().inTransaction(() -> {
          T result = work.get();
          if (outer == 0) {
            failAt(Point.BEFORE_COMMIT);
          }
          return result;
        });
      } finally {
        depth.set(outer);
      }
    }
  };
  private final OutboxStore outbox = (OutboxStore) Proxy.newProxyInstance(OutboxStore.class.getClassLoader(),
      new Class<?>[] {OutboxStore.class}, (proxy, method, args) -> {
        if (method.getName().equals("append")) {
          failAt(Point.BEFORE_EVENT_WRITE);
        }
        try {
          return method.invoke(delegate.outbox(), args);
        } catch (InvocationTargetException e) {
          throw e.getCause();
        }
      });

  @Override
  public void arm(Point point) {
    armed.set(point);
  }

  @Override
  public int fired() {
    return fired.get();
  }

  private void failAt(Point point) {
    if (armed.compareAndSet(point, null)) {
      fired.incrementAndGet();
      throw new TransientStorageException("connection lost " + point, new IllegalStateException("injected fault"));
    }
  }

  @Override
  public Transactor transactor() {
    return transactor;
  }

  @Override
  public OutboxStore outbox() {
    return outbox;
  }

  @Override
  public MemberStore members() {
    return delegate.members();
  }

  @Override
  public SpaceStore spaces() {
    return delegate.spaces();
  }

  @Override
  public TopicStore topics() {
    return delegate.topics();
  }

  @Override
  public PostStore posts() {
    return delegate.posts();
  }

  @Override
  public VoteStore votes() {
    return delegate.votes();
  }

  @Override
  public RevisionStore revisions() {
    return delegate.revisions();
  }

  @Override
  public ReputationLedger reputation() {
    return delegate.reputation();
  }

  @Override
  public BadgeStore badges() {
    return delegate.badges();
  }

  @Override
  public SentimentStore sentiment() {
    return delegate.sentiment();
  }

  @Override
  public IdeaStore ideas() {
    return delegate.ideas();
  }

  @Override
  public ReviewStore reviews() {
    return delegate.reviews();
  }

  @Override
  public FlagStore flags() {
    return delegate.flags();
  }

  @Override
  public SanctionStore sanctions() {
    return delegate.sanctions();
  }

  @Override
  public RateLimitStore rateLimits() {
    return delegate.rateLimits();
  }

  @Override
  public MentionStore mentions() {
    return delegate.mentions();
  }

  @Override
  public AuditLog audit() {
    return delegate.audit();
  }

  @Override
  public CrmLinkStore crmLinks() {
    return delegate.crmLinks();
  }

  @Override
  public EscalationStore escalations() {
    return delegate.escalations();
  }

  @Override
  public SubscriptionStore subscriptions() {
    return delegate.subscriptions();
  }

  @Override
  public DigestStore digests() {
    return delegate.digests();
  }
}
