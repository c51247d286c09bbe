// Debrief's public pages come without Next.js's client runtime (docs/decisions/011-public-pages-without-client-runtime.md):
// every form on them is a plain HTML form posting to its server action, whose answer is the whole page again.
// With JavaScript, this adds what the runtime's forms did:
// - a form marked data-in-place is posted in the background and the page's <main> replaced by the answer's: the
//   reader stays where they are, what they typed in the page's other forms stays, and the button says the form is
//   being sent (data-pending-label). When no page comes back (the network, a proxy's error page), nothing is
//   replaced: the form keeps what was typed and says it was not sent (data-failed-message);
// - after a post, focus (and the view) goes where the reader must look: the first field to correct, else the message;
// - a form being sent is not sent a second time by another click.
(() => {
  const SENDING = "sending";
  const TIMEOUT_MS = 30_000;
  let postingInPlace = false;
  focusOutcome();

  document.addEventListener("submit", (event) => {
    const form = event.target;
    // Something else (React, were its runtime on the page) already took this submission.
    if (!(form instanceof HTMLFormElement) || event.defaultPrevented) return;
    const inPlace = form.dataset.inPlace !== undefined;
    if (form.dataset.state === SENDING || (inPlace && postingInPlace)) {
      event.preventDefault();
      return;
    }
    form.dataset.state = SENDING;
    form.setAttribute("aria-busy", "true");
    let request = null;
    try {
      if (inPlace) request = { method: "POST", body: new FormData(form, event.submitter), headers: { accept: "text/html" }, signal: timeout() };
    } catch {
      // A browser without what posting in place needs posts the form itself.
    }
    if (!request) {
      // A post that never answers (the reader stopped it, the network dropped) must not keep the form shut.
      setTimeout(() => allowAgain(form), 10_000);
      return;
    }
    event.preventDefault();
    postingInPlace = true;
    const button = form.querySelector("button[data-pending-label]");
    if (button) {
      button.dataset.label = button.textContent;
      button.textContent = button.dataset.pendingLabel;
      button.setAttribute("aria-disabled", "true");
    }
    fetch(form.getAttribute("action") || location.href, request)
      .then((response) => show(form, response))
      .catch(() => notSent(form))
      .finally(() => {
        postingInPlace = false;
      });
  });

  // Back to this page as the browser kept it: its forms can be sent again.
  addEventListener("pageshow", (event) => {
    if (event.persisted) for (const form of document.forms) allowAgain(form);
  });

  function timeout() {
    return typeof AbortSignal.timeout === "function" ? AbortSignal.timeout(TIMEOUT_MS) : undefined;
  }

  /** The answer to a form posted in place: the page it brings replaces this page's <main>. */
  async function show(form, response) {
    if (response.redirected) {
      location.assign(response.url);
      return;
    }
    const type = response.headers.get("content-type") ?? "";
    const page = response.ok && type.startsWith("text/html") ? new DOMParser().parseFromString(await response.text(), "text/html") : null;
    const main = page?.querySelector("main");
    const current = document.querySelector("main");
    if (!page || !main || !current) {
      notSent(form);
      return;
    }
    keepOtherForms(current, main, form);
    current.replaceWith(document.adoptNode(main));
    if (page.title) document.title = page.title;
    focusOutcome();
  }

  /** What the reader typed in the page's other forms is carried into the new page's (matched by id or class, then name). */
  function keepOtherForms(current, next, posted) {
    for (const form of current.querySelectorAll("form")) {
      if (form === posted) continue;
      const key = form.id ? `#${CSS.escape(form.id)}` : form.className ? `form.${[...form.classList].map((name) => CSS.escape(name)).join(".")}` : null;
      const twin = key ? next.querySelector(key) : null;
      if (!twin) continue;
      for (const field of form.elements) {
        if (!field.name || field.type === "hidden" || field.type === "submit") continue;
        const copy = twin.elements.namedItem(field.name);
        if (!(copy instanceof HTMLInputElement || copy instanceof HTMLTextAreaElement || copy instanceof HTMLSelectElement)) continue;
        if (field.type === "checkbox" || field.type === "radio") copy.checked = field.checked;
        else copy.value = field.value;
      }
    }
  }

  /** Nothing came back to show: the form keeps what was typed, says it was not sent, and can be sent again. */
  function notSent(form) {
    allowAgain(form);
    const status = form.querySelector('[role="status"]') ?? form.previousElementSibling;
    const message = form.dataset.failedMessage;
    if (status?.getAttribute("role") === "status" && message) {
      const notice = document.createElement("p");
      notice.className = "notice notice--error";
      notice.setAttribute("role", "alert");
      notice.textContent = message;
      status.replaceChildren(notice);
      status.focus();
    }
  }

  function focusOutcome() {
    const invalid = document.querySelector('main form [aria-invalid="true"]');
    const message = [...document.querySelectorAll('main [role="status"][tabindex="-1"]')].find((status) => status.textContent.trim() !== "");
    (invalid ?? message)?.focus();
  }

  function allowAgain(form) {
    delete form.dataset.state;
    form.removeAttribute("aria-busy");
    const button = form.querySelector("button[data-pending-label]");
    if (button?.dataset.label !== undefined) {
      button.textContent = button.dataset.label;
      delete button.dataset.label;
      button.removeAttribute("aria-disabled");
    }
  }
})();
