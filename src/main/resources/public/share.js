// The thank-you page's copy button. Without this script the read-only field still holds the link to copy by hand.
(function () {
  document.querySelectorAll('[data-copy]').forEach(function (button) {
    var field = document.getElementById(button.getAttribute('data-copy'));
    var status = document.getElementById(button.getAttribute('data-status'));
    if (!field) return;
    field.addEventListener('focus', function () { field.select(); });
    button.hidden = false;
    button.addEventListener('click', function () {
      var done = function () { if (status) status.textContent = status.getAttribute('data-done'); };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(done, function () { field.focus(); });
      } else {
        field.focus();
        field.select();
        if (document.execCommand && document.execCommand('copy')) done();
      }
    });
  });
})();
