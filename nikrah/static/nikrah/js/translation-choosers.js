// wagtail-localize's translation editor opens Wagtail's choosers at window.chooserUrls, which
// its template sets in an inline script; here they come from this script element's data.
(() => {
  const urls = document.currentScript.dataset;
  window.chooserUrls = window.chooserUrls || {
    pageChooser: urls.pageChooser,
    imageChooser: urls.imageChooser,
    documentChooser: urls.documentChooser,
  };
})();
