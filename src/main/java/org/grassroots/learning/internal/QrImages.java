package org.grassroots.learning.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfWriter;

/**
 * QR codes as PNG (ZXing) and A4 posters as PDF (OpenPDF). The poster embeds a CJK font found on
 * the machine (or named by {@code grassroots.learning.poster-font}); without one it prints the
 * names in a Latin font, which loses Chinese characters, and says so in the log.
 */
@Component
public class QrImages {

	private static final List<String> CJK_FONTS = List.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc,0",
			"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc,0", "/usr/share/fonts/truetype/arphic/uming.ttc,0");

	private final String configuredFont;

	public QrImages(@Value("${grassroots.learning.poster-font:}") String configuredFont) {
		this.configuredFont = configuredFont;
	}

	public byte[] png(String content, int size) {
		try {
			BitMatrix matrix = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, size, size,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			MatrixToImageWriter.writeToStream(matrix, "PNG", out);
			return out.toByteArray();
		}
		catch (WriterException ex) {
			throw new IllegalArgumentException(ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** An A4 poster: the title, the QR code, and lines of explanation under it. */
	public byte[] poster(String title, String content, List<String> lines) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4, 56, 56, 72, 56);
		PdfWriter.getInstance(document, out);
		document.open();
		BaseFont base = font();
		Paragraph heading = new Paragraph(title, new Font(base, 30, Font.BOLD));
		heading.setAlignment(Element.ALIGN_CENTER);
		heading.setSpacingAfter(24);
		document.add(heading);
		try {
			Image code = Image.getInstance(png(content, 900));
			code.scaleToFit(380, 380);
			code.setAlignment(Element.ALIGN_CENTER);
			document.add(code);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		for (String line : lines) {
			Paragraph paragraph = new Paragraph(line, new Font(base, 14));
			paragraph.setAlignment(Element.ALIGN_CENTER);
			paragraph.setSpacingBefore(8);
			document.add(paragraph);
		}
		document.close();
		return out.toByteArray();
	}

	private BaseFont font() {
		List<String> candidates = configuredFont.isBlank() ? CJK_FONTS : List.of(configuredFont);
		for (String candidate : candidates) {
			String file = candidate.contains(",") ? candidate.substring(0, candidate.lastIndexOf(',')) : candidate;
			if (Files.isReadable(Path.of(file))) {
				try {
					return BaseFont.createFont(candidate, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
				}
				catch (IOException | RuntimeException ex) {
					org.slf4j.LoggerFactory.getLogger(QrImages.class).warn("Cannot use the font {}: {}", candidate, ex.toString());
				}
			}
		}
		org.slf4j.LoggerFactory.getLogger(QrImages.class)
			.warn("No CJK font found for posters; install fonts-wqy-zenhei or set grassroots.learning.poster-font");
		try {
			return BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
