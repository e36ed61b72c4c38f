package org.grassroots.shared.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;

/** QR codes as PNG data URIs, for pages that show one inline: voting links, an authenticator's enrolment. */
public final class QrCodes {

	private QrCodes() {
	}

	public static String dataUri(String content) {
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			var matrix = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 180, 180, Map.of(EncodeHintType.MARGIN, 1));
			MatrixToImageWriter.writeToStream(matrix, "PNG", out);
			return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
		}
		catch (WriterException | IOException ex) {
			throw new IllegalStateException("QR code failed", ex);
		}
	}

}
