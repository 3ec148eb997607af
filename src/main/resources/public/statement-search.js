// Filters a statement's signatory list as one types. Without it, the same form asks the server
// (?q=), which folds case and accents the same way (SignatoryList.fold).
(function () {
  var form = document.querySelector('form.list-search');
  if (!form) return;
  var input = form.querySelector('input[type=search]');
  var list = document.getElementById(form.getAttribute('data-list'));
  var live = document.querySelector('.search-result[data-live]');
  if (!input || !list || !String.prototype.normalize) return;
  function fold(text) {
    return text.normalize('NFKD').replace(/[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+/g, '')
      .toLowerCase().replace(/\s+/g, ' ').trim();
  }
  var items = Array.prototype.map.call(list.querySelectorAll('li'), function (li) {
    return { li: li, key: fold(li.textContent) };
  });
  var groups = Array.prototype.slice.call(list.querySelectorAll('.country-group'));
  var timer = null;
  function filter() {
    var query = fold(input.value);
    var shown = 0;
    items.forEach(function (item) {
      var hit = item.key.indexOf(query) >= 0;
      item.li.hidden = !hit;
      if (hit) shown++;
    });
    groups.forEach(function (group) {
      group.hidden = !group.querySelector('li:not([hidden])');
    });
    if (!live) return;
    if (!query) {
      live.textContent = '';
      return;
    }
    var one = shown === 1 || (shown === 0 && document.documentElement.lang === 'fr');
    live.textContent = live.getAttribute(one ? 'data-one' : 'data-other')
      .replace('#', shown.toLocaleString(document.documentElement.lang)).replace('%', input.value.trim());
  }
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(filter, 150);
  });
})();
