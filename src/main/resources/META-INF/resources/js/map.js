// Maps of located places (map/MapResource). The page works without this script: it lists the places and their
// coordinates; the script draws them on a Leaflet map, loading only the tiles in view from /api/map/{z}/{x}/{y}.
(function () {
  'use strict';
  var element = document.querySelector('[data-map]');
  if (!element || !window.L) {
    return;
  }
  element.hidden = false;
  var data = element.dataset;
  var language = document.documentElement.lang || 'en';
  var labels = {};
  document.querySelectorAll('.legend [data-status]').forEach(function (item) {
    labels[item.dataset.status] = item.textContent.trim();
  });
  var map = L.map(element, { minZoom: 1, maxZoom: 18 });
  if (data.bounds) {
    var b = data.bounds.split(',').map(Number);
    map.fitBounds([[b[1], b[0]], [b[3], b[2]]], { padding: [24, 24], maxZoom: 16 });
  } else {
    map.setView([+data.lat, +data.lon], +data.zoom);
  }
  if (data.tileUrl) {
    L.tileLayer(data.tileUrl, { attribution: data.attribution, maxZoom: 18 }).addTo(map);
  }
  var layer = L.layerGroup().addTo(map);
  var loaded = {};
  var zoomShown = null;
  var query = [];
  if (data.site) { query.push('site=' + encodeURIComponent(data.site)); }
  if (data.asOf) { query.push('asOf=' + encodeURIComponent(data.asOf)); }
  var suffix = query.length ? '?' + query.join('&') : '';

  function code(status) {
    return status ? status.toLowerCase().replace(/_/g, '-') : 'none';
  }

  function tileRow(latitude, tiles) {
    var r = latitude * Math.PI / 180;
    return Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * tiles);
  }

  // Each place is a link, each group a button: reached by Tab, opened by Enter, like anything else on the page.
  function marker(feature, latlng) {
    var p = feature.properties;
    var status = labels[p.status || ''] || '';
    var doubt = p.uncertain > 0 ? ' (' + data.uncertain + ')' : '';
    var control;
    if (p.count > 1) {
      control = document.createElement('button');
      control.type = 'button';
      control.textContent = p.count.toLocaleString(language);
      control.title = control.textContent + ' ' + data.places + ' · ' + status + doubt;
      control.addEventListener('click', function () { map.setView(latlng, Math.min(18, map.getZoom() + 2)); });
    } else {
      control = document.createElement('a');
      control.href = p.path + (data.asOf ? '?asOf=' + encodeURIComponent(data.asOf) : '');
      control.title = p.name + ' · ' + status + doubt;
    }
    control.setAttribute('aria-label', control.title);
    var size = p.count > 1 ? 34 : 16;
    return L.marker(latlng, {
      keyboard: false,
      icon: L.divIcon({ className: (p.count > 1 ? 'map-cluster' : 'map-pin') + ' condition-' + code(p.status),
        html: control, iconSize: [size, size] })
    });
  }

  function load() {
    var zoom = Math.max(0, Math.min(18, Math.round(map.getZoom())));
    if (zoom !== zoomShown) {
      layer.clearLayers();
      loaded = {};
      zoomShown = zoom;
    }
    var tiles = Math.pow(2, zoom);
    var bounds = map.getBounds();
    var west = Math.max(0, Math.floor((bounds.getWest() + 180) / 360 * tiles));
    var east = Math.min(tiles - 1, Math.floor((bounds.getEast() + 180) / 360 * tiles));
    var north = Math.max(0, tileRow(Math.min(85.05, bounds.getNorth()), tiles));
    var south = Math.min(tiles - 1, tileRow(Math.max(-85.05, bounds.getSouth()), tiles));
    for (var x = west; x <= east; x++) {
      for (var y = north; y <= south; y++) {
        var key = zoom + '/' + x + '/' + y;
        if (loaded[key]) { continue; }
        loaded[key] = true;
        fetch('/api/map/' + key + suffix, { headers: { Accept: 'application/geo+json' } })
          .then(function (response) { return response.ok ? response.json() : null; })
          .then(function (tile) {
            if (tile && zoom === zoomShown) {
              L.geoJSON(tile, { pointToLayer: marker }).addTo(layer);
            }
          });
      }
    }
  }

  map.on('moveend', load);
  load();
}());
