// Debrief's public pages come without Next.js's client runtime (docs/decisions/011-public-pages-without-client-runtime.md):
// every form on them is a plain HTML form posting to its server action, whose answer is the whole page again.
// With JavaScript, this adds what the runtime's forms did:
// - a form marked data-in-place is posted in the background and the page's <main> replaced by the answer's: the
//   reader stays where they are, and its button says the form is being sent (data-pending-label);
// - after a post, focus (and the view) goes where the reader must look: the first field to correct, else the message;
// - a form being sent is not sent a second time by another click.
(() => {
  const SENDING = "sending";
  focusOutcome();

  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    if (form.dataset.state === SENDING) {
      event.preventDefault();
      return;
    }
    form.dataset.state = SENDING;
    form.setAttribute("aria-busy", "true");
    if (form.dataset.inPlace === undefined) {
      // A post that never answers (the reader stopped it, the network dropped) must not keep the form shut.
      setTimeout(() => allowAgain(form), 10_000);
      return;
    }
    event.preventDefault();
    const data = new FormData(form, event.submitter);
    const button = form.querySelector("button[data-pending-label]");
    if (button) {
      button.textContent = button.dataset.pendingLabel;
      button.setAttribute("aria-disabled", "true");
    }
    fetch(form.action, { method: "POST", body: data, headers: { accept: "text/html" } }).then(show, () => {
      // No answer (the network dropped): the form is posted as it would be without JavaScript.
      allowAgain(form);
      HTMLFormElement.prototype.submit.call(form);
    });
  });

  // Back to this page as the browser kept it: its forms can be sent again.
  addEventListener("pageshow", (event) => {
    if (event.persisted) for (const form of document.forms) allowAgain(form);
  });

  /** The answer to a form posted in place: its <main> replaces this page's; any other answer is shown as a page. */
  async function show(response) {
    if (response.redirected) {
      location.assign(response.url);
      return;
    }
    const page = new DOMParser().parseFromString(await response.text(), "text/html");
    const main = page.querySelector("main");
    const current = document.querySelector("main");
    if (main && current) current.replaceWith(document.adoptNode(main));
    else document.documentElement.replaceWith(document.adoptNode(page.documentElement));
    document.title = page.title;
    focusOutcome();
  }

  function focusOutcome() {
    const invalid = document.querySelector('main form [aria-invalid="true"]');
    const message = [...document.querySelectorAll('main [role="status"][tabindex="-1"]')].find((status) => status.textContent.trim() !== "");
    (invalid ?? message)?.focus();
  }

  function allowAgain(form) {
    delete form.dataset.state;
    form.removeAttribute("aria-busy");
  }
})();
