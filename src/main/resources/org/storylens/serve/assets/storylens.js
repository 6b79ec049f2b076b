// storylens pages: progressive enhancement only; every page works without this file.
// Source chips open a popover listing, for each source of the statement, its outlet and the sentence that states it.
(function () {
  'use strict';

  var open = null; // {chip, popover}

  function close(returnFocus) {
    if (!open) {
      return;
    }
    var chip = open.chip;
    open.popover.remove();
    chip.setAttribute('aria-expanded', 'false');
    open = null;
    if (returnFocus) {
      chip.focus();
    }
  }

  function element(tag, className, text) {
    var e = document.createElement(tag);
    if (className) {
      e.className = className;
    }
    if (text !== undefined && text !== null) {
      e.textContent = text; // text, never markup
    }
    return e;
  }

  function internal(href) {
    return typeof href === 'string' && href.indexOf('/articles/') === 0;
  }

  function show(chip) {
    var refs = chip.closest('.refs') || chip.parentNode;
    var popover = element('div', 'chip-popover');
    popover.setAttribute('role', 'dialog');
    popover.setAttribute('aria-label', 'What each source says');
    popover.tabIndex = -1;
    var head = element('p', 'popover-head');
    head.appendChild(element('span', null, 'What each source says'));
    var closer = element('button', null, 'Close');
    closer.type = 'button';
    closer.addEventListener('click', function () { close(true); });
    head.appendChild(closer);
    popover.appendChild(head);
    var list = element('ol');
    refs.querySelectorAll('a.chip').forEach(function (c) {
      var item = element('li', c === chip ? 'current' : null);
      item.appendChild(element('span', 'popover-outlet',
        c.textContent + '. ' + (c.getAttribute('data-outlet') || (c.getAttribute('title') || '').split('\n')[0])));
      var sentence = c.getAttribute('data-sentence');
      if (sentence) {
        // a sentence that opens with its own quotation mark gets no second one around it
        var quoted = /^[“"‘«„']/.test(sentence.trim());
        item.appendChild(element('span', quoted ? 'popover-sentence quoted' : 'popover-sentence', sentence));
      } else {
        item.appendChild(element('span', 'popover-missing', 'no single sentence recorded for this source'));
      }
      var href = c.getAttribute('data-article');
      if (internal(href)) {
        var link = element('a', 'popover-open', 'Open the article');
        link.href = href;
        item.appendChild(link);
      }
      list.appendChild(item);
    });
    popover.appendChild(list);
    refs.parentNode.insertBefore(popover, refs.nextSibling);
    chip.setAttribute('aria-expanded', 'true');
    open = { chip: chip, popover: popover };
    popover.focus();
  }

  document.addEventListener('click', function (event) {
    var chip = event.target.closest ? event.target.closest('a.chip') : null;
    if (chip) {
      event.preventDefault();
      var same = open && open.chip === chip;
      close(false);
      if (!same) {
        show(chip);
      }
      return;
    }
    if (open && !open.popover.contains(event.target)) {
      close(false);
    }
  });

  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && open) {
      close(true);
    }
  });

  document.querySelectorAll('a.chip').forEach(function (chip) {
    chip.setAttribute('aria-haspopup', 'dialog');
    chip.setAttribute('aria-expanded', 'false');
    if (!chip.hasAttribute('href')) {
      chip.tabIndex = 0; // chips without an entry to jump to can still be opened from the keyboard
      chip.setAttribute('role', 'button');
      chip.addEventListener('keydown', function (event) {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          chip.click();
        }
      });
    }
  });

  // A section folded away opens when the table of contents (or any link to it) leads there.
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id ? document.getElementById(id) : null;
    for (var e = target; e; e = e.parentElement) {
      if (e.tagName === 'DETAILS') {
        e.open = true;
      }
    }
    if (target && target.tagName === 'SECTION') {
      var fold = target.querySelector(':scope > details.fold');
      if (fold) {
        fold.open = true;
      }
    }
  }
  window.addEventListener('hashchange', openTarget);
  openTarget();

  // The stories page's outlet filter applies as soon as one is chosen.
  document.querySelectorAll('form.filters select').forEach(function (select) {
    select.addEventListener('change', function () {
      if (select.form.requestSubmit) {
        select.form.requestSubmit();
      } else {
        select.form.submit();
      }
    });
  });
}());
