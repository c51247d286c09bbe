// Importing a WordPress site from the dashboard, as a host does it: the export WordPress 6.1 wrote
// (../shared/fixtures), the preview with its categories, the import run by the worker with its progress, the
// summary, and the imported event's page.
import { existsSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createAccount, signIn } from "./helpers";

const EXPORT = path.resolve("../shared/fixtures/wordpress/association-site.wxr.xml");

test("a host imports their WordPress site's events and comments from the dashboard", async ({ page }) => {
  expect(existsSync(EXPORT), `${EXPORT} is missing`).toBe(true);
  const email = `hote-import-${Date.now()}@example.org`;
  createAccount(email, "mot de passe très long", "HOST");
  await signIn(page, email, "mot de passe très long");
  await page.getByRole("link", { name: "Importer" }).click();
  await expect(page.getByRole("heading", { name: "Importer depuis WordPress" })).toBeVisible();
  await page.getByLabel("Fichier d’export WordPress (.xml)").setInputFiles(EXPORT);
  await page.getByRole("button", { name: "Voir ce qui sera importé" }).click();
  await expect(page).toHaveURL(/\/dashboard\/import\?upload=/);
  await expect(page.getByText("Fichier « association-site.wxr.xml » du site « Collectif Numérique Solidaire ».")).toBeVisible();

  await page.getByLabel("Catégorie « Rencontres » (4 articles)").check();
  await page.getByRole("button", { name: "Mettre à jour l’aperçu" }).click();
  await expect(page.getByRole("heading", { name: "3 rencontres à importer" })).toBeVisible();
  const atelier = page.locator("tr", { hasText: "Atelier : sécuriser les données de vos adhérents" });
  await expect(atelier).toContainText("4 publiés, 1 à modérer, 2 demandent le compte rendu");
  await expect(page.getByText("« Assemblée générale 2024 : compte rendu » : hors des catégories choisies")).toBeVisible();

  await page.getByRole("button", { name: "Importer 3 rencontres" }).click();
  await expect(page.getByTestId("import-summary")).toContainText("Rencontres : 3 créées (3 publiées", { timeout: 30_000 });
  await expect(page.getByTestId("import-summary")).toContainText("9 publiés, 1 à modérer, 5 demandant le compte rendu");

  await page.goto("/events/atelier-securiser-les-donnees-de-vos-adherents");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Atelier : sécuriser les données de vos adhérents");
  await expect(page.getByText("jeudi 14 mars 2019")).toBeVisible();
  await expect(page.locator(".comment", { hasText: "Julien Moreau" }).first()).toContainText("est-ce que les supports seront partagés ensuite");
  await expect(page.locator("body")).not.toContainText("julien.moreau@example.org");
});
