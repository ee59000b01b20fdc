// Maps of feedback, as an enhancement: without JavaScript (or Leaflet) the number
// fields and the list work alone. Leaflet is served from our static files; the
// tiles come from the server in FEEDBACK_MAP_TILES and may fail to load — the map,
// its clicks and its markers do not depend on them. User text is only ever set with
// textContent or as a property, never as HTML.
(function () {
  "use strict";
  var configEl = document.getElementById("fb-map-config");
  if (!window.L || !configEl) return;
  var config = JSON.parse(configEl.textContent);
  // Leaflet's texts are English: the page's language comes from the server
  var labels = config.labels || {};
  if (labels.marker) L.Marker.prototype.options.alt = labels.marker;

  function baseMap(el, centre, zoom) {
    el.hidden = false;
    var help = document.getElementById(el.getAttribute("aria-describedby"));
    if (help) help.hidden = false;
    // Scrolling the page over the map must not zoom it.
    var map = L.map(el, { scrollWheelZoom: false, zoomControl: false, attributionControl: false })
      .setView(centre, zoom);
    L.control.zoom({
      zoomInTitle: labels.zoomIn || "Zoom in",
      zoomOutTitle: labels.zoomOut || "Zoom out",
    }).addTo(map);
    var attribution = L.control.attribution(labels.prefix ? { prefix: labels.prefix } : {});
    attribution.addTo(map);
    L.tileLayer(config.tiles, { maxZoom: 19, attribution: config.attribution }).addTo(map);
    if (labels.closePopup) {
      map.on("popupopen", function (e) {
        var button = e.popup.getElement() && e.popup.getElement().querySelector(".leaflet-popup-close-button");
        if (button) button.setAttribute("aria-label", labels.closePopup);
      });
    }
    return map;
  }

  // The report form: a click or tap sets the point, the marker can be dragged, and
  // typing in the fields moves the marker. Keyboard users keep the fields.
  function picker(el) {
    var lat = document.getElementById("id_latitude");
    var lng = document.getElementById("id_longitude");
    if (!lat || !lng) return;
    var area = document.getElementById("id_area");
    var marker = null;

    function typed() {
      var a = parseFloat(lat.value), b = parseFloat(lng.value);
      if (isNaN(a) || isNaN(b) || a < -90 || a > 90 || b < -180 || b > 180) return null;
      return [a, b];
    }
    function write(ll) {
      ll = ll.wrap();
      lat.value = ll.lat.toFixed(6);
      lng.value = ll.lng.toFixed(6);
    }
    function place(ll) {
      if (marker) {
        marker.setLatLng(ll);
        return;
      }
      marker = L.marker(ll, { draggable: true, keyboard: false, alt: el.getAttribute("aria-label") });
      marker.on("dragend", function () { write(marker.getLatLng()); });
      marker.addTo(map);
    }

    var start = typed();
    var areaCentre = area && config.centres[area.value];
    var map = baseMap(el, start || areaCentre || config.centre, start ? 17 : 15);
    if (start) place(start);

    map.on("click", function (e) {
      place(e.latlng);
      write(e.latlng);
    });
    function onFieldChange() {
      var point = typed();
      if (point) {
        place(point);
        map.panTo(point);
      } else if (marker && !lat.value && !lng.value) {
        map.removeLayer(marker);
        marker = null;
      }
    }
    lat.addEventListener("change", onFieldChange);
    lng.addEventListener("change", onFieldChange);
    if (area) {
      area.addEventListener("change", function () {
        var centre = config.centres[area.value];
        if (centre && !marker) map.setView(centre, 15);
      });
    }
  }

  function popup(point) {
    var box = document.createElement("div");
    var link = document.createElement("a");
    link.href = point.url;
    link.textContent = "#" + point.id + " · " + point.title;
    var status = document.createElement("p");
    status.className = "meta";
    status.textContent = point.status;
    box.appendChild(link);
    box.appendChild(status);
    return box;
  }

  // The list: one marker per listed report that has a point.
  function listMap(el) {
    var dataEl = document.getElementById("fb-map-points");
    if (!dataEl) return;
    var points = JSON.parse(dataEl.textContent);
    if (!points.length) return;
    var map = baseMap(el, config.centre, 15);
    var bounds = [];
    points.forEach(function (point) {
      var ll = [point.lat, point.lng];
      var label = "#" + point.id + " · " + point.title;
      L.marker(ll, { title: label, alt: label }).bindPopup(popup(point)).addTo(map);
      bounds.push(ll);
    });
    // no zoom animation: cheaper on slow phones, and the markers are where they
    // will stay as soon as they are drawn (a click during the animation missed)
    map.fitBounds(bounds, { maxZoom: 17, padding: [24, 24], animate: false });
  }

  var pickerEl = document.getElementById("fb-map-picker");
  if (pickerEl) picker(pickerEl);
  var listEl = document.getElementById("fb-map-list");
  if (listEl) listMap(listEl);
})();
