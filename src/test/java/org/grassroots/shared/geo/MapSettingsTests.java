package org.grassroots.shared.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/**
 * The map's settings: which origins the pages' policy lets images come from, what is refused at
 * start, and that a point goes to the tiles' datum and back through {@link Gcj02} alone.
 */
class MapSettingsTests {

	static final String TIANDITU = "https://t{s}.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0"
			+ "&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=KEY";

	static MapSettings settings(String tiles, String labels, String subdomains, MapSettings.Datum datum) {
		return new MapSettings(tiles, labels, "天地图", subdomains, datum, 18, "29.5630,106.5516", 11);
	}

	@Test
	void noTilesMeansNoMapAndNoOtherImageSource() {
		assertThat(MapSettings.none().enabled()).isFalse();
		assertThat(MapSettings.none().imageSources()).isEmpty();
	}

	@Test
	void tianditusEightSubdomainsAreEightOrigins() {
		MapSettings tianditu = settings(TIANDITU, TIANDITU.replace("vec_w", "cva_w").replace("LAYER=vec", "LAYER=cva"),
				"01234567", MapSettings.Datum.WGS84);
		assertThat(tianditu.enabled()).isTrue();
		assertThat(tianditu.imageSources()).containsExactly("https://t0.tianditu.gov.cn", "https://t1.tianditu.gov.cn",
				"https://t2.tianditu.gov.cn", "https://t3.tianditu.gov.cn", "https://t4.tianditu.gov.cn",
				"https://t5.tianditu.gov.cn", "https://t6.tianditu.gov.cn", "https://t7.tianditu.gov.cn");
		assertThat(settings("https://{s}.tile.example:8443/{z}/{x}/{y}.png", "", "a,b", MapSettings.Datum.WGS84)
			.imageSources()).containsExactly("https://a.tile.example:8443", "https://b.tile.example:8443");
	}

	@Test
	void tilesOnThisServerNeedNoOtherOrigin() {
		assertThat(settings("/tiles/{z}/{x}/{y}.png", "", "", MapSettings.Datum.WGS84).imageSources()).isEmpty();
	}

	@Test
	void anythingButHttpOrAPathIsRefusedAtStart() {
		assertThatThrownBy(() -> settings("javascript:alert(1)//{z}", "", "", MapSettings.Datum.WGS84))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> settings("https://tiles.example; script-src *", "", "", MapSettings.Datum.WGS84))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> settings("https://t{s}.example/{z}/{x}/{y}.png", "", "", MapSettings.Datum.WGS84))
			.as("{s} without subdomains")
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> settings("https://t{s}.example/{z}/{x}/{y}.png", "", "a b", MapSettings.Datum.WGS84))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new MapSettings("/t/{z}/{x}/{y}.png", "", "", "", MapSettings.Datum.WGS84, 18, "north", 11))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void onGcj02TilesAPointIsDrawnOffsetAndAClickGoesBackToWgs84() {
		MapSettings amap = settings("https://webrd0{s}.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}&style=8", "", "1234",
				MapSettings.Datum.GCJ02);
		// given a point in Chongqing stored in WGS-84
		double lat = 29.558123;
		double lng = 106.577456;
		// when it is drawn, it is where Gcj02 puts it, some hundreds of metres off
		Gcj02.Point drawn = amap.display(lat, lng);
		assertThat(drawn).isEqualTo(Gcj02.fromWgs(lat, lng));
		assertThat(Gcj02.metres(drawn, new Gcj02.Point(lat, lng))).isGreaterThan(100);
		// and a click there is stored as the same WGS-84 point, to six decimals
		MapSettings.Stored stored = MapSettings.stored(MapSettings.Datum.GCJ02, BigDecimal.valueOf(drawn.lat()),
				BigDecimal.valueOf(drawn.lng()));
		assertThat(stored.latitude().doubleValue()).isCloseTo(lat, within(1e-6));
		assertThat(stored.longitude().doubleValue()).isCloseTo(lng, within(1e-6));
		assertThat(stored.latitude().scale()).isEqualTo(6);
	}

	@Test
	void onWgs84TilesNothingMoves() {
		MapSettings osm = settings("https://tile.example/{z}/{x}/{y}.png", "", "", MapSettings.Datum.WGS84);
		assertThat(osm.display(29.5, 106.5)).isEqualTo(new Gcj02.Point(29.5, 106.5));
		assertThat(MapSettings.stored(MapSettings.Datum.WGS84, new BigDecimal("29.5581234"), new BigDecimal("106.5774567")))
			.isEqualTo(new MapSettings.Stored(new BigDecimal("29.558123"), new BigDecimal("106.577457")));
		assertThat(MapSettings.datumOf("gcj02")).isEqualTo(MapSettings.Datum.GCJ02);
		assertThat(MapSettings.datumOf("BD09")).isNull();
	}

}
