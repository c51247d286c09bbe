import { expect, test } from "@playwright/test";
import { createAccount, inbox, linkIn, newReader, publishFromEditor, signIn, waitForMail, withE2eDatabase } from "./helpers";
import { createEvent, createRecapRequest } from "../test/factories";

const hostPassword = "mot de passe très long";

/** A past, published event of this spec's own, so no other spec's changes reach it. */
async function pastEvent(title: string) {
  return withE2eDatabase((db) =>
    createEvent(db, { title, startsAt: new Date("2026-09-10T16:00:00Z"), endsAt: new Date("2026-09-10T18:00:00Z"), timeZone: "Europe/Paris" }),
  );
}

test("before publication, the recap box says what to expect — nothing yet, expected by a day, none planned — in French and English", async ({ browser }) => {
  const event = await pastEvent(`Atelier statut ${Date.now()}`);
  const path = `/events/${event.slug}`;
  const reader = await newReader(browser);
  const box = reader.page.locator("#recap-request");

  await reader.page.goto(path);
  await expect(box.getByRole("heading", { name: "Vous n’avez pas pu venir ?" })).toBeVisible();
  await expect(box).toContainText("Recevez le compte rendu par e-mail dès qu’il sera publié.");
  await expect(box).toContainText("Personne n’attend encore le compte rendu.");

  await withE2eDatabase(async (db) => {
    await createRecapRequest(db, event.id, { confirmedAt: new Date("2026-09-11T08:00:00Z") });
    await createRecapRequest(db, event.id, { confirmedAt: new Date("2026-09-12T08:00:00Z") });
    await db.event.update({ where: { id: event.id }, data: { updatedAt: new Date() } });
  });
  // Written by another process (as another instance would): the server sees it within its version check's 250 ms
  // (docs/decisions/007-page-cache.md), so a reload right away may still get the page as it was.
  await expect(async () => {
    await reader.page.reload();
    await expect(box).toContainText("2 personnes l’attendent depuis le 11 septembre 2026.", { timeout: 100 });
  }).toPass({ timeout: 1_000 });

  // A host says when the recap is expected, from the recap editor.
  const hostEmail = `hote-statut-${Date.now()}@example.org`;
  createAccount(hostEmail, hostPassword);
  const host = await newReader(browser);
  await signIn(host.page, hostEmail, hostPassword);
  await host.page.goto(`/dashboard/events/${event.slug}/recap`);
  await expect(host.page.getByTestId("recap-counts")).toHaveText("2 personnes attendent · aucun envoi · aucun retrait");
  const form = host.page.locator(".recap-outlook");
  // Each save waits for the server's answer: the previous save's "saved" must not stand for this one.
  const saveOutlook = () =>
    Promise.all([
      host.page.waitForResponse((response) => response.request().method() === "POST"),
      form.getByRole("button", { name: "Enregistrer le statut" }).click(),
    ]);
  await form.getByLabel("Compte rendu prévu", { exact: true }).check();
  await form.getByLabel("Prévu pour le (facultatif)").fill("2020-01-15");
  await saveOutlook();
  await expect(form.getByText("Cette date est passée : choisissez aujourd’hui ou un jour à venir.")).toBeVisible();
  await form.getByLabel("Prévu pour le (facultatif)").fill("2099-10-12");
  await saveOutlook();
  await expect(form.getByText("Statut enregistré")).toBeVisible();

  await reader.page.reload();
  await expect(box).toContainText("Le compte rendu est prévu pour le 12 octobre 2099. Recevez-le par e-mail dès sa publication.");
  const english = await newReader(browser, { locale: "en-GB" });
  await english.page.goto(path);
  await expect(english.page.locator("#recap-request")).toContainText("The recap is expected by October 12, 2099.");
  await expect(english.page.locator("#recap-request")).toContainText("2 people have been waiting for it since September 11, 2026.");

  // No recap planned: the box says so, with the hosts' sentence, and still lets readers ask.
  await form.getByLabel("Pas de compte rendu prévu").check();
  await form.getByLabel("Une phrase pour les lecteurs (facultatif)").fill("La rencontre n’a pas été enregistrée.");
  await saveOutlook();
  await expect(form.getByText("Statut enregistré")).toBeVisible();
  await reader.page.reload();
  await expect(box).toContainText("Aucun compte rendu n’est prévu pour cette rencontre.");
  await expect(box).toContainText("La rencontre n’a pas été enregistrée.");
  await expect(box.getByRole("button", { name: "Prévenez-moi s’il paraît" })).toBeVisible();
  await english.page.reload();
  await expect(english.page.locator("#recap-request")).toContainText("No recap is planned for this event.");
  await expect(english.page.locator("#recap-request").getByRole("button", { name: "Tell me if one appears" })).toBeVisible();
  for (const context of [reader.context, english.context, host.context]) await context.close();
});

test("after publication the page leads with the recap; a late request confirmed from the mailbox receives it with no host action; the manage page says when it went", async ({
  browser,
}) => {
  const event = await pastEvent(`Atelier publié ${Date.now()}`);
  const hostEmail = `hote-publie-${Date.now()}@example.org`;
  createAccount(hostEmail, hostPassword);
  const host = await newReader(browser);
  await signIn(host.page, hostEmail, hostPassword);
  await host.page.goto(`/dashboard/events/${event.slug}/recap`);
  await host.page.getByLabel("Le compte rendu (Markdown)").fill("Merci à toutes et tous : trois idées à retenir.");
  await publishFromEditor(host.page);

  const reader = await newReader(browser);
  const { page } = reader;
  await page.goto(`/events/${event.slug}`);
  // The recap comes first, then the offer to get it by e-mail, then the topic.
  const order = await page
    .locator("#recap, #recap-request, .event__topic")
    .evaluateAll((sections) => sections.map((section) => section.id || section.className));
  expect(order).toEqual(["recap", "recap-request", "event__topic"]);
  const box = page.locator("#recap-request");
  await expect(box.getByRole("heading", { name: "Recevoir le compte rendu par e-mail" })).toBeVisible();
  await expect(page.locator("#comment-form").getByLabel("Envoyez-moi aussi le compte rendu par e-mail (vous confirmerez par e-mail).")).toBeVisible();

  await box.getByLabel("Votre e-mail").fill(reader.email);
  await box.getByRole("button", { name: "Envoyez-le-moi" }).click();
  await expect(box.getByText("dès que vous l’aurez confirmé, le compte rendu vous sera envoyé")).toBeVisible();

  const confirmation = await waitForMail(reader.email, /Confirmez votre demande/);
  await page.goto(linkIn(confirmation, "/recap-requests/confirm?token="));
  await expect(page.getByText("est publié : confirmez votre demande pour le recevoir aussitôt par e-mail.")).toBeVisible();
  // Switching language keeps the link's token: the same request, now in English, then back.
  const confirmUrl = page.url();
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByText("is published: confirm your request to receive it by e-mail right away.")).toBeVisible();
  expect(page.url()).toBe(confirmUrl);
  await page.getByRole("button", { name: "Français" }).click();
  await page.getByRole("button", { name: "Confirmer ma demande" }).click();
  await expect(page.getByText("il part vers votre boîte aux lettres")).toBeVisible();

  // No host action: the recap arrives, once.
  const recapMail = await waitForMail(reader.email, /Le compte rendu est en ligne/);
  expect(recapMail.text).toContain("trois idées à retenir");
  await page.waitForTimeout(1500);
  expect(inbox(reader.email).filter((mail) => /Le compte rendu est en ligne/.test(mail.subject))).toHaveLength(1);

  await page.goto(linkIn(recapMail, "/recap-requests/manage?token="));
  await expect(page.getByText(/^Compte rendu envoyé le \d+ \S+ \d{4}\.$/)).toBeVisible();

  // The counts moved: nobody waits, one was sent.
  await host.page.reload();
  await expect(host.page.getByTestId("recap-counts")).toHaveText("Personne n’attend · 1 envoyé · aucun retrait");
  await page.goto(`/events/${event.slug}`);
  await expect(page.locator("#recap-request")).toContainText("Déjà envoyé par e-mail à 1 personne.");
  await reader.context.close();
  await host.context.close();
});

test("a comment asking for the recap after publication is told it is online, with the offer to get it by e-mail", async ({ browser }) => {
  const event = await pastEvent(`Atelier question ${Date.now()}`);
  await withE2eDatabase(async (db) => {
    await db.recap.create({ data: { eventId: event.id, body: "Le compte rendu.", status: "PUBLISHED", publishedAt: new Date(), publicationCount: 1 } });
  });
  const reader = await newReader(browser);
  const { page } = reader;
  await page.goto(`/events/${event.slug}`);
  await page.waitForLoadState("networkidle");
  const form = page.locator("#comment-form");
  await form.getByLabel("Nom", { exact: true }).fill("Martin");
  await form.getByLabel("E-mail", { exact: true }).fill(reader.email);
  await form.getByLabel("Commentaire", { exact: true }).fill("Bonjour, y a-t-il eu un compte rendu ?");
  await page.waitForTimeout(1100);
  await form.getByRole("button", { name: "Publier le commentaire" }).click();
  await expect(form.getByText("Le compte rendu est en ligne :")).toBeVisible();
  await expect(form.getByRole("link", { name: "le lire" })).toHaveAttribute("href", "#recap");
  await expect(form.getByRole("link", { name: "me l’envoyer" })).toHaveAttribute("href", "#recap-request");
  await reader.context.close();
});
