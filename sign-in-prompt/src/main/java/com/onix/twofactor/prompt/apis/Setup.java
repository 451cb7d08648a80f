package com.onix.twofactor.prompt.apis;

/** A started setup: the secret to show once, and its QR code as a {@code data:} image. */
public record Setup(String secret, String qrCodePng) {

  @Override
  public String toString() {
    return "Setup[secret=<hidden>]";
  }
}
