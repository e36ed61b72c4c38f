// The visit form (templates/visits/new.html): add and remove problem rows, and show the field for
// what was done only for a problem solved on the spot. Without this file the form still works with
// the rows the page drew, and the measures field always shows.
(function () {
  'use strict';

  var rows = document.getElementById('problem-rows');
  var template = document.getElementById('problem-row-template');
  var add = document.getElementById('problem-add');
  if (!rows || !template || !add) {
    return;
  }

  function renumber() {
    var title = add.getAttribute('data-title') || '';
    Array.prototype.forEach.call(rows.querySelectorAll('.problem-row'), function (row, i) {
      row.querySelector('.problem-row-title').textContent = title.replace('{n}', String(i + 1));
      Array.prototype.forEach.call(row.querySelectorAll('input, select, textarea'), function (field) {
        field.id = 'problem-' + field.name.replace('problem', '').toLowerCase() + '-' + i;
        var label = field.previousElementSibling;
        if (label && label.tagName === 'LABEL') {
          label.htmlFor = field.id;
        }
      });
    });
  }

  function measures(row) {
    var handling = row.querySelector('.problem-handling');
    row.querySelector('.problem-measures').hidden = handling.value !== 'ON_SPOT';
  }

  rows.addEventListener('click', function (event) {
    if (event.target.classList.contains('problem-remove')) {
      event.target.closest('.problem-row').remove();
      renumber();
    }
  });
  rows.addEventListener('change', function (event) {
    if (event.target.classList.contains('problem-handling')) {
      measures(event.target.closest('.problem-row'));
    }
  });
  add.addEventListener('click', function () {
    rows.appendChild(template.content.cloneNode(true));
    var added = rows.lastElementChild;
    renumber();
    measures(added);
    added.querySelector('input[name=problemTitle]').focus();
  });
  Array.prototype.forEach.call(rows.querySelectorAll('.problem-row'), measures);
  renumber();
})();
