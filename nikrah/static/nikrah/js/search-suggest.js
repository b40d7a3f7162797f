// Suggestions under the header's search box as a person types (nikrah/search/suggestions.py).
// The box becomes a WAI-ARIA 1.2 combobox with a listbox popup, as in the APG's
// "editable combobox with list autocomplete" (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/):
// focus stays in the input, aria-activedescendant names the chosen option, a status region
// says how many suggestions came. Without this script the box is a plain GET form to /search/.
// Its sentences come translated from the form's data-announce-* attributes.
(function () {
  "use strict";

  const MIN_LETTERS = 2;
  const DEBOUNCE_MS = 250;

  // Letters and digits, as the server counts them (diacritics, ZWNJ and punctuation are not).
  const letterCount = (text) => (text.match(/[\p{L}\p{N}]/gu) || []).length;

  function setUp(form) {
    const input = form.querySelector("input[name=q]");
    const listbox = form.querySelector("[role=listbox]");
    const status = form.querySelector("[role=status]");
    const numbers = new Intl.NumberFormat(document.documentElement.lang || undefined);
    let options = [];
    let active = -1;
    let timer = null;
    let request = null;
    let shownFor = null;

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listbox.id);

    function announce(count) {
      const text = count === 0 ? form.dataset.announceNone
        : count === 1 ? form.dataset.announceOne
          : form.dataset.announceMany.replace("{count}", numbers.format(count));
      status.textContent = text;
    }

    function choose(index) {
      if (active >= 0) options[active].setAttribute("aria-selected", "false");
      active = index;
      if (active >= 0) {
        const option = options[active];
        option.setAttribute("aria-selected", "true");
        input.setAttribute("aria-activedescendant", option.id);
        option.scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function open() {
      if (!options.length) return;
      listbox.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function close() {
      choose(-1);
      listbox.hidden = true;
      input.setAttribute("aria-expanded", "false");
    }

    function show(suggestions, query) {
      listbox.replaceChildren();
      active = -1;
      options = suggestions.map((suggestion, index) => {
        const option = document.createElement("li");
        option.id = `${listbox.id}-${index}`;
        option.className = "search-box__suggestion";
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.dataset.url = suggestion.url;
        const title = document.createElement("span");
        title.className = "search-box__suggestion-title";
        title.textContent = suggestion.title;
        const kind = document.createElement("span");
        kind.className = "search-box__suggestion-kind";
        kind.textContent = suggestion.kind;
        option.append(title, " ", kind);
        listbox.append(option);
        return option;
      });
      shownFor = query;
      announce(options.length);
      if (options.length) open(); else close();
    }

    function clear() {
      shownFor = null;
      options = [];
      listbox.replaceChildren();
      status.textContent = "";
      close();
    }

    function fetchSuggestions() {
      const query = input.value.trim();
      if (request) request.abort();
      request = null;
      if (letterCount(query) < MIN_LETTERS) {
        clear();
        return;
      }
      if (query === shownFor) {
        open();
        return;
      }
      const controller = new AbortController();
      request = controller;
      const url = `${form.dataset.suggestUrl}?q=${encodeURIComponent(query)}`;
      // No cookies: the server never learns who typed what.
      fetch(url, { signal: controller.signal, credentials: "omit", headers: { Accept: "application/json" } })
        .then((response) => (response.ok ? response.json() : { suggestions: [] }))
        .then((data) => {
          if (request !== controller) return;
          request = null;
          show(data.suggestions || [], query);
        })
        .catch((error) => {
          if (error.name !== "AbortError") clear();
        });
    }

    function go(option) {
      window.location.assign(option.dataset.url);
    }

    input.addEventListener("input", () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, DEBOUNCE_MS);
    });

    input.addEventListener("keydown", (event) => {
      if (event.isComposing) return;
      const expanded = !listbox.hidden;
      switch (event.key) {
        case "ArrowDown":
          if (!options.length) return;
          event.preventDefault();
          if (!expanded) open();
          choose(active + 1 < options.length ? active + 1 : 0);
          break;
        case "ArrowUp":
          if (!options.length) return;
          event.preventDefault();
          if (!expanded) open();
          choose(active > 0 ? active - 1 : options.length - 1);
          break;
        case "Enter":
          if (expanded && active >= 0) {
            event.preventDefault();
            go(options[active]);
          }
          break; // with nothing chosen, the form is submitted to /search/
        case "Escape":
          if (expanded) {
            event.preventDefault();
            close();
          }
          break;
        default:
      }
    });

    // Keep the focus in the input while an option is pressed, then open it.
    listbox.addEventListener("mousedown", (event) => event.preventDefault());
    listbox.addEventListener("click", (event) => {
      const option = event.target.closest("[role=option]");
      if (option) go(option);
    });

    input.addEventListener("blur", close);
    input.addEventListener("focus", () => {
      if (shownFor !== null && shownFor === input.value.trim()) open();
    });
  }

  document.querySelectorAll("form[data-suggest-url]").forEach(setUp);
})();
