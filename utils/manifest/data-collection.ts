/**
 * What the extension transmits, in Mozilla's data-collection categories
 * (browser_specific_settings.gecko.data_collection_permissions), each with the code that sends it. Everything
 * goes to one place only: the backend the user or the company configured (utils/backend/client.ts); nothing
 * goes to Mozilla, the extension's authors or any third party. PRIVACY.md says the same in full sentences.
 *
 * All of it is required: without the backend there is nothing to recognise and nowhere to log to.
 * Not declared, because never sent: websiteContent (page text and markup are read inside the browser
 * only), websiteActivity (clicks and scrolling on sites), searchTerms, bookmarksInfo, locationInfo,
 * healthInfo, financialAndPaymentInfo, technicalAndInteraction (no telemetry, no crash reports).
 */
export const firefoxDataCollection = {
  required: [
    // The access token in every request's Authorization header (utils/backend/client.ts).
    'authenticationInfo',
    // Introductions name an alumnus (alumnusId) and carry the user's free-text note about a person
    // (POST /introductions); past introductions are looked up by alumnusId (GET /introductions).
    'personallyIdentifyingInfo',
    // The address of the page an introduction was logged on, e.g. a LinkedIn profile URL
    // (introduction.context.url) — only that page, only when the user logs it.
    'browsingActivity',
    // An alumnus's message to the company when answering an offer (POST /interests, `message`).
    'personalCommunications',
  ],
} satisfies { required: Array<'none' | 'authenticationInfo' | 'personallyIdentifyingInfo' | 'browsingActivity' | 'personalCommunications'> };
