import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interestsFor, tokens } from './support/api';
import { eventually } from './support/closed-shadow';
import { screenshot } from './support/screenshots';
import { startStory, type Story } from './support/story';

// An alumnus (demo-alumni-token, 山田 太郎) sees the company's open offers in the popup and answers one.

let story: Story;

beforeAll(async () => {
  story = await startStory({ token: tokens.alumni, pages: {} });
});

afterAll(async () => {
  await story?.dispose();
});

const OFFER = 'Speak at the Sakura Digital Alumni Meetup 2027';
const OFFER_ID = 'offer-alumni-meetup-speaker';

describe('An alumnus', () => {
  it('sees the open offers in the popup, never a closed one', async () => {
    const page = await story.extension.newPage();
    await page.setViewport({ width: 420, height: 900 });
    await page.goto(`chrome-extension://${story.extension.extensionId}/popup.html`);
    const text = await eventually(async () => {
      const body = await page.evaluate(() => document.body.innerText);
      return body.includes(OFFER) ? body : undefined;
    }, 'the offers in the popup');
    expect(text).toMatch(/offers for you/i);
    expect(text).toContain('Come back as Design Lead (Tokyo)');
    expect(text).toContain('みらい銀行 モバイルアプリ刷新パートナー募集');
    expect(text).not.toContain('Game localisation project for Kaze Games');
    expect(text).toContain('山田 太郎');
    await screenshot(page, 'popup-alumni-offers');
    await page.close();
  });

  it('registers interest in an offer with a message, and the backend holds it', async () => {
    const page = await story.extension.newPage();
    await page.setViewport({ width: 420, height: 900 });
    await page.goto(`chrome-extension://${story.extension.extensionId}/popup.html`);
    const offer = await eventually(async () => {
      for (const item of await page.$$('.al-offer')) {
        if ((await item.$eval('h4', (el) => el.textContent?.trim())) === OFFER) return item;
      }
      return undefined;
    }, `the offer "${OFFER}" in the popup`);
    const interested = await offer.waitForSelector("button::-p-text(I'm interested)");
    await interested!.click();
    await page.keyboard.type('I could talk about building payments at a bank.');
    const send = await offer.waitForSelector('button[type="submit"]');
    await send!.click();
    await eventually(async () => {
      const state = await offer.$eval('.al-outbox-status', (el) => el.getAttribute('data-state'));
      return state === 'sent' ? state : undefined;
    }, 'the interest to be sent');
    await screenshot(page, 'popup-interest-sent');

    const held = await interestsFor(story.backend.url, OFFER_ID);
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({ offerId: OFFER_ID, message: 'I could talk about building payments at a bank.', submittedBy: '山田 太郎' });
    await page.close();
  });
});
