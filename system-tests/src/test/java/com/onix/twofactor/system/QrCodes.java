package com.onix.twofactor.system;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;

/** Reads a {@code data:image/png;base64,} QR code back, as a phone camera would. */
final class QrCodes {

  private QrCodes() {}

  static String read(String dataUri) throws Exception {
    String prefix = "data:image/png;base64,";
    if (!dataUri.startsWith(prefix)) {
      throw new IllegalArgumentException("not a PNG data URI");
    }
    BufferedImage image =
        ImageIO.read(
            new ByteArrayInputStream(
                Base64.getDecoder().decode(dataUri.substring(prefix.length()))));
    int[] pixels =
        image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    // PURE_BARCODE: the image is the code alone, as here; zxing's general finder-pattern search
    // misses about 1 in 300 of such clean synthetic images.
    return new QRCodeReader()
        .decode(
            new BinaryBitmap(
                new HybridBinarizer(
                    new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))),
            Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))
        .getText();
  }
}
