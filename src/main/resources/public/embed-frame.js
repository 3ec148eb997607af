/*
 * Inside a widget: tells the page that frames it how tall the widget's content is, whenever that
 * changes (a form's errors, a narrower frame). The message says nothing but the height, so it may
 * go to whichever site frames the widget; embed.js on that site checks where it comes from.
 */
(function () {
  "use strict";
  if (window.parent === window || !window.postMessage) return;
  var last = -1;
  function send() {
    var body = document.body;
    var height = Math.ceil(body.getBoundingClientRect().height + parseFloat(getComputedStyle(body).marginBottom || "0"));
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: "undersigned:height", height: height }, "*");
  }
  if (window.ResizeObserver) new ResizeObserver(send).observe(document.body);
  window.addEventListener("load", send);
  send();
})();
