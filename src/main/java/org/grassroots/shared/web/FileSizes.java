package org.grassroots.shared.web;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.springframework.stereotype.Component;

/**
 * A file's size as people read it, for pages ({@code @sizes.of(…)}): whole bytes below 1 KB, then
 * KB and MB with one decimal (1 KB = 1024 bytes), so a 779-byte photo shows as 779 B, not 0 KB.
 */
@Component("sizes")
public class FileSizes {

	private static final long KB = 1024;

	private static final long MB = KB * KB;

	public String of(long bytes) {
		return text(bytes);
	}

	public static String text(long bytes) {
		if (bytes < KB) {
			return bytes + " B";
		}
		if (bytes < MB) {
			String kb = oneDecimal(bytes, KB);
			// 1023.96 KB rounds to 1024.0 KB: say 1.0 MB instead
			return "1024.0".equals(kb) ? "1.0 MB" : kb + " KB";
		}
		return oneDecimal(bytes, MB) + " MB";
	}

	private static String oneDecimal(long bytes, long unit) {
		return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(unit), 1, RoundingMode.HALF_UP).toPlainString();
	}

}
