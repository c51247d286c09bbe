import { expect, test } from "@playwright/test";
import { DEMO_EVENT_PATH, latestEmailTo, newReader } from "./helpers";

for (const javaScriptEnabled of [true, false]) {
  test(`a visitor asks for the recap and confirms from the e-mail (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({ browser }) => {
    const reader = await newReader(browser, { javaScriptEnabled });
    const { page } = reader;
    await page.goto(DEMO_EVENT_PATH);
    const section = page.locator("#recap-request");
    await expect(section.getByRole("heading", { name: "Vous n’avez pas pu venir ?" })).toBeVisible();
    const waitingBefore = await section.locator(".muted").textContent();

    await section.getByLabel("Votre e-mail").fill(reader.email);
    await section.getByLabel("Votre nom (facultatif)").fill("Inès");
    await section.getByRole("button", { name: "Prévenez-moi" }).click();
    await expect(section.getByText("C’est noté. Si l’adresse est valide, un e-mail de confirmation vient de partir")).toBeVisible();

    // The worker beside the server sends (here: stores) the confirmation e-mail.
    await expect.poll(() => latestEmailTo(reader.email)?.status, { timeout: 15_000 }).toBe("SENT");
    const mail = latestEmailTo(reader.email)!;
    expect(mail.subject).toContain("Confirmez votre demande de compte rendu");
    const link = /https?:\/\/\S+\/recap-requests\/confirm\?token=[\w-]+/.exec(mail.textBody)![0];

    await page.goto(new URL(link).pathname + new URL(link).search);
    await expect(page.getByRole("heading", { name: "Confirmer votre demande" })).toBeVisible();
    await page.getByRole("button", { name: "Confirmer ma demande" }).click();
    await expect(page.getByRole("heading", { name: "Demande confirmée" })).toBeVisible();
    await page.getByRole("link", { name: "Retour à la rencontre" }).click();
    await expect(page.locator("#recap-request .muted")).not.toHaveText(waitingBefore ?? "");
    await expect(page.locator("#recap-request .muted")).toContainText(/attend/);
    await reader.context.close();
  });
}
