import { expect, test } from "@playwright/test";
import { DEMO_UPCOMING_SLUG } from "../lib/seed/demo-content";
import { linkIn, newReader, waitForMail } from "./helpers";

for (const javaScriptEnabled of [true, false]) {
  test(`a visitor asks for the recap and confirms from the e-mail (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({ browser }) => {
    const reader = await newReader(browser, { javaScriptEnabled });
    const { page } = reader;
    // The upcoming demo event: nobody publishes its recap in the other specs.
    await page.goto(`/events/${DEMO_UPCOMING_SLUG}`);
    const section = page.locator("#recap-request");
    await expect(section.getByRole("heading", { name: "Vous ne pouvez pas venir ?" })).toBeVisible();
    const waitingBefore = await section.locator(".muted").textContent();

    await section.getByLabel("Votre e-mail").fill(reader.email);
    await section.getByLabel("Votre nom (facultatif)").fill("Inès");
    await section.getByRole("button", { name: "Prévenez-moi" }).click();
    await expect(section.getByText("C’est noté. Si l’adresse est valide, un e-mail de confirmation vient de partir")).toBeVisible();

    // The worker beside the server sends the confirmation e-mail; the reader opens it in their inbox.
    const mail = await waitForMail(reader.email, /Confirmez votre demande de compte rendu/);
    await page.goto(linkIn(mail, "/recap-requests/confirm?token="));
    await expect(page.getByRole("heading", { name: "Confirmer votre demande" })).toBeVisible();
    await page.getByRole("button", { name: "Confirmer ma demande" }).click();
    await expect(page.getByRole("heading", { name: "Demande confirmée" })).toBeVisible();
    await page.getByRole("link", { name: "Retour à la rencontre" }).click();
    await expect(page.locator("#recap-request .muted")).not.toHaveText(waitingBefore ?? "");
    await expect(page.locator("#recap-request .muted")).toContainText(/attend/);
    await reader.context.close();
  });
}
