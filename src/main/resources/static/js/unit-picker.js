// Unit pickers (templates/fragments/unit-picker.html): suggestions by name as one types, and the
// picked unit's code sent under the field's name while the box shows the name. Without this file
// the box itself is sent, with whatever code or name was typed, and the form still works.
(function () {
  'use strict';

  function textOf(picker) {
    return picker.querySelector('[data-unit-picker-text]');
  }

  function menuOf(picker) {
    return picker.querySelector('.unit-picker-menu');
  }

  function options(picker) {
    return Array.prototype.slice.call(menuOf(picker).querySelectorAll('.unit-choice'));
  }

  function show(picker, open) {
    menuOf(picker).classList.toggle('show', open);
    textOf(picker).setAttribute('aria-expanded', open ? 'true' : 'false');
  }

  function chip(picker, code, name) {
    var label = picker.getAttribute('data-remove-label') || '';
    var field = picker.getAttribute('data-unit-field');
    var chosen = picker.querySelector('.unit-picker-chosen');
    var exists = Array.prototype.some.call(chosen.querySelectorAll('input[type=hidden]'), function (input) {
      return input.value === code;
    });
    if (exists) {
      return;
    }
    var span = document.createElement('span');
    span.className = 'badge text-bg-light border d-inline-flex align-items-center unit-chip';
    var text = document.createElement('span');
    text.textContent = name;
    var remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'btn-close ms-1 unit-chip-remove';
    remove.setAttribute('aria-label', label);
    var hidden = document.createElement('input');
    hidden.type = 'hidden';
    hidden.name = field;
    hidden.value = code;
    span.appendChild(text);
    span.appendChild(remove);
    span.appendChild(hidden);
    chosen.appendChild(span);
  }

  function choose(picker, option) {
    var text = textOf(picker);
    var code = option.getAttribute('data-code');
    var name = option.getAttribute('data-name');
    if (picker.getAttribute('data-unit-picker') === 'multiple') {
      chip(picker, code, name);
      text.value = '';
    } else {
      picker.querySelector('input[type=hidden][data-unit-picker-code]').value = code;
      text.value = name;
    }
    picker.setAttribute('data-unit-picked', text.value);
    show(picker, false);
    text.focus();
  }

  function setUp(picker) {
    if (picker.hasAttribute('data-unit-picker-ready')) {
      return;
    }
    picker.setAttribute('data-unit-picker-ready', '');
    var text = textOf(picker);
    var field = text.getAttribute('name');
    picker.setAttribute('data-unit-field', field);
    if (picker.getAttribute('data-unit-picker') === 'single') {
      // the code goes in a field of its own; what is typed without picking is sent as it is
      var hidden = document.createElement('input');
      hidden.type = 'hidden';
      hidden.name = field;
      hidden.setAttribute('data-unit-picker-code', '');
      hidden.value = text.getAttribute('data-unit-code') || text.value;
      if (text.getAttribute('data-unit-code')) {
        picker.setAttribute('data-unit-picked', text.value);
      }
      text.removeAttribute('name');
      picker.appendChild(hidden);
      text.addEventListener('input', function () {
        hidden.value = text.value;
      });
    }
    text.addEventListener('keydown', function (event) {
      var first = options(picker)[0];
      if (event.key === 'ArrowDown' && first) {
        event.preventDefault();
        show(picker, true);
        first.focus();
      } else if (event.key === 'Escape') {
        show(picker, false);
      }
    });
    menuOf(picker).addEventListener('click', function (event) {
      var option = event.target.closest('.unit-choice');
      if (option) {
        choose(picker, option);
      }
    });
    menuOf(picker).addEventListener('keydown', function (event) {
      var all = options(picker);
      var at = all.indexOf(document.activeElement);
      if (event.key === 'ArrowDown' && at < all.length - 1) {
        event.preventDefault();
        all[at + 1].focus();
      } else if (event.key === 'ArrowUp') {
        event.preventDefault();
        (at > 0 ? all[at - 1] : text).focus();
      } else if (event.key === 'Escape') {
        show(picker, false);
        text.focus();
      }
    });
    picker.addEventListener('click', function (event) {
      var remove = event.target.closest('.unit-chip-remove');
      if (remove) {
        remove.closest('.unit-chip').remove();
        text.focus();
      }
    });
  }

  function setUpAll(root) {
    Array.prototype.forEach.call(root.querySelectorAll('[data-unit-picker]'), setUp);
  }

  // the picker asks for ?q=<what is typed>, whatever the field is called
  document.addEventListener('htmx:configRequest', function (event) {
    var elt = event.detail.elt;
    if (elt.matches && elt.matches('[data-unit-picker-text]')) {
      event.detail.parameters.q = elt.value;
    }
  });

  document.addEventListener('htmx:afterSwap', function (event) {
    var menu = event.detail.target;
    if (!menu.classList || !menu.classList.contains('unit-picker-menu')) {
      return;
    }
    var picker = menu.closest('[data-unit-picker]');
    var text = textOf(picker);
    // an answer that arrives after a pick, or after leaving the box, stays closed
    var stale = picker.getAttribute('data-unit-picked') === text.value || !picker.contains(document.activeElement);
    show(picker, !stale && menu.children.length > 0);
  });

  document.addEventListener('click', function (event) {
    Array.prototype.forEach.call(document.querySelectorAll('[data-unit-picker]'), function (picker) {
      if (!picker.contains(event.target)) {
        show(picker, false);
      }
    });
  });

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () {
      setUpAll(document);
    });
  } else {
    setUpAll(document);
  }
})();
