package com.onix.twofactor.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntToLongFunction;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;

class GlobalSequenceTest extends StoreTest {

  private static final int THREADS = 8;
  private static final int RESERVATIONS_PER_THREAD = 150;

  @Test
  void reservationsTakeConsecutiveRangesFromZero() {
    GlobalSequence sequence = new GlobalSequence(log);

    assertThat(sequence.nextUnreserved()).isZero();
    assertThat(sequence.reserve(3)).isZero();
    assertThat(sequence.reserve(1)).isEqualTo(3);
    assertThat(sequence.nextUnreserved()).isEqualTo(4);
  }

  @Test
  void advancingTheCounterNeverMovesItBack() {
    GlobalSequence sequence = new GlobalSequence(log);
    sequence.reserve(10);

    sequence.advanceTo(4);
    assertThat(sequence.nextUnreserved()).isEqualTo(10);
    sequence.advanceTo(25);
    assertThat(sequence.reserve(1)).isEqualTo(25);
  }

  @Test
  void concurrentReservationsNeverOverlap() throws Exception {
    assertDisjoint(reserveConcurrently(new GlobalSequence(log)));
  }

  /** The backend the command side runs on when no MongoDB is configured. */
  @Test
  void concurrentReservationsNeverOverlapOnTheEmbeddedH2Backend() throws Exception {
    MVStore mvStore = MVStore.open(null);
    MongoServer server = new MongoServer(new H2Backend(mvStore));
    server.bind("127.0.0.1", 0);
    try (MongoClient client =
        MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
      EventLog h2Log = new EventLog(client.getDatabase("onix"));
      assertDisjoint(reserveConcurrently(new GlobalSequence(h2Log)));
    } finally {
      server.shutdownNow();
      mvStore.close();
    }
  }

  /**
   * Two command-side processes on one embedded store: the other process's copy of the code is
   * loaded by a class loader of its own, so it shares nothing with this one but the server.
   */
  @Test
  void concurrentReservationsFromTwoProcessesNeverOverlap() throws Exception {
    GlobalSequence ours = new GlobalSequence(log);
    IntToLongFunction theirs = otherProcessesSequence(store.connect());

    assertDisjoint(reserveConcurrently(ours::reserve, theirs));
  }

  private static IntToLongFunction otherProcessesSequence(MongoDatabase database) throws Exception {
    URL classes = GlobalSequence.class.getProtectionDomain().getCodeSource().getLocation();
    ClassLoader parent = GlobalSequenceTest.class.getClassLoader();
    ClassLoader otherProcess =
        new URLClassLoader(new URL[] {classes}, parent) {
          @Override
          protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(GlobalSequence.class.getPackageName() + ".")) {
              return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
              Class<?> loaded = findLoadedClass(name);
              return loaded != null ? loaded : findClass(name);
            }
          }
        };
    Class<?> logType = otherProcess.loadClass(EventLog.class.getName());
    Class<?> sequenceType = otherProcess.loadClass(GlobalSequence.class.getName());
    assertThat(sequenceType).isNotSameAs(GlobalSequence.class);
    Object log = logType.getConstructor(MongoDatabase.class).newInstance(database);
    Constructor<?> create = sequenceType.getDeclaredConstructor(logType);
    create.setAccessible(true);
    Object sequence = create.newInstance(log);
    Method reserve = sequenceType.getDeclaredMethod("reserve", int.class);
    reserve.setAccessible(true);
    return count -> {
      try {
        return (long) reserve.invoke(sequence, count);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    };
  }

  private static List<long[]> reserveConcurrently(GlobalSequence sequence) throws Exception {
    return reserveConcurrently(sequence::reserve, sequence::reserve);
  }

  /** Each thread's reservations as {first, count} pairs; even threads use one reserver. */
  private static List<long[]> reserveConcurrently(IntToLongFunction even, IntToLongFunction odd)
      throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<List<long[]>>> results = new ArrayList<>();
      for (int thread = 0; thread < THREADS; thread++) {
        int width = 1 + thread % 3;
        IntToLongFunction sequence = thread % 2 == 0 ? even : odd;
        results.add(
            threads.submit(
                () -> {
                  List<long[]> taken = new ArrayList<>();
                  for (int i = 0; i < RESERVATIONS_PER_THREAD; i++) {
                    taken.add(new long[] {sequence.applyAsLong(width), width});
                  }
                  return taken;
                }));
      }
      List<long[]> all = new ArrayList<>();
      for (Future<List<long[]>> result : results) {
        all.addAll(result.get(60, TimeUnit.SECONDS));
      }
      return all;
    } finally {
      threads.shutdownNow();
    }
  }

  private static void assertDisjoint(List<long[]> reservations) {
    reservations.sort((a, b) -> Long.compare(a[0], b[0]));
    long expectedNext = 0;
    for (long[] reservation : reservations) {
      assertThat(reservation[0])
          .as("a reservation starting where the one before it ended")
          .isEqualTo(expectedNext);
      expectedNext = reservation[0] + reservation[1];
    }
  }
}
