// The map of a page (issue 21), drawn with Leaflet from the data attributes of #map that the
// fragment fragments/layout :: map writes. Points arrive in the tiles' datum already (the server
// converts from WGS-84), and a click on a form's map fills its hidden latitude and longitude in
// that datum, with the form's hidden "datum" telling the server how to store it. Nothing here
// converts coordinates. No inline script and no style attribute: the Content-Security-Policy
// allows neither (Leaflet places its panes through element.style, which the policy allows).
(function () {
  'use strict';

  var DECIMALS = 6;

  function layer(template, element) {
    var subdomains = element.dataset.subdomains ? element.dataset.subdomains.split(',') : [];
    var options = { maxZoom: Number(element.dataset.maxZoom) || 18 };
    if (subdomains.length) {
      options.subdomains = subdomains;
    }
    return L.tileLayer(template, options);
  }

  // the attribution is the operator's text; Leaflet writes attributions as HTML, so it is escaped here
  function escaped(text) {
    var span = document.createElement('span');
    span.textContent = text;
    return span.innerHTML;
  }

  function markerPopup(item) {
    var content;
    if (item.dataset.href) {
      content = document.createElement('a');
      content.href = item.dataset.href;
    } else {
      content = document.createElement('span');
    }
    content.textContent = item.textContent;
    return content;
  }

  function draw(element) {
    var map = L.map(element, { scrollWheelZoom: false, zoomControl: false });
    L.control.zoom({ zoomInTitle: element.dataset.zoomIn || 'Zoom in',
      zoomOutTitle: element.dataset.zoomOut || 'Zoom out' }).addTo(map);
    var base = layer(element.dataset.tiles, element);
    if (element.dataset.attribution) {
      base.options.attribution = escaped(element.dataset.attribution);
    }
    base.addTo(map);
    // Leaflet's name without the flag its prefix carries since 1.8: the map credits its tiles, not causes
    map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
    if (element.dataset.labels) {
      layer(element.dataset.labels, element).addTo(map);
    }
    var center = [Number(element.dataset.centerLat), Number(element.dataset.centerLng)];
    var zoom = Number(element.dataset.zoom) || 11;
    var block = element.closest('#map-block') || element.parentNode;
    var items = Array.prototype.slice.call(block.querySelectorAll('.map-points > li'));
    var points = items.map(function (item) {
      return [Number(item.dataset.lat), Number(item.dataset.lng)];
    });
    if (points.length === 1) {
      map.setView(points[0], 16);
    } else if (points.length > 1) {
      // room above each point for its marker, which stands 41 px tall on it
      map.fitBounds(points, { paddingTopLeft: [24, 48], paddingBottomRight: [24, 16], maxZoom: 16 });
    } else {
      map.setView(center, zoom);
    }
    // markers once the map has its view: only then does Leaflet give them an element
    items.forEach(function (item, i) {
      var marker = L.marker(points[i], { title: item.textContent, alt: item.textContent }).addTo(map);
      marker.bindPopup(markerPopup(item));
      marker.getElement().classList.add('map-marker');
      if (item.dataset.href) {
        marker.getElement().dataset.href = item.dataset.href;
      }
    });
    if (element.dataset.mode === 'pick') {
      pick(map, element);
    }
    return map;
  }

  // a form's map: a click puts the marker and fills the hidden fields; Clear empties them
  function pick(map, element) {
    var latitude = document.getElementById('latitude');
    var longitude = document.getElementById('longitude');
    var status = document.getElementById('map-status');
    var clear = document.getElementById('map-clear');
    var marker = null;

    function show(point) {
      if (marker) {
        marker.setLatLng(point);
      } else {
        marker = L.marker(point, { alt: status ? status.dataset.picked : '' }).addTo(map);
        marker.getElement().classList.add('map-picked');
      }
      if (status) {
        status.textContent = status.dataset.picked;
      }
      if (clear) {
        clear.hidden = false;
      }
    }

    if (latitude.value && longitude.value) {
      var given = [Number(latitude.value), Number(longitude.value)];
      show(given);
      map.setView(given, 16);
    } else if (clear) {
      clear.hidden = true;
    }
    map.on('click', function (event) {
      var point = event.latlng;
      latitude.value = point.lat.toFixed(DECIMALS);
      longitude.value = point.lng.toFixed(DECIMALS);
      show([Number(latitude.value), Number(longitude.value)]);
    });
    if (clear) {
      clear.addEventListener('click', function () {
        latitude.value = '';
        longitude.value = '';
        if (marker) {
          map.removeLayer(marker);
          marker = null;
        }
        if (status) {
          status.textContent = status.dataset.none;
        }
        clear.hidden = true;
      });
    }
  }

  /** The fold button says what it will do: show the map, or fold it away again. */
  function labelToggle(folded) {
    var toggle = document.getElementById('map-toggle');
    if (!folded || !toggle) {
      return;
    }
    folded.addEventListener('shown.bs.collapse', function () { toggle.textContent = toggle.dataset.shown; });
    folded.addEventListener('hidden.bs.collapse', function () { toggle.textContent = toggle.dataset.folded; });
  }

  function start() {
    var element = document.getElementById('map');
    if (!element || typeof L === 'undefined') {
      return;
    }
    var folded = element.closest('.collapse');
    labelToggle(folded);
    if (folded && element.offsetWidth === 0) {
      // folded away on a phone: Leaflet needs the map's size, so it is drawn when first unfolded
      folded.addEventListener('shown.bs.collapse', function once() {
        folded.removeEventListener('shown.bs.collapse', once);
        draw(element);
      });
      return;
    }
    draw(element);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
