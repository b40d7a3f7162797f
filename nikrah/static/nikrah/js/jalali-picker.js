// A Jalali (Solar Hijri) date picker for inputs marked data-jalali (nikrah/widgets.py).
// The browser's own calendar data (Intl, calendar "persian") converts between calendars,
// so no table of leap years lives here. The input keeps what a person can also type:
// ۱۴۰۵/۰۹/۱۰, or ۱۴۰۵/۰۹/۱۰ ۱۴:۳۰ with data-jalali-time; the server reads either calendar.
(function () {
  "use strict";

  const PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹";
  const DAY_MS = 86400000;
  const partsFormat = new Intl.DateTimeFormat("en-u-ca-persian-nu-latn", {
    year: "numeric", month: "numeric", day: "numeric", timeZone: "UTC",
  });
  const monthFormat = new Intl.DateTimeFormat("fa-IR-u-ca-persian", { month: "long", timeZone: "UTC" });
  const weekdayFormat = new Intl.DateTimeFormat("fa-IR", { weekday: "narrow", timeZone: "UTC" });

  const toPersian = (text) => String(text).replace(/[0-9]/g, (d) => PERSIAN_DIGITS[d]);
  const toAscii = (text) => String(text)
    .replace(/[۰-۹]/g, (d) => PERSIAN_DIGITS.indexOf(d))
    .replace(/[٠-٩]/g, (d) => "٠١٢٣٤٥٦٧٨٩".indexOf(d));
  const pad = (n) => String(n).padStart(2, "0");

  function jalaliOf(utcMs) {
    const parts = {};
    partsFormat.formatToParts(new Date(utcMs)).forEach((p) => { parts[p.type] = p.value; });
    return { y: parseInt(parts.year, 10), m: parseInt(parts.month, 10), d: parseInt(parts.day, 10) };
  }

  // The UTC day on which the Jalali date y/m/d falls (found from an estimate, then corrected).
  function utcOf(y, m, d) {
    let ms = Date.UTC(y + 621, 2, 21) + (Math.floor((m - 1) * 30.5) + d - 1) * DAY_MS;
    for (let i = 0; i < 6; i++) {
      const j = jalaliOf(ms);
      const diff = (y - j.y) * 365 + (m - j.m) * 30 + (d - j.d);
      if (diff === 0) return ms;
      ms += diff * DAY_MS;
    }
    return ms;
  }

  function daysInMonth(y, m) {
    const next = m === 12 ? utcOf(y + 1, 1, 1) : utcOf(y, m + 1, 1);
    return Math.round((next - utcOf(y, m, 1)) / DAY_MS);
  }

  function parse(value) {
    const match = toAscii(value).trim().match(/^(\d{4})[\/.-](\d{1,2})[\/.-](\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2}))?/);
    if (!match) return null;
    let [y, m, d] = [match[1], match[2], match[3]].map(Number);
    if (y >= 1700) ({ y, m, d } = jalaliOf(Date.UTC(y, m - 1, d)));
    const time = match[4] ? { h: Number(match[4]), min: Number(match[5]) } : null;
    return { y, m, d, time };
  }

  function today() {
    const now = new Date();
    return jalaliOf(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
  }

  class Picker {
    constructor(input) {
      this.input = input;
      this.withTime = input.hasAttribute("data-jalali-time");
      this.labels = JSON.parse(input.dataset.jalaliLabels || "{}");
      const current = parse(input.value);
      this.selected = current;
      this.time = (current && current.time) || { h: 9, min: 0 };
      const start = current || today();
      this.view = { y: start.y, m: start.m };
      this.element = document.createElement("div");
      this.element.className = "nikrah-jdp";
      this.element.setAttribute("role", "dialog");
      this.element.setAttribute("aria-label", this.labels.dialog || "");
      this.element.dir = "rtl";
      document.body.appendChild(this.element);
      this.element.addEventListener("mousedown", (event) => event.preventDefault());
      this.render();
      this.place();
    }

    place() {
      const box = this.input.getBoundingClientRect();
      const width = this.element.offsetWidth;
      let left = box.right - width + window.scrollX;
      left = Math.max(window.scrollX + 8, left);
      this.element.style.left = `${left}px`;
      this.element.style.top = `${box.bottom + window.scrollY + 4}px`;
    }

    button(label, className, onClick, ariaLabel) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = className;
      button.textContent = label;
      if (ariaLabel) button.setAttribute("aria-label", ariaLabel);
      button.addEventListener("click", onClick);
      return button;
    }

    render() {
      const { y, m } = this.view;
      const box = this.element;
      box.textContent = "";
      const header = document.createElement("div");
      header.className = "nikrah-jdp__header";
      header.append(
        this.button("›", "nikrah-jdp__nav", () => this.move(-1), this.labels.previous),
        Object.assign(document.createElement("span"), {
          className: "nikrah-jdp__title",
          textContent: `${monthFormat.format(new Date(utcOf(y, m, 1)))} ${toPersian(y)}`,
        }),
        this.button("‹", "nikrah-jdp__nav", () => this.move(1), this.labels.next),
      );
      box.append(header);

      const grid = document.createElement("div");
      grid.className = "nikrah-jdp__grid";
      const first = utcOf(y, m, 1);
      // Saturday is the first day of the Persian week.
      const offset = (new Date(first).getUTCDay() + 1) % 7;
      for (let i = 0; i < 7; i++) {
        grid.append(Object.assign(document.createElement("span"), {
          className: "nikrah-jdp__weekday",
          textContent: weekdayFormat.format(new Date(Date.UTC(2023, 0, 7 + i))),
        }));
      }
      for (let i = 0; i < offset; i++) grid.append(document.createElement("span"));
      const now = today();
      for (let d = 1; d <= daysInMonth(y, m); d++) {
        let className = "nikrah-jdp__day";
        if (this.selected && this.selected.y === y && this.selected.m === m && this.selected.d === d) {
          className += " is-selected";
        }
        if (now.y === y && now.m === m && now.d === d) className += " is-today";
        const day = this.button(toPersian(d), className, () => this.choose({ y, m, d }));
        day.dataset.day = d;
        grid.append(day);
      }
      box.append(grid);

      const footer = document.createElement("div");
      footer.className = "nikrah-jdp__footer";
      if (this.withTime) footer.append(this.timeSelects());
      footer.append(
        this.button(this.labels.today || "", "nikrah-jdp__action", () => this.choose(today())),
        this.button(this.labels.clear || "", "nikrah-jdp__action", () => this.write("")),
      );
      box.append(footer);
    }

    timeSelects() {
      const wrapper = document.createElement("span");
      wrapper.className = "nikrah-jdp__time";
      wrapper.dir = "ltr";
      const select = (count, step, value, label, onChange) => {
        const element = document.createElement("select");
        element.setAttribute("aria-label", label || "");
        for (let i = 0; i < count; i += step) {
          element.append(new Option(toPersian(pad(i)), i, false, i === value));
        }
        element.addEventListener("change", () => onChange(Number(element.value)));
        return element;
      };
      const minutes = this.time.min % 5 === 0 ? this.time.min : this.time.min - (this.time.min % 5);
      wrapper.append(
        select(24, 1, this.time.h, this.labels.hour, (h) => { this.time.h = h; this.rewriteTime(); }),
        Object.assign(document.createElement("span"), { textContent: ":" }),
        select(60, 5, minutes, this.labels.minute, (min) => { this.time.min = min; this.rewriteTime(); }),
      );
      return wrapper;
    }

    move(months) {
      let { y, m } = this.view;
      m += months;
      if (m < 1) { m = 12; y -= 1; }
      if (m > 12) { m = 1; y += 1; }
      this.view = { y, m };
      this.render();
    }

    text(date) {
      let text = `${date.y}/${pad(date.m)}/${pad(date.d)}`;
      if (this.withTime) text += ` ${pad(this.time.h)}:${pad(this.time.min)}`;
      return toPersian(text);
    }

    choose(date) {
      this.selected = date;
      this.write(this.text(date));
      if (!this.withTime) close();
      else { this.view = { y: date.y, m: date.m }; this.render(); }
    }

    rewriteTime() {
      if (this.selected) this.write(this.text(this.selected));
    }

    write(value) {
      this.input.value = value;
      this.input.dispatchEvent(new Event("input", { bubbles: true }));
      this.input.dispatchEvent(new Event("change", { bubbles: true }));
      if (!value) close();
    }

    remove() {
      this.element.remove();
    }
  }

  let open = null;

  function close() {
    if (open) { open.remove(); open = null; }
  }

  document.addEventListener("focusin", (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || !input.hasAttribute("data-jalali")) return;
    if (open && open.input === input) return;
    close();
    open = new Picker(input);
  });
  document.addEventListener("mousedown", (event) => {
    if (open && event.target !== open.input && !open.element.contains(event.target)) close();
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && open) close();
    if (event.key === "Tab" && open) close();
  });
  document.addEventListener("input", (event) => {
    // Typing moves the calendar to what was typed.
    if (open && event.target === open.input && event.isTrusted) {
      const typed = parse(open.input.value);
      if (typed) { open.selected = typed; open.view = { y: typed.y, m: typed.m }; open.render(); }
    }
  });
  window.addEventListener("resize", () => open && open.place());
})();
