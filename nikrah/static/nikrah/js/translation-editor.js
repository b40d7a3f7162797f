// wagtail-localize's translation editor writes three things in English whatever the
// language: the heading "<source> to <target> translation", the "More actions" label, and
// the dates under each translated text ("1 December 2026", formatted on the server).
// They are put in the page's language as the editor renders them.
document.addEventListener("DOMContentLoaded", () => {
  const editor = document.querySelector(".js-translation-editor");
  const config = document.getElementById("nikrah-translation-editor-labels");
  if (!editor || !config) return;
  const labels = JSON.parse(config.textContent);
  const heading = /^(.+) to (.+) translation$/;
  const englishDate = /\b(\d{1,2}) (January|February|March|April|May|June|July|August|September|October|November|December) (\d{4})\b/g;
  const months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
  const localDate = new Intl.DateTimeFormat(labels.locale, { dateStyle: "long", timeZone: "UTC" });

  const rewrite = (text) => {
    let result = text;
    const match = result.match(heading);
    if (match) result = labels.heading.replace("%(source)s", match[1]).replace("%(target)s", match[2]);
    if (result.trim() === "More actions") result = labels.more;
    return result.replace(englishDate, (_all, day, month, year) =>
      localDate.format(new Date(Date.UTC(Number(year), months.indexOf(month), Number(day)))),
    );
  };

  const visit = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = rewrite(node.nodeValue);
      if (text !== node.nodeValue) node.nodeValue = text;
    }
    root.querySelectorAll?.("[title]").forEach((element) => {
      const title = rewrite(element.title);
      if (title !== element.title) element.title = title;
    });
  };

  visit(editor);
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === "characterData") visit(record.target.parentNode);
      record.addedNodes.forEach((node) => visit(node.nodeType === Node.TEXT_NODE ? node.parentNode : node));
    }
  }).observe(editor, { childList: true, subtree: true, characterData: true });
});
