// Pickers (curation/Pick): a field that takes a record's slug, number or name offers matches as the curator types.
// Without this script the field still takes a slug or a unique name, and a form shown again lists the places meant.
(function () {
  'use strict';
  document.querySelectorAll('input[data-pick]').forEach(function (input) {
    var list = document.getElementById(input.getAttribute('list'));
    var many = input.hasAttribute('data-pick-many');
    var timer;
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var value = input.value;
        var cut = many ? value.lastIndexOf(',') : -1;
        var before = cut < 0 ? '' : value.slice(0, cut + 1) + ' ';
        var term = value.slice(cut + 1).trim();
        if (term.length < 2) {
          return;
        }
        fetch('/curate/pick/' + input.dataset.pick + '?q=' + encodeURIComponent(term), { headers: { Accept: 'application/json' } })
          .then(function (response) { return response.ok ? response.json() : []; })
          .then(function (choices) {
            list.replaceChildren.apply(list, choices.map(function (choice) {
              var option = document.createElement('option');
              option.value = before + choice.value;
              option.label = choice.label;
              return option;
            }));
          });
      }, 200);
    });
  });
}());
