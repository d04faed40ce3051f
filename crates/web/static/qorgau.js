// Qorgau's pages work without this script; it only spares the reader: it asks before a form
// marked data-confirm does something that cannot be undone, and it keeps a live funnel
// (data-live) up to date without reloading the page, so nothing being typed is lost.
"use strict";

document.addEventListener("submit", (event) => {
  const form = event.target;
  if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
  }
});

function followLive(funnel) {
  const source = funnel.dataset.live;
  const step = async () => {
    let page;
    try {
      const answer = await fetch(source, { credentials: "same-origin", headers: { Accept: "text/html" } });
      if (!answer.ok) {
        window.setTimeout(step, 10000);
        return;
      }
      page = new DOMParser().parseFromString(await answer.text(), "text/html");
    } catch (_) {
      window.setTimeout(step, 10000);
      return;
    }
    const fresh = page.getElementById("funnel");
    if (fresh) {
      funnel.innerHTML = fresh.innerHTML;
    }
    for (const id of ["campaign-status"]) {
      const now = page.getElementById(id);
      const here = document.getElementById(id);
      if (now && here) {
        here.textContent = now.textContent;
      }
    }
    if (fresh && fresh.dataset.live) {
      window.setTimeout(step, 3000);
    } else {
      // Nothing is in flight any more: the note goes and the polling stops.
      const note = document.getElementById("funnel-live");
      if (note) {
        note.remove();
      }
    }
  };
  window.setTimeout(step, 3000);
}

document.addEventListener("DOMContentLoaded", () => {
  for (const funnel of document.querySelectorAll("[data-live]")) {
    followLive(funnel);
  }
});
