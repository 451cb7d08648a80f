package com.onix.twofactor.prompt.pushed;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The one-time prompt the sign-in page sends the browser to. */
public record PushedAnswer(
    @JsonProperty("request_uri") String requestUri,
    @JsonProperty("expires_in") long expiresIn,
    @JsonProperty("prompt_url") String promptUrl) {}
