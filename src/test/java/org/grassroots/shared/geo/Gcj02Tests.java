package org.grassroots.shared.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * GCJ-02 against published reference points: the WGS-84/GCJ-02 pairs of the eviltransform
 * project's test suite (github.com/googollee/eviltransform, BSD licence), in Shanghai, Shenzhen and
 * Beijing, plus the great-circle distance it gives between two of them.
 */
class Gcj02Tests {

	record Pair(double wgsLat, double wgsLng, double gcjLat, double gcjLng) {

	}

	static final List<Pair> PUBLISHED = List.of(new Pair(31.1774276, 121.5272106, 31.17530398364597, 121.531541859215),
			new Pair(22.543847, 113.912316, 22.540796131694766, 113.9171764808363),
			new Pair(39.911954, 116.377817, 39.91334545536069, 116.38404722455657));

	@Test
	void aWgs84PointIsDrawnWhereThePublishedPairsSay() {
		for (Pair pair : PUBLISHED) {
			Gcj02.Point drawn = Gcj02.fromWgs(pair.wgsLat(), pair.wgsLng());
			assertThat(drawn.lat()).as("latitude of " + pair).isCloseTo(pair.gcjLat(), within(1e-5));
			assertThat(drawn.lng()).as("longitude of " + pair).isCloseTo(pair.gcjLng(), within(1e-5));
		}
	}

	@Test
	void aGcj02PositionGoesBackToItsWgs84PointWithinACentimetre() {
		for (Pair pair : PUBLISHED) {
			Gcj02.Point back = Gcj02.toWgs(pair.gcjLat(), pair.gcjLng());
			assertThat(Gcj02.metres(back, new Gcj02.Point(pair.wgsLat(), pair.wgsLng()))).as(pair.toString())
				.isLessThan(0.01);
		}
		// Chongqing, the first deployment: the offset is hundreds of metres, the round trip exact
		Gcj02.Point jiefangbei = new Gcj02.Point(29.5574, 106.5770);
		Gcj02.Point drawn = Gcj02.fromWgs(jiefangbei.lat(), jiefangbei.lng());
		assertThat(Gcj02.metres(jiefangbei, drawn)).isBetween(100.0, 1000.0);
		assertThat(Gcj02.metres(jiefangbei, Gcj02.toWgs(drawn.lat(), drawn.lng()))).isLessThan(0.001);
	}

	@Test
	void pointsOutsideChinaAreNotOffset() {
		assertThat(Gcj02.fromWgs(51.5007, -0.1246)).isEqualTo(new Gcj02.Point(51.5007, -0.1246));
		assertThat(Gcj02.toWgs(-33.8568, 151.2153)).isEqualTo(new Gcj02.Point(-33.8568, 151.2153));
	}

	/** The published 1,078,164 m is on a sphere of the equatorial radius; ours, of the mean radius, is 0.11% shorter. */
	@Test
	void theDistanceBetweenShanghaiAndBeijingAgreesWithThePublishedOne() {
		double metres = Gcj02.metres(new Gcj02.Point(31.17530398364597, 121.531541859215),
				new Gcj02.Point(39.91334545536069, 116.38404722455657));
		assertThat(metres).isCloseTo(1078164 * 6371008.8 / 6378137.0, within(1.0));
	}

}
