package org.grassroots.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.grassroots.learning.internal.QrImages;
import org.junit.jupiter.api.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/** The QR codes read back as what they encode, whatever its length. */
class QrImagesTests {

	@Test
	void everyCodeDecodesToItsUrl() throws Exception {
		QrImages images = new QrImages("");
		for (int i = 0; i < 40; i++) {
			String url = "http://localhost:" + (30000 + i) + "/learn/points/" + (i * 7919) + "/check-in?k=" + i + "&s="
					+ UUID.randomUUID().toString().replace("-", "").substring(0, 22);
			assertThat(decode(images.png(url, 480))).isEqualTo(url);
		}
	}

	@Test
	void thePosterIsAPdf() {
		byte[] pdf = new QrImages("").poster("南湖社区学习打卡点", "http://localhost/learn/points/1/check-in?k=1&s=x",
				java.util.List.of("扫码打卡", "8:30-21:00"));
		assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
	}

	static String decode(byte[] png) throws Exception {
		var image = ImageIO.read(new ByteArrayInputStream(png));
		var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
		return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
	}

}
