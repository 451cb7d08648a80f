package com.onix.twofactor.command.store;

import de.bwaldvogel.mongo.MongoBackend;

/** Tests declare one to host the embedded store in memory on a random port. */
public record EmbeddedBackendOverride(MongoBackend backend) {}
