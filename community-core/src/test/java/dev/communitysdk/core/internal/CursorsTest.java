package dev.communitysdk.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.communitysdk.spi.error.ValidationException;
import dev.communitysdk.spi.model.ListingCursor;
import dev.communitysdk.spi.model.ListingOrder;
import dev.communitysdk.spi.model.PostId;

class CursorsTest {
  @Test
  void listingCursor_roundTripsExactly() {
    ListingCursor cursor = new ListingCursor(1.7296843211234567E15, 42);
    assertThat(Cursors.decodeListing(ListingOrder.ACTIVE, Cursors.encode(ListingOrder.ACTIVE.name(), cursor)))
        .isEqualTo(cursor);
    ListingCursor hot = new ListingCursor(-3.0000000001, 7);
    assertThat(Cursors.decodeListing(ListingOrder.HOT, Cursors.encode(ListingOrder.HOT.name(), hot))).isEqualTo(hot);
  }

  @Test
  void listingCursor_ofAnotherOrder_isRejected() {
    String hot = Cursors.encode(ListingOrder.HOT.name(), new ListingCursor(1, 1));
    assertThatThrownBy(() -> Cursors.decodeListing(ListingOrder.TOP, hot))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
  }

  @Test
  void postCursor_roundTripsAndIsNotAListingCursor() {
    String token = Cursors.encode(new PostId(99));
    assertThat(Cursors.decodePost(token)).isEqualTo(new PostId(99));
    assertThatThrownBy(() -> Cursors.decodeListing(ListingOrder.LATEST, token)).isInstanceOf(ValidationException.class);
  }

  @Test
  void garbage_isAValidationErrorNotACrash() {
    for (String garbage : new String[] {"", "%%%", "YWJj", "YzE6SE9UOk5hTjox", "YzE6UE9TVFM6LTE"}) {
      assertThatThrownBy(() -> Cursors.decodeListing(ListingOrder.HOT, garbage)).isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> Cursors.decodePost(garbage)).isInstanceOf(ValidationException.class);
    }
  }
}
