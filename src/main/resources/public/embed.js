/*
 * Sizes every undersigned widget on the host page to its content. The host page loads this file
 * from the site that serves the widgets; it listens to that site's origin only, to messages of
 * one exact shape, and only from the windows of its own iframes. Without it the iframe keeps the
 * height the embed code gives it.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !window.addEventListener) return;
  var origin = new URL(script.src, document.baseURI).origin;
  window.addEventListener("message", function (event) {
    if (event.origin !== origin) return;
    var data = event.data;
    if (!data || typeof data !== "object" || Object.keys(data).length !== 2) return;
    if (data.type !== "undersigned:height" || typeof data.height !== "number" || !isFinite(data.height)) return;
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        // bounded, so that a widget can neither vanish nor push the host page out of shape
        frames[i].style.height = Math.max(160, Math.min(6000, Math.ceil(data.height))) + "px";
      }
    }
  });
})();
