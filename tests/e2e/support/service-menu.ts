/** The service navigation as a person uses it: on a phone the links are behind the "Menu" button. */
import { expect, type Page } from '@playwright/test';

/** Follows a link of the service navigation, opening the collapsed menu first where there is one. */
export async function fromMenu(page: Page, name: string): Promise<void> {
  const toggle = page.locator('.govuk-service-navigation__toggle');
  if (await toggle.isVisible()) {
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  }
  await page.locator('.govuk-service-navigation__list').getByRole('link', { name, exact: true }).click();
}
