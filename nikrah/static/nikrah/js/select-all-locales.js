// wagtail-localize's «Translate» screen: «select all» ticks or clears every language.
document.addEventListener("DOMContentLoaded", () => {
  const selectAll = document.querySelector('[name="select_all"]');
  if (!selectAll) return;
  selectAll.addEventListener("change", () => {
    document.querySelectorAll('[name="locales"]').forEach((locale) => {
      locale.checked = selectAll.checked;
    });
  });
});
