// "Use my location": fills the latitude and longitude fields from the browser's
// geolocation. Optional — the fields can be typed in, or left empty.
(function () {
  var button = document.getElementById("fb-locate");
  if (!button || !navigator.geolocation) return;
  var status = document.getElementById("fb-locate-status");
  button.hidden = false;
  button.addEventListener("click", function () {
    status.textContent = button.dataset.waiting;
    navigator.geolocation.getCurrentPosition(
      function (pos) {
        document.getElementById("id_latitude").value = pos.coords.latitude.toFixed(6);
        document.getElementById("id_longitude").value = pos.coords.longitude.toFixed(6);
        // Tell the map (map.js), if there is one, to move its marker.
        document.getElementById("id_longitude").dispatchEvent(new Event("change"));
        status.textContent = button.dataset.done;
      },
      function () { status.textContent = button.dataset.failed; },
      { enableHighAccuracy: true, timeout: 15000 }
    );
  });
})();
