package com.onix.twofactor.prompt.pushed;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What the sign-in page pushes once the user's email and password have checked out. */
public record PushedRequest(
    @NotBlank @Email @Size(max = 320) String email,
    @JsonProperty("redirect_uri") @NotBlank @Size(max = 2000) String redirectUri,
    @NotBlank @Size(max = 500) String state,
    @NotBlank @Size(max = 500) String nonce) {}
