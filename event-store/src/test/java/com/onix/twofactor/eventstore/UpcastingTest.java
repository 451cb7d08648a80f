package com.onix.twofactor.eventstore;

import static com.onix.twofactor.eventstore.Events.event;
import static com.onix.twofactor.eventstore.Events.payloads;
import static com.onix.twofactor.eventstore.Events.stream;
import static com.onix.twofactor.eventstore.Events.track;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UpcastingTest extends StoreTest {

  record HolderNamed(String name) {}

  record HolderNamedV2(String fullName, String source) {}

  /** Renames the payload type, sets a revision and reshapes the JSON. */
  static final class HolderNamedUpcaster extends SingleEventUpcaster {
    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
      return representation.getType().getName().equals(HolderNamed.class.getName());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(
        IntermediateEventRepresentation representation) {
      return representation.upcastPayload(
          new SimpleSerializedType(HolderNamedV2.class.getName(), "2"),
          JsonNode.class,
          node -> {
            ObjectNode object = (ObjectNode) node;
            object.set("fullName", object.remove("name"));
            object.put("source", "upcast");
            return object;
          });
    }
  }

  private CommitLogStorageEngine upcasting;

  @BeforeEach
  void storeOldEvents() {
    CommitLogStorageEngine plain = Events.engine(log).build();
    plain.appendEvents(event("acc-1", 0, new Events.Opened("ann")));
    plain.appendEvents(event("acc-1", 1, new HolderNamed("Ann Lee")));
    upcasting = Events.engine(log).upcasterChain(new HolderNamedUpcaster()).build();
  }

  @Test
  void anAggregateStreamIsUpcastOnRead() {
    assertThat(payloads(stream(upcasting.readEvents("acc-1"))))
        .containsExactly(new Events.Opened("ann"), new HolderNamedV2("Ann Lee", "upcast"));
  }

  @Test
  void aTrackingReadIsUpcast() {
    assertThat(payloads(track(upcasting, null)))
        .containsExactly(new Events.Opened("ann"), new HolderNamedV2("Ann Lee", "upcast"));
  }

  @Test
  void anUpcastEventKeepsItsIdentifierAndSequence() {
    EventMessage<?> stored = stream(Events.engine(log).build().readEvents("acc-1")).get(1);

    assertThat(stream(upcasting.readEvents("acc-1")).get(1))
        .satisfies(e -> assertThat(e.getIdentifier()).isEqualTo(stored.getIdentifier()))
        .satisfies(e -> assertThat(e.getSequenceNumber()).isEqualTo(1));
  }
}
