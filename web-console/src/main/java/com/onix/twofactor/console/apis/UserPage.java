package com.onix.twofactor.console.apis;

import java.util.List;

/** A page of users and the cursor of the next one (null: the last page). */
public record UserPage(List<ConsoleUser> users, String next) {}
