// Where the reader came from, into the sign-on form's hidden field (see Referral.java): the page
// address's source or utm_source parameter, else the referring site's origin (the server keeps its
// domain only). The page itself is the same for every reader, so it cannot carry this.
(function () {
  var field = document.querySelector('input[data-referral]');
  if (!field || field.value) return;
  var params = new URLSearchParams(window.location.search);
  var label = params.get('source') || params.get('utm_source');
  if (!label && document.referrer) {
    try {
      var from = new URL(document.referrer);
      if (from.hostname !== window.location.hostname) label = from.origin;
    } catch (e) { /* an unreadable referrer is no referral */ }
  }
  if (label) field.value = label.slice(0, 200);
})();
