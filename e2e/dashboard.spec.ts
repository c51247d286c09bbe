import { expect, test } from "@playwright/test";
import { createAccount, DEMO_EVENT_PATH, DEMO_EVENT_SLUG, linkIn, newReader, publishFromEditor, waitForMail } from "./helpers";

test("the whole loop: a host approves a comment, a reader asks for the recap and confirms, the host publishes, the reader is mailed a working link", async ({
  browser,
}) => {
  const hostEmail = `hote-${Date.now()}@example.org`;
  expect(createAccount(hostEmail, "mot de passe très long", "HOST")).toContain("Created host");

  // A reader's first comment is held.
  const reader = await newReader(browser);
  const body = `Merci ! Y aura-t-il un compte rendu ? (${Date.now()})`;
  const posted = await reader.page.request.post(`/api/events/${DEMO_EVENT_SLUG}/comments`, {
    data: { authorName: "Lou", authorEmail: reader.email, body },
  });
  expect(await posted.json()).toMatchObject({ status: "PENDING", asksForRecap: true });

  const host = await newReader(browser);
  const page = host.page;
  await page.goto("/dashboard/moderation");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await page.getByLabel("E-mail").fill(hostEmail);
  await page.getByLabel("Mot de passe").fill("pas le bon");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByText("E-mail ou mot de passe incorrect.")).toBeVisible();
  await page.getByLabel("Mot de passe").fill("mot de passe très long");
  await page.getByRole("button", { name: "Se connecter" }).click();
  // Back to the page first asked for.
  await expect(page).toHaveURL(/\/dashboard\/moderation$/);
  const item = page.locator(".comment", { hasText: body });
  await expect(item).toContainText("Demande le compte rendu");
  await expect(item).toContainText(reader.email);
  await item.getByRole("button", { name: "Approuver" }).click();
  await expect(page.getByText("1 commentaire approuvé : il est en ligne.")).toBeVisible();
  await expect(page.locator(".comment", { hasText: body })).toHaveCount(0);

  await reader.page.goto(DEMO_EVENT_PATH);
  const shown = reader.page.locator(".comment", { hasText: body });
  await expect(shown).toBeVisible();
  await expect(shown).not.toContainText("En attente de modération");

  // The reader asks for the recap and confirms from their own inbox. The host's outbox shows the same
  // e-mail with the link redacted: hosts read what people were sent, they cannot act for them.
  await reader.page.locator("#recap-request").getByLabel("Votre e-mail").fill(reader.email);
  await reader.page.locator("#recap-request").getByRole("button", { name: "Prévenez-moi" }).click();
  await expect(reader.page.getByText("C’est noté.")).toBeVisible();
  const confirmation = await waitForMail(reader.email, /Confirmez votre demande de compte rendu/);
  await page.getByRole("link", { name: "Boîte d’envoi" }).click();
  const row = page.getByRole("row", { name: new RegExp(reader.email.replace(/[.]/g, "\\.")) });
  await expect(row).toContainText("Confirmez votre demande de compte rendu");
  await row.getByRole("link").click();
  await expect(page.getByRole("heading", { name: /Confirmez votre demande de compte rendu/ })).toBeVisible();
  await expect(page.locator(".mail-text")).toContainText("/recap-requests/confirm?token=[…]");
  await expect(page.locator(".mail-text a")).toHaveCount(0);
  await reader.page.goto(linkIn(confirmation, "/recap-requests/confirm?token="));
  await reader.page.getByRole("button", { name: "Confirmer ma demande" }).click();
  await expect(reader.page.getByRole("heading", { name: "Demande confirmée" })).toBeVisible();

  // The host writes and publishes the recap; everyone who confirmed is mailed.
  await page.getByRole("link", { name: "Vue d’ensemble" }).click();
  await page
    .getByRole("row", { name: /Plaidoyer, mobilisation/ })
    .getByRole("link", { name: /Rédiger le compte rendu|brouillon|publié|prévu/ })
    .click();
  await page.getByLabel("Le compte rendu (Markdown)").fill(`Merci à toutes et tous ! Le débat sur le **clickactivism** a été vif. (${Date.now()})`);
  await page.getByLabel("Type 1").selectOption("SLIDES");
  await page.getByLabel("Titre 1").fill("Les diapositives");
  await page.getByLabel("Adresse 1").fill("https://example.org/webreakfast-slides.pdf");
  await expect(page.getByLabel(/répondre aussi sous/)).toBeChecked();
  await publishFromEditor(page);
  await expect(page.getByText(/Réponses? publiées? sous \d+ commentaires?/)).toBeVisible();

  // The host's "the recap is online" reply now sits under the reader's question, marked as the host's.
  await reader.page.goto(DEMO_EVENT_PATH);
  const question = reader.page.locator(".comment", { hasText: body });
  const answer = question.locator(".comment-list--replies > .comment").first();
  await expect(answer).toContainText("Le compte rendu est en ligne");
  await expect(answer.locator(".badge--host")).toHaveText("Animateur·rice");
  await expect(answer.getByRole("link", { name: /#recap/ })).toHaveAttribute("href", /\/events\/webreakfast-plaidoyer-mobilisation-collecte-de-fonds#recap$/);

  // The reader receives the recap in their inbox, with a working link.
  const recapMail = await waitForMail(reader.email, /Le compte rendu est en ligne/);
  await reader.page.goto(linkIn(recapMail, "#recap"));
  await expect(reader.page.locator("#recap")).toContainText("clickactivism");
  await expect(reader.page.locator("#recap").getByRole("link", { name: "Les diapositives" })).toHaveAttribute(
    "href",
    "https://example.org/webreakfast-slides.pdf",
  );
  await reader.context.close();
  await host.context.close();
});

test("anonymous visitors are sent to sign in and get nothing from the dashboard", async ({ page }) => {
  const slug = DEMO_EVENT_SLUG;
  for (const path of [
    "/dashboard",
    "/dashboard/moderation?status=SPAM",
    "/dashboard/mailbox",
    "/dashboard/events/new",
    `/dashboard/events/${slug}/edit`,
    `/dashboard/events/${slug}/recap`,
  ]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
    expect(decodeURIComponent(new URL(page.url()).searchParams.get("callbackUrl") ?? "")).toBe(path);
    await expect(page.getByRole("heading", { name: "Connexion des animateurs" })).toBeVisible();
  }
  const delivery = await page.request.get(`/api/dashboard/events/${slug}/delivery`);
  expect(delivery.status()).toBe(401);
  expect(await delivery.text()).not.toContain("SENT");
});
